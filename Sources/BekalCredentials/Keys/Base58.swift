/// Base58 with the Bitcoin alphabet (base58-btc), as used by multibase `z` values and `proofValue`.
public enum Base58 {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let indexes: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Encodes bytes; each leading zero byte becomes a leading `1`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        let zeros = input.prefix { $0 == 0 }.count
        // log(256)/log(58) ≈ 1.37
        var digits = [UInt8](repeating: 0, count: (input.count - zeros) * 138 / 100 + 1)
        var length = 0
        for byte in input[zeros...] {
            var carry = Int(byte)
            var i = 0
            var k = digits.count - 1
            while (carry != 0 || i < length) && k >= 0 {
                carry += 256 * Int(digits[k])
                digits[k] = UInt8(carry % 58)
                carry /= 58
                i += 1
                k -= 1
            }
            length = i
        }
        let significant = digits.drop { $0 == 0 }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.append(contentsOf: significant.map { alphabet[Int($0)] })
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base58-btc text.
    /// - Parameter maxLength: refuses longer text before doing quadratic work on it.
    public static func decode(_ text: String, maxLength: Int = 512) throws(CredentialError) -> [UInt8] {
        let input = Array(text.utf8)
        guard input.count <= maxLength else {
            throw CredentialError(.invalidBase58, "base58 text is longer than \(maxLength) characters")
        }
        let zeros = input.prefix { $0 == alphabet[0] }.count
        var bytes = [UInt8](repeating: 0, count: (input.count - zeros) * 733 / 1000 + 1)
        var length = 0
        for c in input[zeros...] {
            guard c < 128, indexes[Int(c)] >= 0 else {
                throw CredentialError(.invalidBase58, "text contains a character outside the base58-btc alphabet")
            }
            var carry = Int(indexes[Int(c)])
            var i = 0
            var k = bytes.count - 1
            while (carry != 0 || i < length) && k >= 0 {
                carry += 58 * Int(bytes[k])
                bytes[k] = UInt8(carry % 256)
                carry /= 256
                i += 1
                k -= 1
            }
            length = i
        }
        return [UInt8](repeating: 0, count: zeros) + bytes.drop { $0 == 0 }
    }
}

/// Multibase values with the base58-btc prefix `z`.
public enum Multibase {
    public static func encodeBase58(_ bytes: some Collection<UInt8>) -> String { "z" + Base58.encode(bytes) }

    public static func decodeBase58(_ text: String) throws(CredentialError) -> [UInt8] {
        guard text.first == "z" else {
            throw CredentialError(.invalidMultibase, "multibase value does not start with 'z' (base58-btc)")
        }
        return try Base58.decode(String(text.dropFirst()))
    }
}
