import BekalDomain
import Foundation

/// An assessment of one competency unit, as typed.
public struct AssessmentInput: Sendable {
    /// The WBP assessed, by register number or id.
    public var person: PersonReference
    /// The unit code, e.g. `BTK-CAP-03`.
    public var unitCode: String
    /// Kompeten or Belum Kompeten.
    public var outcome: AssessmentOutcome
    /// The asesor's name (kept in the ledger; exports show only the role).
    public var assessorName: String
    /// The asesor's role, the only thing about them an export shows.
    public var assessorRole: AssessorRole
    /// How the unit was assessed: observation, demonstration, questioning or portfolio review.
    public var method: AssessmentMethod
    /// The day of the assessment.
    public var date: LocalDate
    /// The framework id; the framework imported last when `nil`.
    public var frameworkID: String?
    /// The framework version; the latest of the framework when `nil`.
    public var frameworkVersion: String?
    /// The asesor's free-text notes, if any.
    public var notes: String?
    /// Photos, checklists and other files backing the outcome.
    public var evidence: [EvidenceUpload]

    /// - Parameters: the assessment as the asesor reported it.
    public init(
        person: PersonReference, unitCode: String, outcome: AssessmentOutcome, assessorName: String,
        assessorRole: AssessorRole, method: AssessmentMethod, date: LocalDate, frameworkID: String? = nil,
        frameworkVersion: String? = nil, notes: String? = nil, evidence: [EvidenceUpload] = []
    ) {
        self.person = person
        self.unitCode = unitCode
        self.outcome = outcome
        self.assessorName = assessorName
        self.assessorRole = assessorRole
        self.method = method
        self.date = date
        self.frameworkID = frameworkID
        self.frameworkVersion = frameworkVersion
        self.notes = notes
        self.evidence = evidence
    }
}

extension FacilityApp {
    /// Records the assessment of one unit (`assessment.recorded`), with its evidence files.
    /// - Throws: not found (person, framework, or a unit code the framework lacks: the message lists the valid
    ///   codes), invalid input (dates), conflict (the person has left).
    public func recordAssessment(_ input: AssessmentInput, context: ActionContext) async throws -> LedgerEvent {
        let assessorName = try TypedInput.text(input.assessorName, field: "assessor", maxLength: 200)
        let notes = try TypedInput.optionalText(input.notes, field: "notes", maxLength: 2000)
        let person = try await storage.person(input.person)
        let framework = try await framework(id: input.frameworkID, version: input.frameworkVersion)
        let unitCode = try Self.unit(input.unitCode, in: framework)
        return try await record(storing: input.evidence, context: context) { evidence in
            .assessmentRecorded(Assessment(
                id: UUID(), personID: person.id, frameworkID: framework.id, frameworkVersion: framework.version,
                unitCode: unitCode, outcome: input.outcome, assessorName: assessorName,
                assessorRole: input.assessorRole, method: input.method, date: input.date, evidence: evidence,
                notes: notes))
        }
    }

    /// The framework named by id and version, or the one imported last.
    func framework(id: String?, version: String?) async throws -> CompetencyFramework {
        let match = try await storage.frameworks().last {
            ($0.id == id || id == nil) && ($0.version == version || version == nil)
        }
        guard let match else {
            throw AppError(.notFound, id == nil ? "no competency framework imported; run `bekal framework import`"
                                                : "framework: unknown framework or version", field: "framework")
        }
        return match
    }

    /// The unit code as the framework writes it; an unknown code is refused with the list of valid ones (unit
    /// codes are public, never personal data).
    static func unit(_ typed: String, in framework: CompetencyFramework) throws(AppError) -> String {
        let code = typed.trimmingCharacters(in: .whitespaces)
        if let unit = framework.units.first(where: { $0.code.caseInsensitiveCompare(code) == .orderedSame }) {
            return unit.code
        }
        throw AppError(
            .notFound,
            "unit: not in framework \(framework.id) \(framework.version); its units are "
                + framework.units.map(\.code).joined(separator: ", "),
            field: "unit", reason: .unitNotInFramework)
    }
}
