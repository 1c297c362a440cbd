import Foundation

@testable import BekalDomain

/// Hand-built records for rule and readiness tests. Dates are fixed so expectations are worked out by hand.
enum Build {
    static let today = LocalDate("2026-11-29")!
    static let personID = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
    static let framework = CompetencyFramework(
        id: "TEST.FW", version: "1",
        title: LocalizedText(id: "Uji", en: "Test"),
        units: [
            CompetencyUnit(code: "U1", title: LocalizedText(id: "Satu", en: "One")),
            CompetencyUnit(code: "U2", title: LocalizedText(id: "Dua", en: "Two")),
            CompetencyUnit(code: "U3", title: LocalizedText(id: "Tiga", en: "Three"), isCore: false),
        ])

    static func person(
        admission: String = "2025-06-01", release: String = "2027-01-15", birth: String? = "1990-03-04"
    ) -> Person {
        Person(
            id: personID, registerNumber: RegisterNumber("TEST-1/2025")!, fullName: PersonName("Uji Coba")!,
            birthDate: birth.map { LocalDate($0)! }, admissionDate: LocalDate(admission)!,
            expectedReleaseDate: LocalDate(release)!, status: .active, facilityCode: "LAPAS-TEST")
    }

    static var context: RecordContext { RecordContext(today: today, person: person(), frameworks: [framework]) }

    static func evidence(_ n: Int = 1) -> [Evidence] {
        (0..<n).map { _ in
            Evidence(sha256: String(repeating: "ab", count: 32), mediaType: "image/jpeg", description: "foto", byteCount: 10)
        }
    }

    static func assessment(
        _ unit: String, _ outcome: AssessmentOutcome, on date: String = "2026-01-10", evidence: Int = 1,
        role: AssessorRole = .bnspAssessor
    ) -> Assessment {
        Assessment(
            id: UUID(), personID: personID, frameworkID: framework.id, frameworkVersion: framework.version,
            unitCode: unit, outcome: outcome, assessorName: "Asesor", assessorRole: role, method: .observation,
            date: LocalDate(date)!, evidence: self.evidence(evidence))
    }

    static func certificate(issued: String = "2026-02-01", expires: String? = nil) -> Certificate {
        let issuedOn = LocalDate(issued)!
        return Certificate(
            id: UUID(), personID: personID, issuer: "LSP", scheme: "Tukang Cap", number: "N-1",
            registrationNumber: "R-1", issuedOn: issuedOn,
            expiresOn: expires.map { LocalDate($0)! } ?? Certificate.defaultExpiry(issuedOn: issuedOn), unitCodes: ["U1"])
    }

    static func training(_ hours: Double, on date: String = "2026-03-01") -> TrainingSession {
        TrainingSession(id: UUID(), personID: personID, date: LocalDate(date)!, hours: hours, topic: "Cap", trainer: "Mentor")
    }

    static func production(
        _ quantity: Double, _ unit: ProductionUnit = .pieces, grade: QualityGrade = .a, rejects: Int = 0,
        reason: String? = nil, rework: Int = 0, hours: Double = 4, on date: String = "2026-04-01"
    ) -> ProductionEntry {
        ProductionEntry(
            id: UUID(), personID: personID, date: LocalDate(date)!, motif: "Sekar Jagad", cap: "CAP-1",
            quantity: quantity, unit: unit, grade: grade, rework: rework, rejects: rejects,
            rejectReason: reason ?? (rejects > 0 ? "tekanan tidak merata" : nil), hours: hours)
    }

    static func portfolio(
        person: Person = person(), assessments: [Assessment] = [], certificates: [Certificate] = [],
        training: [TrainingSession] = [], production: [ProductionEntry] = []
    ) -> Portfolio {
        Portfolio(
            person: person, facility: Facility(code: "LAPAS-TEST", name: "Lapas Uji"), framework: framework,
            assessments: assessments, certificates: certificates, training: training, production: production)
    }
}
