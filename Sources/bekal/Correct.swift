import BekalCredentials
import ArgumentParser
import BekalApp
import BekalDomain
import Foundation

struct Correct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Corrects or retracts an earlier record; the original stays in the ledger.",
        discussion: """
            Give --retract to withdraw the record, or the fields to change (the others keep their values). \
            A person's details (name, register number, dates) are corrected the same way, naming their \
            person.added event; `bekal history PERSON` lists every event id. The reason is recorded with the \
            correction.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The id of the event to correct (`bekal history` shows it), or the record's own id (`portfolio --json`, `readiness --json`).") var eventID: String
    @Option(help: "Why the record is corrected.") var reason: String
    @Flag(help: "Withdraw the record instead of replacing it.") var retract = false
    @Option(help: "A new date.") var date: String?
    @Option(help: "A new outcome (assessments): Kompeten (K) or Belum Kompeten (BK).") var outcome: String?
    @Option(help: "New hours (training, production).") var hours: String?
    @Option(help: "A new quantity (production).") var quantity: String?
    @Option(help: "A new grade (production): A, B or C.") var grade: String?
    @Option(help: "A new unit code (assessments).") var unit: String?
    @Option(help: "A new expiry date (certificates).") var expires: String?
    @Option(help: "A corrected name (person records).") var name: String?
    @Option(help: "A corrected register number (person records).") var registerNumber: String?
    @Option(help: "A corrected birth date (person records).") var born: String?
    @Option(help: "A corrected admission date (person records).") var admitted: String?
    @Option(help: "A corrected expected release date (person records; for a decree, use `bekal remisi`).")
    var release: String?

    func validate() throws {
        guard UUID(uuidString: eventID) != nil else { throw ValidationError("EVENT-ID: expected an event id (a UUID)") }
    }

    func run() async throws {
        let id = UUID(uuidString: eventID)!  // checked by validate()
        let app = try global.open()
        let changes = try self.changes()
        if retract {
            guard changes.isEmpty else { throw AppError(.usage, "--retract cannot be combined with changed fields") }
            return Recorded.print(try await app.retract(eventID: id, reason: reason, context: try global.context()))
        }
        Recorded.print(try await app.correct(eventID: id, changes: changes, reason: reason, context: try global.context()))
    }

    private func changes() throws -> RecordChanges {
        func date(_ text: String?, _ field: String) throws -> LocalDate? {
            try text.map { value throws(AppError) in try TypedInput.date(value, field: field) }
        }
        func number(_ text: String?, _ field: String) throws -> Double? {
            try text.map { value throws(AppError) in try TypedInput.number(value, field: field) }
        }
        var changes = RecordChanges()
        changes.date = try date(self.date, "--date")
        changes.outcome = try outcome.map { text throws(AppError) in
            try TypedInput.term(text, field: "--outcome", as: AssessmentOutcome.self)
        }
        changes.hours = try number(hours, "--hours")
        changes.quantity = try number(quantity, "--quantity")
        changes.grade = try grade.map { text throws(AppError) in
            try TypedInput.term(text, field: "--grade", as: QualityGrade.self)
        }
        changes.unitCode = unit
        changes.expiresOn = try date(expires, "--expires")
        changes.fullName = name
        changes.registerNumber = registerNumber
        changes.birthDate = try date(born, "--born")
        changes.admissionDate = try date(admitted, "--admitted")
        changes.expectedReleaseDate = try date(release, "--release")
        return changes
    }
}
