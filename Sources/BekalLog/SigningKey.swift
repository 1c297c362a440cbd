import Crypto

/// An Ed25519 private key under a note key name, held by a signer. swift-crypto's key type is not `Sendable`, but
/// it is never mutated after `init` and signing only reads it, so sharing it between threads is safe (as
/// `IssuerKey` does in BekalCredentials, which this module does not depend on).
final class SigningKey: @unchecked Sendable {
    let name: String
    let key: Curve25519.Signing.PrivateKey

    /// - Throws: `LogError.malformedKey` for an empty name or one with a space or a plus sign.
    init(name: String, key: Curve25519.Signing.PrivateKey) throws {
        try KeyName.check(name, error: .malformedKey)
        self.name = name
        self.key = key
    }

    /// The key under this name for signatures of `type`.
    func verifierKey(_ type: NoteSignatureType) -> VerifierKey {
        // The name was checked in init, so this cannot fail.
        try! VerifierKey(name: name, type: type, publicKey: key.publicKey)
    }
}
