import BekalDomain
import BekalPublisher
import BekalStore
import Foundation

/// The ledger's `report_outbox` table seen as the publisher's `Outbox`. It lives in the CLI because the store
/// does not depend on the publisher (dependencies run domain → metrics → publisher).
struct LedgerOutbox: Outbox {
    let ledger: Ledger

    func enqueue(_ entry: OutboxEntry) async throws(PublisherError) {
        try mapped {
            try ledger.enqueue(QueuedReport(
                reportID: entry.reportID, facilityCode: entry.facilityCode, period: entry.period, body: entry.payload,
                enqueuedAt: entry.enqueuedAt))
        }
    }

    func pending() async throws(PublisherError) -> [OutboxEntry] {
        try mapped { try ledger.queuedReports(states: [.pending]).map(LedgerOutbox.entry) }
    }

    func entries() async throws(PublisherError) -> [OutboxEntry] {
        try mapped { try ledger.queuedReports().map(LedgerOutbox.entry) }
    }

    func recordAttempt(_ reportID: UUID, error: String, at: Date) async throws(PublisherError) {
        try mapped { try ledger.recordDeliveryAttempt(reportID, error: error, at: at) }
    }

    func markSent(_ reportID: UUID, at: Date) async throws(PublisherError) {
        try mapped { try ledger.markReportSent(reportID, at: at) }
    }

    func markFailed(_ reportID: UUID, reason: String, at: Date) async throws(PublisherError) {
        try mapped { try ledger.markReportFailed(reportID, reason: reason, at: at) }
    }

    static func entry(_ report: QueuedReport) -> OutboxEntry {
        let state: OutboxEntry.State = switch report.state {
        case .pending: .pending
        case .sent: .sent
        case .failed: .failed
        }
        return OutboxEntry(
            reportID: report.reportID, facilityCode: report.facilityCode, period: report.period, payload: report.body,
            state: state, attempts: report.attempts, lastError: report.lastError, enqueuedAt: report.enqueuedAt,
            finishedAt: report.finishedAt)
    }

    /// Store failures become `outboxFailure`, keeping the store's fixed message (it holds no values).
    private func mapped<T>(_ body: () throws -> T) throws(PublisherError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw PublisherError(.outboxFailure, error.message)
        } catch {
            throw PublisherError(.outboxFailure, "the outbox could not be read or written")
        }
    }
}
