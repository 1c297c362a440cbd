import BekalDomain
import Foundation
import GRDB
import Logging
extension Ledger {
    /// Recomputes the hash chain from the stored bytes.
    /// - Returns: `.intact` with the event count and head hash, or `.broken` with the first failing event.
    /// SQLite's own page check runs first; a damaged file is marked so that no later command writes to it.
    public func verifyChain() throws -> ChainVerification {
        let verification: ChainVerification
        do {
            try read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
                if problems != ["ok"] { throw StoreError(.corrupted, "SQLite's page check found the file damaged") }
            }
            verification = try read { db in try ChainVerifier().verify(db) }
        } catch let error as StoreError where error.code == .corrupted {
            markDamaged()
            throw error
        }
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
