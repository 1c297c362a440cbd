import Crypto
import Foundation

extension Secret {
    /// SHA-256 of the secret: what a receiver keeps to recognise it (a Bapas's delivery secrets), never the secret.
    public var sha256: Data { Data(SHA256.hash(data: bytes)) }
    /// How many bytes the secret has (receivers refuse short ones).
    public var length: Int { bytes.count }
}
