import BekalDomain
import Foundation

/// One ledger event as the reference computation reads it: its id (so corrections can name it) and its payload.
public struct ProgrammeEvent: Sendable, Hashable {
    /// The event's id, which a correction names.
    public var id: UUID
    /// What the event records.
    public var payload: LedgerPayload

    /// The event `id` with `payload`.
    public init(id: UUID, payload: LedgerPayload) {
        self.id = id
        self.payload = payload
    }

    /// The payloads in effect: each correction replaces (or, without a replacement, retracts) the event it
    /// names; corrections themselves are dropped. Ledger order is kept.
    public static func effective(_ events: [ProgrammeEvent]) -> [LedgerPayload] {
        var replaced: [UUID: LedgerPayload?] = [:]
        for event in events {
            if case .corrected(let correction) = event.payload {
                replaced[correction.correctedEventID] = .some(correction.replacement)
            }
        }
        return events.compactMap { event in
            if case .corrected = event.payload { return nil }
            if let replacement = replaced[event.id] { return replacement }
            return event.payload
        }
    }
}
