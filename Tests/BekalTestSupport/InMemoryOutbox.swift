import BekalDomain
import BekalPublisher
import Foundation

/// An outbox in memory: for the relay's tests and the delivery benchmark, which measure the relay and the
/// transport without a database (the ledger's outbox is `report_outbox`, behind the app layer). Test support,
/// not part of the library: no production code keeps reports only in memory.
public actor InMemoryOutbox: Outbox {
    private var items: [QueuedReport] = []
    private var claimed: Set<UUID> = []

    /// An outbox holding `entries`.
    public init(_ entries: [QueuedReport] = []) {
        items = entries
    }

    /// Adds a report; one with the same id is left as it is.
    public func enqueue(_ entry: QueuedReport) {
        guard !items.contains(where: { $0.reportID == entry.reportID }) else { return }
        items.append(entry)
    }

    /// Every report, in order.
    public func entries() -> [QueuedReport] { items }

    public func claimNext() -> QueuedReport? {
        guard let next = items.first(where: { $0.state == .pending && !claimed.contains($0.reportID) }) else {
            return nil
        }
        claimed.insert(next.reportID)
        return next
    }

    public func recordAttempt(_ reportID: UUID, error: String, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.lastError = error }
    }

    public func markSent(_ reportID: UUID, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.state = .sent; $0.lastError = nil; $0.finishedAt = at }
    }

    public func markFailed(_ reportID: UUID, reason: String, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.state = .failed; $0.lastError = reason; $0.finishedAt = at }
    }

    public func release(_ reportID: UUID) { claimed.remove(reportID) }

    private func update(_ reportID: UUID, _ change: (inout QueuedReport) -> Void) throws(PublisherError) {
        guard let index = items.firstIndex(where: { $0.reportID == reportID }) else {
            throw PublisherError(.unknownReport, "no report with that id in the outbox")
        }
        change(&items[index])
        if items[index].state != .pending { claimed.remove(reportID) }
    }
}

