import Crypto

/// A key a note can be verified with: its name, its key ID and the signature check of its type.
public protocol NoteVerifier: Sendable {
    /// The key name the signature line carries.
    var name: String { get }
    /// The 32-bit key ID the signature line carries.
    var keyID: UInt32 { get }
    /// Whether `signature` (the bytes after the key ID) signs `text`.
    func verify(text: [UInt8], signature: [UInt8]) -> Bool
}

/// The signature type bytes of C2SP signed-note that Bekal uses.
public enum NoteSignatureType: UInt8, Sendable {
    /// Ed25519 over the note text: the log's checkpoint signature.
    case ed25519 = 0x01
    /// Timestamped Ed25519 witness cosignature (C2SP tlog-cosignature, cosignature/v1).
    case cosignatureV1 = 0x04

    /// The RECOMMENDED key ID: SHA-256(key name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian.
    public func keyID(name: String, publicKey: [UInt8]) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [0x0A, rawValue])
        hasher.update(data: publicKey)
        return hasher.finalize().prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// Verifies the Ed25519 signatures of C2SP signed-note (type 0x01): the facility's signature on its checkpoints.
public struct Ed25519NoteVerifier: NoteVerifier, Hashable {
    let key: VerifierKey

    init(key: VerifierKey) { self.key = key }

    /// The key name, as the signature line carries it.
    public var name: String { key.name }
    /// The key ID, as the signature line carries it.
    public var keyID: UInt32 { key.keyID }
    /// The 32-byte Ed25519 public key.
    public var publicKey: [UInt8] { key.publicKey }

    /// A verifier for `name` and a public key.
    /// - Throws: `LogError.malformedKey` for an empty name or one with a space or a plus sign.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws {
        key = try VerifierKey(name: name, type: .ed25519, publicKey: publicKey)
    }

    /// Parses a verifier key `<name>+<8 hex digits key ID>+<base64(0x01 ‖ public key)>` (golang.org/x/mod
    /// sumdb/note, vkeys of C2SP signed-note). The key ID must be the one the name and key give.
    /// - Throws: `LogError.malformedKey`.
    public init(verifierKey: String) throws {
        key = try VerifierKey(parsing: verifierKey, type: .ed25519)
    }

    /// The verifier key string that `init(verifierKey:)` reads.
    public var verifierKey: String { key.text }

    /// Whether `signature` is a valid Ed25519 signature over `text` by this key.
    public func verify(text: [UInt8], signature: [UInt8]) -> Bool {
        key.isValidSignature(signature, for: text)
    }
}

/// A public key under a note key name, for one signature type: its key ID and its verifier key string
/// `<name>+<hex key ID>+<base64(type ‖ public key)>`.
struct VerifierKey: Hashable, Sendable {
    let name: String
    let keyID: UInt32
    let type: NoteSignatureType
    let publicKey: [UInt8]

    init(name: String, type: NoteSignatureType, publicKey: Curve25519.Signing.PublicKey) throws {
        try KeyName.check(name, error: .malformedKey)
        self.name = name
        self.type = type
        self.publicKey = Array(publicKey.rawRepresentation)
        keyID = type.keyID(name: name, publicKey: self.publicKey)
    }

    init(parsing text: String, type expected: NoteSignatureType) throws {
        // The key part is base64, which may itself contain "+": only the first two separate.
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw LogError(.malformedKey, "a verifier key is not name+keyid+key") }
        let hex = parts[1]
        guard hex.count == 8, hex.allSatisfy(\.isHexDigit), let keyID = UInt32(hex, radix: 16) else {
            throw LogError(.malformedKey, "a verifier key's ID is not 8 hex digits")
        }
        guard let data = Base64Text.decode(parts[2]), let first = data.first else {
            throw LogError(.malformedKey, "a verifier key's key is not canonical base64")
        }
        guard first == expected.rawValue else {
            throw LogError(.malformedKey, "the verifier key is not of signature type \(expected.rawValue)")
        }
        let key: Curve25519.Signing.PublicKey
        do {
            key = try Curve25519.Signing.PublicKey(rawRepresentation: data.dropFirst())
        } catch {
            throw LogError(.malformedKey, "the verifier key does not hold a 32-byte Ed25519 public key")
        }
        try self.init(name: String(parts[0]), type: expected, publicKey: key)
        guard self.keyID == keyID else {
            throw LogError(.malformedKey, "a verifier key's ID does not match its name and key")
        }
    }

    var text: String {
        let hex = String(keyID, radix: 16)
        return "\(name)+\(String(repeating: "0", count: 8 - hex.count))\(hex)+\(Base64Text.encode([type.rawValue] + publicKey))"
    }

    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return false
        }
        return key.isValidSignature(signature, for: message)
    }
}
