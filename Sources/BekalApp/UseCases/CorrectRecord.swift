import BekalDomain
import Foundation

/// The fields a correction changes; `nil` keeps the recorded value. Which fields apply depends on the kind of
/// record corrected: a field the record does not have is refused.
public struct RecordChanges: Sendable, Hashable {
    /// Assessment, training and production records: a corrected date; certificates: a corrected issue date.
    public var date: LocalDate?
    /// Assessment records: a corrected outcome (Kompeten or Belum Kompeten).
    public var outcome: AssessmentOutcome?
    /// Assessment records: a corrected unit code; it must exist in the assessment's framework.
    public var unitCode: String?
    /// Training and production records: corrected hours.
    public var hours: Double?
    /// Production records: a corrected quantity, in the entry's unit.
    public var quantity: Double?
    /// Production records: a corrected quality grade.
    public var grade: QualityGrade?
    /// Certificate records: a corrected expiry date.
    public var expiresOn: LocalDate?
    /// Person records: a corrected name.
    public var fullName: String?
    /// Person records: a corrected register number.
    public var registerNumber: String?
    /// Person records: a corrected birth date.
    public var birthDate: LocalDate?
    /// Person records: a corrected admission date.
    public var admissionDate: LocalDate?
    /// Person records: a corrected expected release date (use a remisi record when a decree moved it).
    public var expectedReleaseDate: LocalDate?

    /// Changes nothing yet; set the fields to change.
    public init() {}

    /// Whether any field is set.
    public var isEmpty: Bool { self == RecordChanges() }
}

extension FacilityApp {
    /// Corrects an earlier record (`record.corrected` with the replacement); the original stays in the ledger.
    /// The fields not given keep their values as they stand now: a second correction starts from the first one's
    /// replacement, not from the original. `eventID` is the recording event (`history`) or the record's own id
    /// (`portfolio --json`, `readiness --json`).
    /// - Throws: not found (no such event), invalid input (a field the record does not have, a bad value),
    ///   conflict (a kind of event that cannot be corrected, a record already retracted).
    public func correct(
        eventID: UUID, changes: RecordChanges, reason: String, context: ActionContext
    ) async throws -> LedgerEvent {
        guard !changes.isEmpty else {
            throw AppError(.usage, "give at least one field to change, or retract the record instead", reason: .noFieldToChange)
        }
        let reason = try TypedInput.text(reason, field: "reason", maxLength: 500, multiline: true)
        let original = try await recordedEvent(eventID)
        let replacement = try await replaced(try await currentRecord(of: original), with: changes)
        return try await record(context: context) { _ in
            .corrected(Correction(correctedEventID: original.id, personID: original.personID, reason: reason,
                                  replacement: replacement))
        }
    }

    /// Retracts an earlier record (`record.corrected` without a replacement); the original stays in the ledger.
    public func retract(eventID: UUID, reason: String, context: ActionContext) async throws -> LedgerEvent {
        let reason = try TypedInput.text(reason, field: "reason", maxLength: 500, multiline: true)
        let original = try await recordedEvent(eventID)
        return try await record(context: context) { _ in
            .corrected(Correction(correctedEventID: original.id, personID: original.personID, reason: reason,
                                  replacement: nil))
        }
    }

    /// The event with this id, or else the event that recorded the record with this record id: `history` shows
    /// event ids, `portfolio --json` and `readiness --json` the records' own ids, and either names the record.
    /// - Throws: not found when neither is known.
    func recordedEvent(_ id: UUID) async throws -> LedgerEvent {
        do {
            return try await storage.event(id: id)
        } catch let error as AppError where error.code == .notFound {
            if let event = try await storage.recordingEvent(recordID: id) { return event }
            throw AppError(
                .notFound, "no event or record has this id (history shows event ids; portfolio --json and readiness "
                    + "--json show record ids)", field: "event", cause: error, reason: .noSuchEvent)
        }
    }

    /// The record as it stands now: the replacement of its latest correction, else as recorded.
    private func currentRecord(of event: LedgerEvent) async throws -> LedgerPayload {
        guard let personID = event.personID else { return event.payload }
        var payload = event.payload
        for later in try await storage.events(about: personID) where later.sequence > event.sequence {
            if case .corrected(let correction) = later.payload, correction.correctedEventID == event.id,
                let replacement = correction.replacement
            {
                payload = replacement
            }
        }
        return payload
    }

    private func replaced(_ payload: LedgerPayload, with changes: RecordChanges) async throws -> LedgerPayload {
        var unused = changes
        func take<T>(_ field: WritableKeyPath<RecordChanges, T?>) -> T? {
            defer { unused[keyPath: field] = nil }
            return changes[keyPath: field]
        }
        let result: LedgerPayload
        switch payload {
        case .assessmentRecorded(var a):
            if let date = take(\.date) { a.date = date }
            if let outcome = take(\.outcome) { a.outcome = outcome }
            if let unit = take(\.unitCode) {
                a.unitCode = try Self.unit(unit, in: try await framework(id: a.frameworkID, version: a.frameworkVersion))
            }
            result = .assessmentRecorded(a)
        case .trainingRecorded(var t):
            if let date = take(\.date) { t.date = date }
            if let hours = take(\.hours) { t.hours = hours }
            result = .trainingRecorded(t)
        case .productionRecorded(var p):
            if let date = take(\.date) { p.date = date }
            if let hours = take(\.hours) { p.hours = hours }
            if let quantity = take(\.quantity) { p.quantity = quantity }
            if let grade = take(\.grade) { p.grade = grade }
            result = .productionRecorded(p)
        case .certificateRecorded(var c):
            if let date = take(\.date) { c.issuedOn = date }
            if let expires = take(\.expiresOn) { c.expiresOn = expires }
            result = .certificateRecorded(c)
        case .personAdded(var p):
            if let name = take(\.fullName) {
                guard let value = PersonName(name) else {
                    throw AppError(.invalidInput, "name: a value is required", field: "name", reason: .valueRequired)
                }
                p.fullName = value
            }
            if let number = take(\.registerNumber) {
                guard let value = RegisterNumber(number) else {
                    throw AppError(.invalidInput, "register number: a value is required", field: "registerNumber",
                                   reason: .valueRequired)
                }
                p.registerNumber = value
            }
            if let birth = take(\.birthDate) { p.birthDate = birth }
            if let admission = take(\.admissionDate) { p.admissionDate = admission }
            if let release = take(\.expectedReleaseDate) { p.expectedReleaseDate = release }
            result = .personAdded(p)
        default:
            throw AppError(.conflict, "EVENT-ID: events of type \(payload.kind) cannot be corrected", field: "event",
                           reason: .notCorrectable)
        }
        if !unused.isEmpty {
            throw AppError(.invalidInput, "a \(payload.kind) record has no field \(Self.fieldNames(unused))",
                           field: "changes")
        }
        return result
    }

    /// The names of the set fields, for a message.
    private static func fieldNames(_ changes: RecordChanges) -> String {
        let names: [(String, Bool)] = [
            ("date", changes.date != nil), ("outcome", changes.outcome != nil), ("unit", changes.unitCode != nil),
            ("hours", changes.hours != nil), ("quantity", changes.quantity != nil), ("grade", changes.grade != nil),
            ("expires", changes.expiresOn != nil), ("name", changes.fullName != nil),
            ("register number", changes.registerNumber != nil), ("birth date", changes.birthDate != nil),
            ("admission date", changes.admissionDate != nil), ("release date", changes.expectedReleaseDate != nil),
        ]
        return names.filter(\.1).map(\.0).joined(separator: ", ")
    }
}
