import BekalDomain
import Foundation

/// A record as it stands now: the event that recorded it and what is in effect (the last correction's
/// replacement, or the record as first written), for a form that corrects it again.
public struct RecordInEffect: Sendable {
    /// The event that first recorded it (corrections and retractions name this id).
    public var event: LedgerEvent
    /// What is in effect now; `nil` once retracted.
    public var payload: LedgerPayload?
}

extension FacilityApp {
    /// The record an event wrote, as it stands after its corrections.
    /// - Throws: not found (no such event).
    public func recordInEffect(eventID: UUID, context: ActionContext) async throws -> RecordInEffect {
        try await authorize(.read, context: context)
        let event = try await storage.event(id: eventID)
        var payload: LedgerPayload? = event.payload
        if let personID = event.personID {
            for later in try await storage.events(about: personID) {
                if case .corrected(let correction) = later.payload, correction.correctedEventID == eventID {
                    payload = correction.replacement
                }
            }
        }
        return RecordInEffect(event: event, payload: payload)
    }
}
