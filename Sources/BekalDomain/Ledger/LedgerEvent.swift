
import Foundation

/// One event of the ledger as stored: its place in the hash chain and what it records.
public struct LedgerEvent: Sendable, Hashable, Identifiable {
    /// Position in the chain, from 1, without gaps.
    public var sequence: Int64
    /// The event's unique id; corrections name the event they amend by this id.
    public var id: UUID
    /// `LedgerPayload.kind`, e.g. `assessment.recorded`.
    public var type: String
    /// The WBP the event is about, or `nil` for facility-wide events (a framework import, an account change).
    public var personID: UUID?
    /// The decoded record the event stores.
    public var payload: LedgerPayload
    /// The staff member who recorded the event.
    public var actor: String
    /// The facility where the event was recorded.
    public var facilityCode: String
    /// When the ledger stored the event (not the date of the recorded activity, which is in the payload).
    public var recordedAt: Date
    /// For imports: a digest of the source row, so the same row is never recorded twice.
    public var naturalKey: String?
    /// Lowercase hex SHA-256 of the previous event (64 zeros for the first).
    public var previousHash: String
    /// Lowercase hex SHA-256 over every other column (see the README, "The ledger").
    public var hash: String

    /// An event as read from a ledger; only stores create these.
    public init(
        sequence: Int64, id: UUID, type: String, personID: UUID?, payload: LedgerPayload, actor: String,
        facilityCode: String, recordedAt: Date, naturalKey: String?, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.id = id
        self.type = type
        self.personID = personID
        self.payload = payload
        self.actor = actor
        self.facilityCode = facilityCode
        self.recordedAt = recordedAt
        self.naturalKey = naturalKey
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// An event to append: the payload and, for imported rows, the natural key that makes re-imports idempotent.
public struct LedgerEntry: Sendable, Hashable {
    /// The record to append.
    public var payload: LedgerPayload
    /// For imported rows, a digest of the source row; an entry whose key is already in the ledger is skipped.
    public var naturalKey: String?
    /// The event id to store; a new random id when `nil`. Set when later entries (corrections) name this one.
    public var eventID: UUID?
    /// Overrides the batch's actor for this entry (demo data recorded by several staff members).
    public var actor: String?
    /// Overrides the batch's facility code for this entry.
    public var facilityCode: String?

    /// Creates an entry; `nil` arguments fall back to a random event id and the batch's actor and facility.
    public init(
        _ payload: LedgerPayload, naturalKey: String? = nil, eventID: UUID? = nil, actor: String? = nil,
        facilityCode: String? = nil
    ) {
        self.payload = payload
        self.naturalKey = naturalKey
        self.eventID = eventID
        self.actor = actor
        self.facilityCode = facilityCode
    }
}

/// What a batch append did.
public struct BatchAppendResult: Sendable, Hashable {
    /// The events appended, in order.
    public var appended: [LedgerEvent]
    /// Entries skipped because their natural key was already in the ledger (or earlier in the batch).
    public var skipped: Int

    /// - Parameters:
    ///   - appended: the events appended, in order.
    ///   - skipped: how many entries were already recorded.
    public init(appended: [LedgerEvent], skipped: Int) {
        self.appended = appended
        self.skipped = skipped
    }
}
