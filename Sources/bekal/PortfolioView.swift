import BekalDomain
import Foundation

/// What `bekal portfolio` prints: the person's standing against the framework.
struct PortfolioView: Encodable {
    struct UnitStanding: Encodable {
        var code: String
        var title: String
        var core: Bool
        /// `K`, `BK` or `not-assessed`.
        var standing: String
        var date: String?
        var evidenceCount: Int
    }
    struct CertificateLine: Encodable {
        var issuer: String
        var scheme: String
        var number: String
        var issuedOn: String
        var expiresOn: String
        var status: String
    }

    var personID: String
    var registerNumber: String
    var name: String
    var status: String
    var expectedReleaseDate: String
    var facility: String
    var framework: String
    var units: [UnitStanding]
    var competentCount: Int
    var notYetCompetentCount: Int
    var notAssessedCount: Int
    var trainingHours: Double
    var productionPieces: Double
    var productionMetres: Double
    var productionRejects: Int
    var gradeCounts: [String: Int]
    var certificates: [CertificateLine]

    init(_ portfolio: Portfolio, today: LocalDate) {
        let person = portfolio.person
        personID = person.id.uuidString.lowercased()
        registerNumber = person.registerNumber.rawValue
        name = person.fullName.rawValue
        status = person.status.rawValue
        expectedReleaseDate = person.expectedReleaseDate.description
        facility = portfolio.facility.code
        framework = "\(portfolio.framework.id) \(portfolio.framework.version)"
        let latest = portfolio.latestAssessmentByUnit
        units = portfolio.framework.units.map { unit in
            let assessment = latest[unit.code]
            return UnitStanding(
                code: unit.code, title: unit.title.en, core: unit.isCore,
                standing: assessment?.outcome.rawValue ?? "not-assessed", date: assessment?.date.description,
                evidenceCount: assessment?.evidence.count ?? 0)
        }
        competentCount = units.count { $0.standing == "K" }
        notYetCompetentCount = units.count { $0.standing == "BK" }
        notAssessedCount = units.count { $0.standing == "not-assessed" }
        trainingHours = portfolio.trainingHours
        productionPieces = portfolio.production.filter { $0.unit == .pieces }.reduce(0) { $0 + $1.quantity }
        productionMetres = portfolio.production.filter { $0.unit == .metres }.reduce(0) { $0 + $1.quantity }
        productionRejects = portfolio.production.reduce(0) { $0 + $1.rejects }
        var grades: [String: Int] = [:]
        for entry in portfolio.production { grades[entry.grade.rawValue, default: 0] += 1 }
        gradeCounts = grades
        certificates = portfolio.certificates.map { c in
            let status = c.isExpired(on: today) ? "expired"
                : c.expiresOn < today.adding(days: 90) ? "expiring" : "valid"
            return CertificateLine(
                issuer: c.issuer, scheme: c.scheme, number: c.number, issuedOn: c.issuedOn.description,
                expiresOn: c.expiresOn.description, status: status)
        }
    }

    var text: String {
        var lines = [
            "Portfolio of \(name) (\(registerNumber)), \(status), expected release \(expectedReleaseDate)",
            "Framework \(framework): \(competentCount) Kompeten, \(notYetCompetentCount) Belum Kompeten, "
                + "\(notAssessedCount) never assessed",
        ]
        for unit in units {
            let when = unit.date.map { " on \($0)" } ?? ""
            let evidence = unit.evidenceCount > 0 ? ", \(unit.evidenceCount) evidence" : ""
            lines.append("  \(unit.standing.padding(toLength: 12, withPad: " ", startingAt: 0)) \(unit.code)"
                + "\(unit.core ? "" : " (elective)")  \(unit.title)\(when)\(evidence)")
        }
        lines.append("Training: \(format(trainingHours)) hours")
        let grades = gradeCounts.keys.sorted().map { "\($0): \(gradeCounts[$0] ?? 0)" }.joined(separator: ", ")
        lines.append("Production: \(format(productionPieces)) pieces, \(format(productionMetres)) metres, "
            + "\(productionRejects) rejects; grades \(grades.isEmpty ? "-" : grades)")
        lines.append("Certificates: \(certificates.isEmpty ? "none" : "")")
        for c in certificates {
            lines.append("  \(c.issuer) \(c.scheme) no. \(c.number), \(c.issuedOn) to \(c.expiresOn) (\(c.status))")
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
