import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Records the assessment of one competency unit: Kompeten (K) or Belum Kompeten (BK).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var evidence: EvidenceOptions

    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The unit code, e.g. BTK-CAP-03.") var unit: String
    @Option(help: "K (Kompeten) or BK (Belum Kompeten).") var outcome: String
    @Option(help: "The asesor's name (exports show only the role).") var assessor: String
    @Option(help: "The asesor's role: bnsp-assessor, partner-mentor or facility-staff.") var role: String
    @Option(help: "observation, demonstration, questioning or portfolio-review.") var method: String
    @Option(help: "The assessment date, YYYY-MM-DD.") var date: String
    @Option(help: "The framework id (default: the framework imported last).") var framework: String?
    @Option(help: "The framework version (default: the latest of the framework).") var frameworkVersion: String?
    @Option(help: "Notes.") var notes: String?

    func run() throws {
        let outcome = try Input.choice(outcome, option: "--outcome", as: AssessmentOutcome.self)
        let role = try Input.choice(role, option: "--role", as: AssessorRole.self)
        let method = try Input.choice(method, option: "--method", as: AssessmentMethod.self)
        let date = try Input.date(date, option: "--date")
        let assessorName = try Input.text(assessor, option: "--assessor")
        let ledger = try global.openLedger()
        let person = try ledger.person(try Input.person(self.person))
        let match = try ledger.frameworks().last {
            ($0.id == framework || framework == nil) && ($0.version == frameworkVersion || frameworkVersion == nil)
        }
        guard let match else { throw CommandFailure(status: .notFound, message: "--framework: unknown framework") }
        let assessment = Assessment(
            id: UUID(), personID: person.id, frameworkID: match.id, frameworkVersion: match.version, unitCode: unit,
            outcome: outcome, assessorName: assessorName, assessorRole: role, method: method, date: date,
            evidence: try evidence.store(in: ledger), notes: notes)
        try Recording.append(.assessmentRecorded(assessment), ledger: ledger, global: global)
    }
}
