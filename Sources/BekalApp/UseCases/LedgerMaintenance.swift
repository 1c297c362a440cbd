import BekalDomain
import Foundation
import Logging

extension FacilityApp {
    /// Recomputes the ledger's hash chain from the stored bytes. Any active account may.
    public func verifyChain(context: ActionContext) async throws -> ChainVerification {
        try await authorize(.read, context: context)
        return try await storage.verifyChain()
    }

    /// Drops the query tables and replays the whole ledger into them; returns the events replayed. Admin only.
    public func rebuildProjections(context: ActionContext) async throws -> Int {
        try await authorize(.administer, context: context)
        return try await storage.rebuildProjections()
    }

    /// Drops the stored log tree and builds it again from the events as they are now, after Bekal refused to
    /// append or sign a checkpoint because the tree was out of step. Check the ledger against a witnessed
    /// checkpoint FIRST: the rebuilt tree agrees with whatever the events are now, and a witness that held an
    /// earlier checkpoint will refuse the next one as a fork if covered history changed.
    /// Admin only.
    /// - Returns: the number of leaves.
    public func rebuildLogTree(context: ActionContext) async throws -> Int64 {
        try await authorize(.administer, context: context)
        let leaves = try await storage.rebuildLogTree()
        logger.warning("log tree rebuilt by request", metadata: ["events.count": "\(leaves)"])
        return leaves
    }

    /// Imports a CSV file of one kind, all rows or none; rows already imported are skipped. The file is read a
    /// chunk at a time, so memory does not grow with its size.
    public func importRecords(file: URL, kind: ImportKind, context: ActionContext) async throws -> ImportSummary {
        try await authorize(.administer, context: context)
        return try await storage.importCSV(file: file, kind: kind, actor: context.actor, recordedAt: context.now)
    }
}
