import BekalDomain
import BekalMetrics
import Foundation

/// A report waiting in, or done with, the outbox.
public struct OutboxEntry: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        case pending
        case sent
        /// Parked: the endpoint refused it permanently (a 4xx other than 408/429).
        case failed
    }

    public var reportID: UUID
    public var facilityCode: String
    public var period: ReportingPeriod
    /// The report's JSON bytes, fixed at enqueue time so every retry sends the same body.
    public var payload: Data
    public var state: State
    public var attempts: Int
    /// The last error or the server's reason for parking, sanitized and bounded.
    public var lastError: String?
    public var enqueuedAt: Date
    public var finishedAt: Date?

    public init(
        reportID: UUID, facilityCode: String, period: ReportingPeriod, payload: Data, state: State = .pending,
        attempts: Int = 0, lastError: String? = nil, enqueuedAt: Date, finishedAt: Date? = nil
    ) {
        self.reportID = reportID
        self.facilityCode = facilityCode
        self.period = period
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.enqueuedAt = enqueuedAt
        self.finishedAt = finishedAt
    }

    /// An entry for `report`, pending.
    public init(report: MetricsReport, enqueuedAt: Date) throws(PublisherError) {
        guard let payload = try? report.jsonData() else {
            throw PublisherError(.outboxFailure, "the report could not be encoded")
        }
        self.init(
            reportID: report.reportID, facilityCode: report.facilityCode, period: report.period, payload: payload,
            enqueuedAt: enqueuedAt)
    }
}

/// Where computed reports wait until delivered. The SQL outbox enqueues in the same transaction that computes the
/// report, so a report is never computed without being queued, nor queued twice.
public protocol Outbox: Sendable {
    /// Adds a pending entry; an entry with the same report id is left as it is.
    func enqueue(_ entry: OutboxEntry) async throws(PublisherError)
    /// Pending entries, oldest first.
    func pending() async throws(PublisherError) -> [OutboxEntry]
    /// Every entry (for `bekal publish --status`), oldest first.
    func entries() async throws(PublisherError) -> [OutboxEntry]
    /// Records a failed attempt that may be retried later; the entry stays pending.
    func recordAttempt(_ reportID: UUID, error: String, at: Date) async throws(PublisherError)
    /// Marks an entry delivered.
    func markSent(_ reportID: UUID, at: Date) async throws(PublisherError)
    /// Parks an entry as failed with the endpoint's reason.
    func markFailed(_ reportID: UUID, reason: String, at: Date) async throws(PublisherError)
}

/// An outbox in memory, for tests and for `bekal stats` previews.
public actor InMemoryOutbox: Outbox {
    private var items: [OutboxEntry] = []

    public init(_ entries: [OutboxEntry] = []) {
        items = entries
    }

    public func enqueue(_ entry: OutboxEntry) throws(PublisherError) {
        guard !items.contains(where: { $0.reportID == entry.reportID }) else { return }
        items.append(entry)
    }

    public func pending() -> [OutboxEntry] { items.filter { $0.state == .pending } }

    public func entries() -> [OutboxEntry] { items }

    public func recordAttempt(_ reportID: UUID, error: String, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.lastError = error }
    }

    public func markSent(_ reportID: UUID, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.state = .sent; $0.lastError = nil; $0.finishedAt = at }
    }

    public func markFailed(_ reportID: UUID, reason: String, at: Date) throws(PublisherError) {
        try update(reportID) { $0.attempts += 1; $0.state = .failed; $0.lastError = reason; $0.finishedAt = at }
    }

    private func update(_ reportID: UUID, _ change: (inout OutboxEntry) -> Void) throws(PublisherError) {
        guard let index = items.firstIndex(where: { $0.reportID == reportID }) else {
            throw PublisherError(.unknownReport, "no report with that id in the outbox")
        }
        change(&items[index])
    }
}
