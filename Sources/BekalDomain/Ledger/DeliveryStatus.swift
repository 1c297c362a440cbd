import Foundation

/// Where one queued delivery to a Bapas stands, without its body: what a list of deliveries shows (the web's Ekspor
/// page). The body, the signed export or status list, is left in the ledger.
public struct DeliveryStatus: Sendable, Hashable {
    /// The delivery's id, also its `Idempotency-Key`.
    public var id: UUID
    /// The Bapas's receiving URL.
    public var destination: String
    /// A person's portfolio, or the facility's status list on its own (after a revocation).
    public var kind: DeliveryKind
    /// Whose portfolio it is, when the delivery recorded it: deliveries queued before the ledger's v11 schema and
    /// status lists name no one.
    public var person: DeliveredPerson?
    /// When it was queued.
    public var enqueuedAt: Date
    /// Still to send, delivered, or parked after a refusal.
    public var state: QueuedReport.State
    /// Delivery attempts made so far.
    public var attempts: Int
    /// The last error or the Bapas's reason for refusing it, as the relay recorded it.
    public var lastError: String?

    /// - Parameters: the delivery's fields as the outbox holds them.
    public init(id: UUID, destination: String, kind: DeliveryKind, person: DeliveredPerson?,
                enqueuedAt: Date, state: QueuedReport.State, attempts: Int, lastError: String?) {
        self.id = id
        self.destination = destination
        self.kind = kind
        self.person = person
        self.enqueuedAt = enqueuedAt
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
    }
}

/// What a queued delivery carries.
public enum DeliveryKind: String, Sendable, Hashable, CaseIterable {
    /// A person's signed portfolio, with the status list and release date (`BekalPortfolioDelivery`).
    case portfolio
    /// The facility's signed status list alone (`BekalStatusListDelivery`), so a revocation reaches the Bapas.
    case statusList = "status-list"
}

/// The person a portfolio delivery is for, as a list of deliveries names them: the id (for a link to the person's
/// page) and the register number staff know them by.
public struct DeliveredPerson: Sendable, Hashable {
    /// The person's internal id.
    public var id: UUID
    /// The register number (nomor register) as the ledger holds it now.
    public var registerNumber: String

    /// - Parameters: the person's id and current register number.
    public init(id: UUID, registerNumber: String) {
        self.id = id
        self.registerNumber = registerNumber
    }
}
