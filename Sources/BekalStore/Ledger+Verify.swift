import BekalDomain
import Logging
extension Ledger {
    /// Recomputes the hash chain from the stored bytes.
    /// - Returns: `.intact` with the event count and head hash, or `.broken` with the first failing event.
    public func verifyChain() throws -> ChainVerification {
        let verification = try read { db in try ChainVerifier().verify(db) }
        switch verification {
        case .intact(let count, _):
            logger.info("ledger chain intact", metadata: ["events.count": "\(count)"])
        case .broken(let failure):
            logger.warning("ledger chain broken", metadata: [
                "event.sequence": "\(failure.sequence)", "chain.reason": "\(failure.reason.rawValue)",
            ])
        }
        return verification
    }
}
