import BekalDomain
import BekalLog
import BekalMetrics
import Foundation

extension FacilityApp {
    /// The checkpoint a new report's consistency proof starts from: that of the facility's latest report in the
    /// outbox that carries one and was not refused for good (a parked report never reached the receiver).
    static func previousReportCheckpoint(_ queued: [QueuedReport], facilityCode: String) -> (reportID: UUID, size: Int64)? {
        for report in queued.reversed() where report.facilityCode == facilityCode && report.state != .failed {
            guard let log = (try? MetricsReport.decode(report.body))?.ledgerLog,
                let note = try? SignedNote(parsing: log.checkpoint),
                let checkpoint = try? Checkpoint(parsing: note.text)
            else { continue }
            return (report.reportID, Int64(clamping: checkpoint.treeHead.size))
        }
        return nil
    }

    /// The ledger log a report carries (docs/metrics.md): the checkpoint of the log as read in the report's
    /// transaction, signed with the facility's current key, and the consistency proof from `previous`'s checkpoint
    /// when the store could make it (it cannot when the ledger now holds fewer events: the receiver then sees a
    /// smaller tree than it holds, a rollback).
    static func reportLedgerLog(
        _ state: LogTreeState, previous: (reportID: UUID, size: Int64)?, log: FacilityLog
    ) throws -> ReportLedgerLog {
        let note = try log.sign(try state.treeHead)
        guard let previous, state.provenFrom == previous.size else {
            return ReportLedgerLog(checkpoint: note.serialized, consistency: nil)
        }
        return ReportLedgerLog(checkpoint: note.serialized, consistency: ReportLedgerLog.Consistency(
            fromReportID: previous.reportID, fromSize: previous.size, proof: try state.proof.map(\.base64)))
    }
}
