import BekalLog
import Foundation
import GRDB

/// Checks the ledger against a checkpoint held outside the facility: one pass over the stored events recomputes
/// every leaf from their bytes and lists the events after the checkpoint, then each policy looks at the result.
struct LedgerAuditor {
    var policies: [any AuditPolicy]

    init(checks: Set<AuditCheck>) {
        policies = AuditCheck.allCases.filter(checks.contains).map { check -> any AuditPolicy in
            switch check {
            case .coveredHistory: CoveredHistoryPolicy()
            case .storedTree: StoredTreePolicy()
            case .projections: ProjectionReplayPolicy()
            case .evidence: EvidenceFilePolicy()
            case .actors: KnownActorPolicy()
            }
        }
    }

    func audit(_ db: Database, checkpoint: TreeHead, evidenceRoot: URL?) throws -> LedgerAudit {
        let (context, appended) = try prepare(db, checkpoint: checkpoint, evidenceRoot: evidenceRoot, listAppended: true)
        var failures: [AuditFailure] = []
        for policy in policies { failures += try policy.check(context) }
        return LedgerAudit(checkpoint: checkpoint, eventCount: Int64(context.eventCount), failures: failures,
                           appendedAfterCheckpoint: appended)
    }

    /// The checks that need no outside checkpoint (`Ledger.verifyIntegrity()`): the whole stored tree against the
    /// leaves recomputed from the events (every leaf, then every interior node when the leaves agree), then the
    /// policies of `checks` other than `.coveredHistory` and `.storedTree`.
    /// - Returns: the findings and the number of stored events.
    static func selfCheck(_ db: Database, checks: Set<AuditCheck>, evidenceRoot: URL?) throws
        -> (failures: [AuditFailure], eventCount: Int64)
    {
        // A checkpoint of size 0 vouches for nothing: StoredTreePolicy then compares every event with its leaf.
        let empty = TreeHead(size: 0, root: MerkleHashing.emptyRoot)
        let (context, _) = try LedgerAuditor(checks: []).prepare(
            db, checkpoint: empty, evidenceRoot: evidenceRoot, listAppended: false)
        var failures: [AuditFailure] = []
        if checks.contains(.storedTree) {
            failures += try StoredTreePolicy().check(context)
            // Interior nodes differ anyway when leaves do: looked at only when every leaf agrees.
            if failures.isEmpty { failures += try StoredNodesPolicy().check(context) }
        }
        let others = LedgerAuditor(checks: checks.subtracting([.coveredHistory, .storedTree]))
        for policy in others.policies { failures += try policy.check(context) }
        return (failures, Int64(context.eventCount))
    }

    /// One pass over the stored events: every leaf recomputed from their bytes, the events whose actor was no
    /// account at that point (`KnownActors`) and, when `listAppended`, the events after the checkpoint.
    private func prepare(_ db: Database, checkpoint: TreeHead, evidenceRoot: URL?, listAppended: Bool) throws
        -> (AuditContext, [AppendedEvent])
    {
        var recomputed = InMemoryMerkleTree()
        var actors = KnownActors()
        var unknownActors: [UInt64] = []
        var appended: [AppendedEvent] = []
        try StoredEventReader.forEach(db) { event in
            let position = recomputed.size
            let known = actors.admit(event.columns)
            if !known { unknownActors.append(position) }
            if listAppended, position >= checkpoint.size {
                appended.append(AppendedEvent(
                    sequence: event.columns.sequence, type: event.columns.type, actor: event.columns.actor,
                    actorIsKnown: known, facilityCode: event.columns.facilityCode,
                    recordedAt: event.columns.recordedAt))
            }
            recomputed.append(leafHash: LogLeaf.leafHash(event.columns))
        }
        let context = AuditContext(db: db, checkpoint: checkpoint, recomputed: recomputed, evidenceRoot: evidenceRoot,
                                   unknownActors: unknownActors)
        return (context, appended)
    }
}
