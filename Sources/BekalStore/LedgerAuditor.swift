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
            }
        }
    }

    func audit(_ db: Database, checkpoint: TreeHead, evidenceRoot: URL?) throws -> LedgerAudit {
        var recomputed = InMemoryMerkleTree()
        var appended: [AppendedEvent] = []
        try StoredEventReader.forEach(db) { event in
            if recomputed.size >= checkpoint.size {
                appended.append(AppendedEvent(
                    sequence: event.columns.sequence, type: event.columns.type, actor: event.columns.actor,
                    facilityCode: event.columns.facilityCode, recordedAt: event.columns.recordedAt))
            }
            recomputed.append(leafHash: LogLeaf.leafHash(event.columns))
        }
        let context = AuditContext(db: db, checkpoint: checkpoint, recomputed: recomputed, evidenceRoot: evidenceRoot)
        var failures: [AuditFailure] = []
        for policy in policies { failures += try policy.check(context) }
        return LedgerAudit(checkpoint: checkpoint, eventCount: Int64(recomputed.size), failures: failures,
                           appendedAfterCheckpoint: appended)
    }
}
