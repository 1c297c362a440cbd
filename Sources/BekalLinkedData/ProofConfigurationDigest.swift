import BekalJSON
import Crypto
import Foundation

/// The last proof configuration canonicalized and the SHA-256 of its canonical N-Quads.
///
/// Every credential of one export, and every proof of one received export, has the same proof configuration
/// (same `@context`, `created`, `verificationMethod`, purpose and suite), so an export of 25 achievements would
/// otherwise run JSON-LD expansion and RDFC-1.0 26 times over identical input. One slot is enough for that and
/// bounds what a document with many differing proofs can make it hold. The digest depends only on the
/// configuration, the JSON-LD options and loader, and the canonicalizer, so the slot belongs to one
/// ``RDFCProofAlgorithms`` value and is replaced when any of those change. Thread-safe: a facility export
/// shares one suite across its workers.
final class ProofConfigurationDigest: @unchecked Sendable {
    private let lock = NSLock()
    private var configuration: JSONValue?
    private var digest: [UInt8] = []
    /// How many digests were computed rather than reused (tests check the reuse with it).
    private(set) var computations = 0

    /// The digest of `configuration`, computed by `compute` unless it is the one held.
    func digest(
        of configuration: JSONValue, compute: (JSONValue) throws(LinkedDataError) -> [UInt8]
    ) throws(LinkedDataError) -> [UInt8] {
        lock.lock()
        if let held = self.configuration, held == configuration {
            let digest = self.digest
            lock.unlock()
            return digest
        }
        lock.unlock()
        // Computed outside the lock: two workers may both compute the same digest once, which is harmless.
        let digest = try compute(configuration)
        lock.lock()
        self.configuration = configuration
        self.digest = digest
        computations += 1
        lock.unlock()
        return digest
    }
}
