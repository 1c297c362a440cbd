/// The `did:key` each `verificationMethod` names, read once per verification: a portfolio's 27 proofs usually
/// name one method, and reading it means splitting the string and decoding base-58 each time.
///
/// It holds what `DIDKey(_:)` plus the fragment rule give for a method, failures included, so a remembered answer
/// is the answer the method would get again. Local to one verification (a value, never shared).
struct VerificationMethodKeys {
    /// A key with its `did:key` identifier, written once (the issuer-trust check compares the issuer with it).
    struct Resolved: Equatable {
        var key: DIDKey
        var did: String
    }

    private var known: [String: Resolved?] = [:]

    /// The key of an Ed25519 `did:key` verification method `did:key:z…#z…`; `nil` when `method` is not one.
    mutating func key(for method: String) -> DIDKey? { resolved(method)?.key }

    /// As `key(for:)`, with the key's `did:key` identifier.
    mutating func resolved(_ method: String) -> Resolved? {
        if let remembered = known[method] { return remembered }
        let resolved = Self.read(method).map { Resolved(key: $0, did: $0.did) }
        // A bound on what is kept, for a document naming many methods: beyond it keys are read each time.
        if known.count < 64 { known[method] = .some(resolved) }
        return resolved
    }

    /// The uncached reading: a `did:key` verification method with a fragment naming the same key.
    static func read(_ method: String) -> DIDKey? {
        guard method.utf8.contains(UInt8(ascii: "#")), let key = try? DIDKey(method) else { return nil }
        return key
    }
}
