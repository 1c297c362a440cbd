import Crypto
import Foundation

/// The facility's Ed25519 signing key. Its private half never leaves this type except into a 0600 key file.
public struct IssuerKey: Sendable {
    private let seedBytes: [UInt8]
    private let signingKey: SigningKey
    /// The public key as a `did:key`.
    public let didKey: DIDKey

    /// A key from its 32-byte seed (the RFC 8032 private key).
    public init(seed: [UInt8]) throws(CredentialError) {
        guard seed.count == 32 else {
            throw CredentialError(.keyFileMalformed, "an Ed25519 private key seed has 32 bytes")
        }
        do {
            self.init(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
        } catch {
            throw CredentialError(.keyFileMalformed, "the Ed25519 seed was refused")
        }
    }

    /// A fresh key from the system's secure random source.
    public static func generate() -> IssuerKey {
        IssuerKey(privateKey: Curve25519.Signing.PrivateKey())
    }

    private init(privateKey: Curve25519.Signing.PrivateKey) {
        seedBytes = Array(privateKey.rawRepresentation)
        signingKey = SigningKey(privateKey)
        // swift-crypto's public keys are always 32 bytes.
        didKey = DIDKey(unchecked: Array(privateKey.publicKey.rawRepresentation))
    }

    /// Reads a multikey private key (`z3u2…`: multicodec 0x8026 ‖ seed), as in the W3C test vectors.
    public init(privateKeyMultibase: String) throws(CredentialError) {
        let bytes = try Multibase.decodeBase58(privateKeyMultibase)
        guard bytes.count == 34, bytes[0] == 0x80, bytes[1] == 0x26 else {
            throw CredentialError(.keyFileMalformed, "not an Ed25519 multikey private key (0x8026, 32 bytes)")
        }
        try self.init(seed: Array(bytes.dropFirst(2)))
    }

    var seed: [UInt8] { seedBytes }

    /// Signs `message` with Ed25519 (RFC 8032, deterministic).
    public func sign(_ message: [UInt8]) throws(CredentialError) -> [UInt8] {
        do {
            return Array(try signingKey.key.signature(for: message))
        } catch {
            throw CredentialError(.proofMalformed, "Ed25519 signing failed")
        }
    }
}

/// swift-crypto's private key, built once per `IssuerKey`: building it from the seed costs a base-point
/// multiplication, as much as a signature. The key type is not `Sendable`, but it is never mutated after `init` and
/// signing only reads it, so sharing it between threads is safe.
private final class SigningKey: @unchecked Sendable {
    let key: Curve25519.Signing.PrivateKey

    init(_ key: Curve25519.Signing.PrivateKey) { self.key = key }
}

extension DIDKey {
    /// Checks an Ed25519 signature made by this key.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
