
import Foundation

/// A metrics report in the ledger's outbox: its body is fixed when it is queued, so every delivery attempt sends
/// the same bytes under the same idempotency key.
public struct QueuedReport: Sendable, Hashable {
    /// Where the report is in its delivery.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not delivered yet; the relay will try again.
        case pending
        /// Delivered: the endpoint accepted it.
        case sent
        /// Parked: the endpoint refused it permanently.
        case failed
    }

    /// The report's own id, also its `Idempotency-Key`.
    public var reportID: UUID
    /// The facility whose figures the report carries.
    public var facilityCode: String
    /// The reporting period the figures cover.
    public var period: ReportingPeriod
    /// The exact bytes to send.
    public var body: Data
    /// The body's format, `json` (the report schema); other wire formats are rendered from it.
    public var format: String
    /// Whether the report is still to send, delivered, or parked after a permanent refusal.
    public var state: State
    /// How many delivery attempts have been made so far, for the retry policy's backoff.
    public var attempts: Int
    /// The last error or the endpoint's reason for refusing it, sanitized by the publisher (no secrets, no
    /// personal data: reports hold none).
    public var lastError: String?
    /// When the report was queued.
    public var enqueuedAt: Date
    /// When the report's state, attempts or error last changed.
    public var updatedAt: Date
    /// When the report was sent or parked as failed; `nil` while pending.
    public var finishedAt: Date?
    /// The publisher run that holds the report while it sends it (`host:pid:nonce`), if any.
    public var leaseHolder: String?
    /// Until when that run holds it; afterwards any run may claim it.
    public var leaseUntil: Date?

    /// A report as queued or read back from an outbox.
    public init(
        reportID: UUID, facilityCode: String, period: ReportingPeriod, body: Data, format: String = "json",
        state: State = .pending, attempts: Int = 0, lastError: String? = nil, enqueuedAt: Date, updatedAt: Date? = nil,
        finishedAt: Date? = nil
    ) {
        self.reportID = reportID
        self.facilityCode = facilityCode
        self.period = period
        self.body = body
        self.format = format
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.enqueuedAt = enqueuedAt
        self.updatedAt = updatedAt ?? enqueuedAt
        self.finishedAt = finishedAt
    }
}
