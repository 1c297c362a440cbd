import BekalCredentials
import Foundation
import ArgumentParser
import BekalApp
import BekalDomain

struct Assess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Records the assessment of one competency unit: Kompeten (K) or Belum Kompeten (BK).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var evidence: EvidenceOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The unit code, e.g. BTK-CAP-03.") var unit: String
    @Option(help: "Kompeten (K) or Belum Kompeten (BK).") var outcome: String
    @Option(help: "The asesor's name (exports show only the role).") var assessor: String
    @Option(help: "The asesor's role: asesor (BNSP), mentor (the partner's) or petugas (facility staff).") var role: String
    @Option(help: "observasi, demonstrasi (praktik), tanya jawab or portofolio.") var method: String
    @Option(help: "The assessment date: 2026-02-01, 01-02-2026 or 1 Februari 2026.") var date: String
    @Option(help: "The framework id (default: the framework imported last).") var framework: String?
    @Option(help: "The framework version (default: the latest of the framework).") var frameworkVersion: String?
    @Option(help: "Notes.") var notes: String?

    func run() async throws {
        let input = AssessmentInput(
            person: try TypedInput.person(person), unitCode: unit,
            outcome: try TypedInput.term(outcome, field: "--outcome", as: AssessmentOutcome.self),
            assessorName: assessor, assessorRole: try TypedInput.term(role, field: "--role", as: AssessorRole.self),
            method: try TypedInput.term(method, field: "--method", as: AssessmentMethod.self),
            date: try TypedInput.date(date, field: "--date"), frameworkID: framework,
            frameworkVersion: frameworkVersion, notes: notes, evidence: try evidence.uploads())
        Recorded.print(try await global.open().recordAssessment(input, context: try global.context()))
    }
}
