import Foundation

/// Where one queued portfolio delivery stands, without its body: what a list of deliveries shows (the web's Ekspor
/// page). A delivery names no person; its body, the signed export, is left in the ledger.
public struct DeliveryStatus: Sendable, Hashable {
    /// The delivery's id, also its `Idempotency-Key`.
    public var id: UUID
    /// The Bapas's receiving URL.
    public var destination: String
    /// When it was queued.
    public var enqueuedAt: Date
    /// Still to send, delivered, or parked after a refusal.
    public var state: QueuedReport.State
    /// Delivery attempts made so far.
    public var attempts: Int
    /// The last error or the Bapas's reason for refusing it, as the relay recorded it.
    public var lastError: String?

    /// - Parameters: the delivery's fields as the outbox holds them.
    public init(id: UUID, destination: String, enqueuedAt: Date, state: QueuedReport.State, attempts: Int,
                lastError: String?) {
        self.id = id
        self.destination = destination
        self.enqueuedAt = enqueuedAt
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
    }
}
