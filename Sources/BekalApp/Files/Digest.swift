import BekalCredentials
import BekalJSON
import Crypto

/// Digests the application writes into manifests and shows to people.
enum Digest {
    /// Lowercase hex SHA-256.
    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        Hex.encode(SHA256.hash(data: Array(bytes)))
    }
}
