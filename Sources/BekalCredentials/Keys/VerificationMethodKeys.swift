/// The `did:key` each `verificationMethod` names, read once per verification: a portfolio's 27 proofs usually
/// name one method, and reading it means splitting the string and decoding base-58 each time.
///
/// It holds what `DIDKey(_:)` plus the fragment rule give for a method, failures included, so a remembered answer
/// is the answer the method would get again. Local to one verification (a value, never shared).
struct VerificationMethodKeys {
    private var known: [String: DIDKey?] = [:]

    /// The key of an Ed25519 `did:key` verification method `did:key:z…#z…`; `nil` when `method` is not one.
    mutating func key(for method: String) -> DIDKey? {
        if let remembered = known[method] { return remembered }
        let key = Self.read(method)
        // A bound on what is kept, for a document naming many methods: beyond it keys are read each time.
        if known.count < 64 { known[method] = .some(key) }
        return key
    }

    /// The uncached reading: a `did:key` verification method with a fragment naming the same key.
    static func read(_ method: String) -> DIDKey? {
        guard method.utf8.contains(UInt8(ascii: "#")), let key = try? DIDKey(method) else { return nil }
        return key
    }
}
