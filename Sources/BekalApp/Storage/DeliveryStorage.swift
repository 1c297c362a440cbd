import BekalDomain
import Foundation

/// The portfolio-delivery outbox of a facility's ledger (`bekal send`): deliveries to a Bapas, claimed with
/// leases like reports, as `QueuedReport`s (the one outbox record the publisher's relay sends).
public protocol DeliveryStorage {
    /// Queues a delivery for `destination`: a person's portfolio, or the status list alone (`person` `nil`).
    func enqueueDelivery(
        id: UUID, destination: String, facilityCode: String, body: Data, at: Date, kind: DeliveryKind, person: UUID?
    ) async throws
    /// Deliveries for `destination` (all when `nil`), oldest first.
    func deliveries(destination: String?) async throws -> [QueuedReport]
    /// The `limit` most recently queued deliveries to any destination, newest first, without their bodies.
    func recentDeliveries(limit: Int) async throws -> [DeliveryStatus]
    /// Every destination a delivery was queued for, in the order first used.
    func deliveryDestinations() async throws -> [String]
    /// Claims the oldest pending delivery for `destination` no live run holds.
    func claimNextDelivery(destination: String, holder: String, until: Date, now: Date, reclaiming: Set<String>)
        async throws -> QueuedReport?
    /// Records an attempt's outcome (`pending` keeps the lease; `sent` and `failed` end it).
    func updateDelivery(_ id: UUID, state: QueuedReport.State, error: String?, at: Date) async throws
    /// Ends a lease on a delivery that stays pending.
    func releaseDelivery(_ id: UUID, holder: String) async throws
}
