import Crypto
import Foundation

/// A witness's signing key for C2SP tlog-cosignature Ed25519 cosignatures (cosignature/v1, signature type 0x04):
/// a timestamped statement that, as of that time, this is the largest consistent tree the witness has seen for
/// the checkpoint's log.
public struct Cosigner: Sendable {
    private let signingKey: SigningKey

    /// A cosigner for `name` with `key`.
    /// - Throws: `LogError.malformedKey` for an empty name or one with a space or a plus sign.
    public init(name: String, key: Curve25519.Signing.PrivateKey) throws {
        signingKey = try SigningKey(name: name, key: key)
    }

    /// The witness's key name (e.g. `bapas-purwokerto.example/witness`).
    public var name: String { signingKey.name }

    /// The verifier of this cosigner's signatures.
    public var verifier: CosignatureVerifier { CosignatureVerifier(key: signingKey.verifierKey(.cosignatureV1)) }

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
    let key: VerifierKey

    init(key: VerifierKey) { self.key = key }

    /// The witness's key name, as its cosignature lines carry it.
    public var name: String { key.name }
    /// The key ID, as the witness's cosignature lines carry it.
    public var keyID: UInt32 { key.keyID }
    /// The 32-byte Ed25519 public key.
    public var publicKey: [UInt8] { key.publicKey }

    /// A verifier for a witness's name and public key.
    /// - Throws: `LogError.malformedKey` for an invalid name.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws {
        key = try VerifierKey(name: name, type: .cosignatureV1, publicKey: publicKey)
    }

    /// Parses a verifier key of type 0x04: `<name>+<hex key ID>+<base64(0x04 ‖ public key)>`.
    /// - Throws: `LogError.malformedKey`.
    public init(verifierKey: String) throws {
        key = try VerifierKey(parsing: verifierKey, type: .cosignatureV1)
    }

    /// The verifier key string that `init(verifierKey:)` reads.
    public var verifierKey: String { key.text }

    /// Whether `signature` (a big-endian u64 timestamp, then an Ed25519 signature) cosigns the checkpoint `text`
    /// at that timestamp.
    public func verify(text: [UInt8], signature: [UInt8]) -> Bool {
        guard let timestamp = CosignatureVerifier.timestamp(of: signature) else { return false }
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
