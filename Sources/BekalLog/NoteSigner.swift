import Crypto
import Foundation

/// Signs note texts with Ed25519 (C2SP signed-note type 0x01). The facility signs its checkpoints with one;
/// the key comes from the caller (the facility's key ring), never from a file read here.
public struct Ed25519NoteSigner: Sendable {
    private let signingKey: SigningKey

    /// A signer for `name` with `key`.
    /// - Throws: `LogError.malformedKey` when the name has a space or a plus sign, or is empty.
    public init(name: String, key: Curve25519.Signing.PrivateKey) throws {
        signingKey = try SigningKey(name: name, key: key)
    }

    /// The key name (for a checkpoint, the log's origin).
    public var name: String { signingKey.name }

    /// The verifier for the signatures this signer makes.
    public var verifier: Ed25519NoteVerifier { Ed25519NoteVerifier(key: signingKey.verifierKey(.ed25519)) }

    /// Signs a note text (which must end in a newline) and returns the signature line.
    /// - Throws: `LogError.malformedNote` when the text is not a note text; a signing failure as `.malformedKey`.
    public func sign(text: String) throws -> NoteSignature {
        _ = try SignedNote(text: text, signatures: [])
        let signature: Data
        do {
            signature = try signingKey.key.signature(for: Array(text.utf8))
        } catch {
            throw LogError(.malformedKey, "the key could not sign", cause: error)
        }
        return NoteSignature(name: name, keyID: verifier.keyID, signature: Array(signature))
    }

    /// A signed note of `text` with this signer's signature.
    public func signedNote(text: String) throws -> SignedNote {
        try SignedNote(text: text, signatures: [try sign(text: text)])
    }
}
