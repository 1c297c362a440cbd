import BekalDomain
import BekalMetrics
import BekalPublisher
import Foundation

/// An outbox in memory, for the relay's unit tests (the ledger's outbox is tested over SQLite in the app tests).
actor InMemoryOutbox: Outbox {
    private var items: [QueuedReport] = []
    private var claimed: Set<UUID> = []

    init(_ entries: [QueuedReport] = []) {
        items = entries
    }

    func enqueue(_ entry: QueuedReport) {
        guard !items.contains(where: { $0.reportID == entry.reportID }) else { return }
        items.append(entry)
    }

    func entries() -> [QueuedReport] { items }

    func claimNext() -> QueuedReport? {
        guard let next = items.first(where: { $0.state == .pending && !claimed.contains($0.reportID) }) else {
            return nil
        }
        claimed.insert(next.reportID)
        return next
    }

    func recordAttempt(_ reportID: UUID, error: String, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.lastError = error }
    }

    func markSent(_ reportID: UUID, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.state = .sent; $0.lastError = nil; $0.finishedAt = at }
    }

    func markFailed(_ reportID: UUID, reason: String, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.state = .failed; $0.lastError = reason; $0.finishedAt = at }
    }

    func release(_ reportID: UUID) {}

    private func update(_ reportID: UUID, _ change: (inout QueuedReport) -> Void) throws(PublisherError) {
        guard let index = items.firstIndex(where: { $0.reportID == reportID }) else {
            throw PublisherError(.unknownReport, "no report with that id in the outbox")
        }
        change(&items[index])
    }
}

extension QueuedReport {
    /// A pending entry for `report`, as the ledger would queue it.
    init(pending report: MetricsReport, enqueuedAt: Date) throws {
        self.init(
            reportID: report.reportID, facilityCode: report.facilityCode, period: report.period,
            body: try report.jsonData(), enqueuedAt: enqueuedAt)
    }
}
