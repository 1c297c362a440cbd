import BekalPublisher
import Crypto
import Foundation

/// The shared secret a facility delivers portfolios with: the Bapas keeps only its SHA-256.
enum DeliverySecret {
    static func digest(_ secret: [UInt8]) -> Data { Data(SHA256.hash(data: secret)) }

    /// Equal digests, compared without an early exit.
    static func equal(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension BapasApp {
    /// A delivery secret from a file (mode 0600) or the environment, with the publisher's rules.
    public static func readSecret(_ source: SecretSource) throws -> Secret { try FacilityApp.secret(source) }
}
