import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Corrects or retracts an earlier record; the original stays in the ledger.",
        discussion: """
            Give --retract to withdraw the record, or the fields to change (the others keep their values). \
            The reason is recorded with the correction.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the event to correct (printed when it was recorded).") var eventID: String
    @Option(help: "Why the record is corrected.") var reason: String
    @Flag(help: "Withdraw the record instead of replacing it.") var retract = false
    @Option(help: "A new date, YYYY-MM-DD.") var date: String?
    @Option(help: "A new outcome (assessments): K or BK.") var outcome: String?
    @Option(help: "New hours (training, production).") var hours: Double?
    @Option(help: "A new quantity (production).") var quantity: Double?
    @Option(help: "A new grade (production): A, B or C.") var grade: String?
    @Option(help: "A new unit code (assessments).") var unit: String?
    @Option(help: "A new expiry date (certificates), YYYY-MM-DD.") var expires: String?

    var changesSomething: Bool {
        date != nil || outcome != nil || hours != nil || quantity != nil || grade != nil || unit != nil
            || expires != nil
    }

    func validate() throws {
        guard UUID(uuidString: eventID) != nil else { throw ValidationError("EVENT-ID: expected an event id (a UUID)") }
        if retract && changesSomething { throw ValidationError("--retract cannot be combined with changed fields") }
        if !retract && !changesSomething { throw ValidationError("give --retract or at least one field to change") }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason: a reason is required") }
    }

    func run() throws {
        guard let id = UUID(uuidString: eventID) else { throw ValidationError("EVENT-ID: expected a UUID") }
        let ledger = try global.openLedger()
        let original = try ledger.event(id: id)
        let replacement = retract ? nil : try replaced(original.payload)
        let correction = Correction(
            correctedEventID: id, personID: original.personID, reason: reason, replacement: replacement)
        try Recording.append(.corrected(correction), ledger: ledger, global: global)
    }

    private func replaced(_ payload: LedgerPayload) throws -> LedgerPayload {
        let newDate = try date.map { try Input.date($0, option: "--date") }
        func unsupported(_ option: String) -> CommandFailure {
            CommandFailure.invalid("\(option): this kind of record has no such field")
        }
        switch payload {
        case .assessmentRecorded(var a):
            if hours != nil { throw unsupported("--hours") }
            if quantity != nil || grade != nil || expires != nil { throw unsupported("--quantity/--grade/--expires") }
            if let newDate { a.date = newDate }
            if let outcome { a.outcome = try Input.choice(outcome, option: "--outcome", as: AssessmentOutcome.self) }
            if let unit { a.unitCode = unit }
            return .assessmentRecorded(a)
        case .trainingRecorded(var t):
            if outcome != nil || quantity != nil || grade != nil || unit != nil || expires != nil {
                throw unsupported("--outcome/--quantity/--grade/--unit/--expires")
            }
            if let newDate { t.date = newDate }
            if let hours { t.hours = hours }
            return .trainingRecorded(t)
        case .productionRecorded(var p):
            if outcome != nil || unit != nil || expires != nil { throw unsupported("--outcome/--unit/--expires") }
            if let newDate { p.date = newDate }
            if let hours { p.hours = hours }
            if let quantity { p.quantity = quantity }
            if let grade { p.grade = try Input.choice(grade, option: "--grade", as: QualityGrade.self) }
            return .productionRecorded(p)
        case .certificateRecorded(var c):
            if outcome != nil || hours != nil || quantity != nil || grade != nil || unit != nil {
                throw unsupported("--outcome/--hours/--quantity/--grade/--unit")
            }
            if let newDate { c.issuedOn = newDate }
            if let expires { c.expiresOn = try Input.date(expires, option: "--expires") }
            return .certificateRecorded(c)
        default:
            throw CommandFailure(status: .conflict, message: "EVENT-ID: events of type \(payload.kind) cannot be corrected here")
        }
    }
}
