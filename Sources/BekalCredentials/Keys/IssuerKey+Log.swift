import BekalLog
import Crypto

extension IssuerKey {
    /// A signer of C2SP signed notes with this key under the key name `name`: the facility signs its ledger's
    /// checkpoints with the same Ed25519 key that signs its exports, so the trust list that makes an export's
    /// signature trusted also makes the checkpoint inside it trusted. The private key stays inside the signer.
    /// - Throws: `LogError.malformedKey` for a name with a space or a plus sign, or an empty one.
    public func noteSigner(name: String) throws -> Ed25519NoteSigner {
        try Ed25519NoteSigner(name: name, key: try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
    }
}

extension DIDKey {
    /// The C2SP note verifier of this key under the key name `name` (for a checkpoint: its origin), whose
    /// `verifierKey` string is what a witness is told to trust.
    /// - Throws: `LogError.malformedKey` for an invalid name.
    public func noteVerifier(name: String) throws -> Ed25519NoteVerifier {
        try Ed25519NoteVerifier(name: name, publicKey: try Curve25519.Signing.PublicKey(rawRepresentation: publicKey))
    }
}
