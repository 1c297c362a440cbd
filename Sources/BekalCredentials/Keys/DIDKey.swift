import BekalJSON

/// An Ed25519 `did:key` identifier: `did:key:z` + base58-btc(`0xed 0x01` ‖ public key).
public struct DIDKey: Sendable, Hashable, CustomStringConvertible {
    /// The multicodec header of an Ed25519 public key (varint of 0xed).
    static let ed25519Header: [UInt8] = [0xed, 0x01]
    static let publicKeyLength = 32

    /// The raw 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// Creates the `did:key` of a raw Ed25519 public key; throws `invalidDIDKey` unless it has 32 bytes.
    public init(publicKey: [UInt8]) throws(CredentialError) {
        guard publicKey.count == Self.publicKeyLength else {
            throw CredentialError(.invalidDIDKey, "an Ed25519 public key has 32 bytes")
        }
        self.publicKey = publicKey
    }

    init(unchecked publicKey: [UInt8]) { self.publicKey = publicKey }

    /// Reads a `publicKeyMultibase` value (`z6Mk…`).
    public init(publicKeyMultibase: String) throws(CredentialError) {
        let bytes = try Multibase.decodeBase58(publicKeyMultibase)
        guard bytes.count == Self.ed25519Header.count + Self.publicKeyLength,
            Array(bytes.prefix(2)) == Self.ed25519Header
        else { throw CredentialError(.invalidDIDKey, "the multikey is not an Ed25519 public key (0xed01, 32 bytes)") }
        try self.init(publicKey: Array(bytes.dropFirst(2)))
    }

    /// Reads `did:key:z6Mk…`, or a verification method `did:key:z6Mk…#z6Mk…` whose fragment names the same key.
    public init(_ didOrVerificationMethod: String) throws(CredentialError) {
        let prefix = "did:key:"
        guard didOrVerificationMethod.hasPrefix(prefix) else {
            throw CredentialError(.invalidDIDKey, "not a did:key identifier")
        }
        let rest = didOrVerificationMethod.dropFirst(prefix.count)
        let parts = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[0] != parts[1] {
            throw CredentialError(.invalidDIDKey, "the verification method fragment does not match the did:key")
        }
        try self.init(publicKeyMultibase: String(parts[0]))
    }

    /// `z6Mk…`
    public var publicKeyMultibase: String { Multibase.encodeBase58(Self.ed25519Header + publicKey) }
    /// `did:key:z6Mk…`
    public var did: String { "did:key:" + publicKeyMultibase }
    /// `did:key:z6Mk…#z6Mk…`, the value of a proof's `verificationMethod`.
    public var verificationMethodID: String { did + "#" + publicKeyMultibase }
    /// The `did:key:z6Mk…` identifier.
    public var description: String { did }

    /// The DID document: one `Multikey` verification method, referenced from `assertionMethod` and `authentication`.
    public var didDocument: JSONValue {
        [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": .string(did),
            "verificationMethod": [
                [
                    "id": .string(verificationMethodID),
                    "type": "Multikey",
                    "controller": .string(did),
                    "publicKeyMultibase": .string(publicKeyMultibase),
                ]
            ],
            "assertionMethod": [.string(verificationMethodID)],
            "authentication": [.string(verificationMethodID)],
        ]
    }
}
