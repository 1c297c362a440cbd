import Crypto
import Foundation

/// A witness's signing key for C2SP tlog-cosignature Ed25519 cosignatures (cosignature/v1, signature type 0x04):
/// a timestamped statement that, as of that time, this is the largest consistent tree the witness has seen for
/// the checkpoint's log.
public struct Cosigner: Sendable {
    /// The witness's key name (e.g. `bapas-purwokerto.example/witness`).
    public let name: String
    private let signingKey: SigningKey

    /// A cosigner for `name` with `key`.
    /// - Throws: `LogError.malformedKey` for an empty name or one with a space or a plus sign.
    public init(name: String, key: Curve25519.Signing.PrivateKey) throws {
        try KeyName.check(name, error: .malformedKey)
        self.name = name
        signingKey = SigningKey(key)
    }

    /// The verifier of this cosigner's signatures.
    public var verifier: CosignatureVerifier {
        // The name was checked in init and the key is a real Ed25519 key, so this cannot fail.
        try! CosignatureVerifier(name: name, publicKey: signingKey.key.publicKey)
    }

    /// Cosigns a checkpoint's note text at `now` (whole seconds since the epoch, rounded down).
    /// - Throws: `LogError.invalidArgument` for a time before 1970; `.malformedNote` for text that is not a note
    ///   text; `.malformedKey` if signing fails.
    public func cosign(text: String, now: Date) throws -> NoteSignature {
        _ = try SignedNote(text: text, signatures: [])
        guard now.timeIntervalSince1970 >= 0 else {
            throw LogError(.invalidArgument, "a cosignature's time cannot be before 1970")
        }
        let timestamp = UInt64(now.timeIntervalSince1970.rounded(.down))
        let signature: Data
        do {
            signature = try signingKey.key.signature(for: CosignatureVerifier.message(text: Array(text.utf8), timestamp: timestamp))
        } catch {
            throw LogError(.malformedKey, "the key could not sign", cause: error)
        }
        var field = withUnsafeBytes(of: timestamp.bigEndian) { Array($0) }
        field.append(contentsOf: signature)
        return NoteSignature(name: name, keyID: verifier.keyID, signature: field)
    }
}

/// Verifies cosignature/v1 signatures (C2SP tlog-cosignature, type 0x04): the signature field is a big-endian
/// u64 timestamp then an Ed25519 signature over `cosignature/v1\ntime <t>\n` followed by the checkpoint text.
public struct CosignatureVerifier: NoteVerifier, Hashable {
    public let name: String
    public let keyID: UInt32
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// A verifier for a witness's name and public key.
    /// - Throws: `LogError.malformedKey` for an invalid name.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws {
        try KeyName.check(name, error: .malformedKey)
        self.name = name
        self.publicKey = Array(publicKey.rawRepresentation)
        keyID = NoteSignatureType.cosignatureV1.keyID(name: name, publicKey: self.publicKey)
    }

    /// Parses a verifier key of type 0x04: `<name>+<hex key ID>+<base64(0x04 ‖ public key)>`.
    /// - Throws: `LogError.malformedKey`.
    public init(verifierKey: String) throws {
        let key = try VerifierKey(parsing: verifierKey)
        guard key.type == .cosignatureV1 else {
            throw LogError(.malformedKey, "the verifier key is not of type cosignature/v1 (0x04)")
        }
        try self.init(name: key.name, publicKey: try key.ed25519PublicKey())
    }

    /// The verifier key string that `init(verifierKey:)` reads.
    public var verifierKey: String {
        VerifierKey(name: name, keyID: keyID, type: .cosignatureV1, publicKey: publicKey).text
    }

    public func verify(text: [UInt8], signature: [UInt8]) -> Bool {
        guard let timestamp = CosignatureVerifier.timestamp(of: signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        else { return false }
        return key.isValidSignature(
            Array(signature.dropFirst(8)), for: CosignatureVerifier.message(text: text, timestamp: timestamp))
    }

    /// The timestamp of a cosignature's signature field (8 + 64 bytes), `nil` when malformed or above 2^63 − 1.
    public static func timestamp(of signature: [UInt8]) -> UInt64? {
        guard signature.count == 72 else { return nil }
        let timestamp = signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return timestamp <= UInt64(Int64.max) ? timestamp : nil
    }

    /// The signed message: the header line, the time line, then the checkpoint's note text.
    static func message(text: [UInt8], timestamp: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n".utf8) + text
    }
}
