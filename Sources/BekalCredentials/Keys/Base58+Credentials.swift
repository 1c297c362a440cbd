import BekalLinkedData

extension Base58 {
    /// Decodes base58-btc text, or throws `invalidBase58` naming the problem (BekalLinkedData's `Base58` is the one
    /// implementation; this gives its failures the credential layer's error).
    /// - Parameter maxLength: refuses longer text before doing quadratic work on it.
    public static func checkedDecode(_ text: String, maxLength: Int = Base58.defaultMaxLength) throws(CredentialError)
        -> [UInt8]
    {
        switch Base58.decoding(text, maxLength: maxLength) {
        case .success(let bytes): return bytes
        case .failure(.tooLong):
            throw CredentialError(.invalidBase58, "base58 text is longer than \(maxLength) characters")
        case .failure(.invalidCharacter):
            throw CredentialError(.invalidBase58, "text contains a character outside the base58-btc alphabet")
        }
    }
}

/// Multibase values with the base58-btc prefix `z`.
public enum Multibase {
    /// The bytes as a multibase string: `z` followed by base58-btc.
    public static func encodeBase58(_ bytes: some Collection<UInt8>) -> String { "z" + Base58.encode(bytes) }

    /// The bytes of a `z`-prefixed base58-btc multibase string; throws `invalidMultibase` for any other prefix or digit.
    public static func decodeBase58(_ text: String) throws(CredentialError) -> [UInt8] {
        guard text.first == "z" else {
            throw CredentialError(.invalidMultibase, "multibase value does not start with 'z' (base58-btc)")
        }
        return try Base58.checkedDecode(String(text.dropFirst()))
    }
}
