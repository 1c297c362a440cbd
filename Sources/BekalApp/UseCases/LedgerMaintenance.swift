import BekalDomain
import Foundation

extension FacilityApp {
    /// Recomputes the ledger's hash chain from the stored bytes.
    public func verifyChain() async throws -> ChainVerification { try await storage.verifyChain() }

    /// Drops the query tables and replays the whole ledger into them; returns the events replayed.
    public func rebuildProjections() async throws -> Int { try await storage.rebuildProjections() }

    /// Imports a CSV file of one kind, all rows or none; rows already imported are skipped.
    public func importRecords(_ data: Data, kind: ImportKind, context: ActionContext) async throws -> ImportSummary {
        try await authorize(.administer, context: context)
        return try await storage.importCSV(data, kind: kind, actor: context.actor, recordedAt: context.now)
    }
}
