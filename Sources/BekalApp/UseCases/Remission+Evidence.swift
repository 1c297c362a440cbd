import BekalDomain
import Foundation

/// A remisi decree as typed.
public struct RemissionInput: Sendable {
    /// The WBP granted the remisi, by register number or id.
    public var person: PersonReference
    /// The decree's number (nomor SK).
    public var decree: String
    /// Remisi umum, remisi khusus, or another kind.
    public var kind: Remission.Kind
    /// The day the decree was granted.
    public var grantedOn: LocalDate
    /// The whole months the sentence is shortened by.
    public var months: Int
    /// The days the sentence is shortened by, after the months.
    public var days: Int

    /// - Parameters: the decree as issued.
    public init(person: PersonReference, decree: String, kind: Remission.Kind, grantedOn: LocalDate, months: Int, days: Int) {
        self.person = person
        self.decree = decree
        self.kind = kind
        self.grantedOn = grantedOn
        self.months = months
        self.days = days
    }
}

extension FacilityApp {
    /// Records a remisi (`person.remission-granted`): the expected release date moves earlier by the months and
    /// days granted; the date before and after is kept in the event and shown in the history.
    /// - Throws: invalid input (no time granted, a release date moved to or before admission), conflict (the
    ///   person has left).
    public func recordRemission(_ input: RemissionInput, context: ActionContext) async throws -> (event: LedgerEvent, remission: Remission) {
        let decree = try TypedInput.text(input.decree, field: "decree", maxLength: 100)
        let person = try await storage.person(input.person)
        let remission = Remission(
            personID: person.id, decree: decree, kind: input.kind, grantedOn: input.grantedOn, months: input.months,
            days: input.days, previousReleaseDate: person.expectedReleaseDate)
        let event = try await record(context: context) { _ in .remissionGranted(remission) }
        return (event, remission)
    }

    /// Attaches evidence files to an assessment recorded earlier (`evidence.attached`), without changing it.
    /// - Parameter eventID: the `assessment.recorded` event (`history` shows it), or the assessment's record id
    ///   (`portfolio --json`, `readiness --json`).
    /// - Throws: not found (no assessment in effect with that event), invalid input (a file not accepted).
    public func attachEvidence(to eventID: UUID, files: [EvidenceUpload], context: ActionContext) async throws
        -> LedgerEvent
    {
        guard !files.isEmpty else { throw AppError(.usage, "give at least one evidence file", reason: .noEvidenceGiven) }
        let event = try await recordedEvent(eventID)
        guard case .assessmentRecorded(let assessment) = event.payload else {
            throw AppError(.conflict, "evidence is attached to an assessment; this event is a \(event.type)", field: "event",
                           reason: .evidenceOnAssessmentOnly)
        }
        return try await record(storing: files, context: context) { evidence in
            .evidenceAttached(EvidenceAttachment(personID: assessment.personID, assessmentEventID: event.id,
                                                 evidence: evidence))
        }
    }
}
