import BekalLog
import Foundation
import Logging

extension Ledger {
    /// Checks the ledger against a checkpoint someone outside the facility holds (verify the checkpoint's
    /// signature first, with BekalLog's `CheckpointVerifier`, and pass its tree head).
    ///
    /// Every leaf is recomputed from the stored event bytes, never from stored hashes. Detected, with the events
    /// named: fewer events than the checkpoint covers (cut off, all deleted, an older copy of the file); any
    /// change to the covered history (edited, deleted, reordered or inserted events, chain recomputed or not);
    /// after the checkpoint, events written outside Bekal; projection tables that differ from a replay; evidence
    /// files missing, swapped or replaced by a link; anywhere, events naming an actor that was no account of the
    /// facility at that point. Events after the checkpoint are listed with their actor (and whether it was an
    /// account then): they cannot be told from genuine ones by mathematics, only attributed (see docs/ledger.md).
    ///
    /// - Parameter checks: which checks run (all by default; `.projections` is the heaviest).
    /// - Returns: the findings; an empty ledger never passes against a checkpoint of size above 0.
    /// - Throws: `StoreError` when the database cannot be read.
    public func audit(against checkpoint: TreeHead, checks: Set<AuditCheck> = Set(AuditCheck.allCases)) throws
        -> LedgerAudit
    {
        let evidenceRoot = home?.appendingPathComponent("evidence")
        let audit = try read { db in
            try LedgerAuditor(checks: checks).audit(db, checkpoint: checkpoint, evidenceRoot: evidenceRoot)
        }
        if audit.isIntact {
            logger.info("ledger matches checkpoint", metadata: [
                "checkpoint.size": "\(checkpoint.size)", "events.appended": "\(audit.appendedAfterCheckpoint.count)",
            ])
        } else {
            logger.warning("ledger does not match checkpoint", metadata: [
                "checkpoint.size": "\(checkpoint.size)", "audit.failures": "\(audit.failures.count)",
            ])
        }
        return audit
    }
}
