import Crypto

/// swift-crypto's Ed25519 private key held for a signer. The key type is not `Sendable`, but it is never mutated
/// after `init` and signing only reads it, so sharing it between threads is safe (as `IssuerKey` does in
/// BekalCredentials, which this module does not depend on).
final class SigningKey: @unchecked Sendable {
    let key: Curve25519.Signing.PrivateKey

    init(_ key: Curve25519.Signing.PrivateKey) { self.key = key }
}
