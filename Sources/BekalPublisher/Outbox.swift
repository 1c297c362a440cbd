import BekalDomain
import Foundation

/// Where computed reports wait until delivered. The ledger's outbox (`report_outbox`) is queued in the same
/// transaction that computes the report, so a report is never computed without being queued, nor queued twice.
///
/// Entries are `QueuedReport`s, the one record of a queued report that the store, the publisher and the front
/// ends share.
public protocol Outbox: Sendable {
    /// Claims the oldest pending report no other publisher holds, leasing it to this run until the relay marks it
    /// (or the lease lapses). `nil` when nothing is left to claim. Two publishers on one outbox therefore never
    /// send the same report at the same time.
    func claimNext() async throws(PublisherError) -> QueuedReport?
    /// Records a failed attempt that may be retried later; the report stays pending (and claimed by this run).
    func recordAttempt(_ reportID: UUID, error: String, at: Date) async throws(PublisherError)
    /// Marks a report delivered.
    func markSent(_ reportID: UUID, at: Date) async throws(PublisherError)
    /// Parks a report as failed with the endpoint's reason.
    func markFailed(_ reportID: UUID, reason: String, at: Date) async throws(PublisherError)
    /// Gives a claimed report back, still pending, for a later run.
    func release(_ reportID: UUID) async throws(PublisherError)
}
