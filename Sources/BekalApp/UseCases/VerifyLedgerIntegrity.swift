import BekalDomain
import Foundation
import Logging

extension FacilityApp {
    /// Checks the ledger on its own, without a checkpoint held outside (`bekal ledger verify`): the hash chain,
    /// every event against the stored log tree (an event INSERTed with SQL has no leaf there), the tree's own
    /// nodes, the projection tables against a replay of the events, and every evidence file against its hash.
    /// Whatever makes Bekal refuse to append, sign a checkpoint or export is reported here. A rewrite that also
    /// recomputed the chain and the tree passes: only `verifyLedger(checkpoint:…)` catches that.
    /// Any active account may run it.
    /// - Throws: permission for an unknown or disabled account; storage when the database cannot be read or is
    ///   damaged.
    public func verifyIntegrity(context: ActionContext) async throws -> LedgerIntegrityReport {
        try await authorize(.read, context: context)
        let report = try await storage.verifyIntegrity()
        logger.info("ledger integrity checked", metadata: [
            "events.count": "\(report.eventCount)", "chain.intact": "\(report.chain.isIntact)",
            "audit.failures": "\(report.failures.count)",
        ])
        return report
    }
}
