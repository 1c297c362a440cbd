import BekalCredentials
import BekalDomain
import Foundation

/// The text form of `bekal portfolio`: a counselor's view of one person's standing.
enum PortfolioText {
    static func render(_ portfolio: Portfolio, _ standing: PortfolioStanding) -> String {
        let person = portfolio.person
        var lines = [
            "Portfolio of \(person.fullName.rawValue) (\(person.registerNumber.rawValue))",
            "  \(person.status.rawValue) at \(person.facilityCode), admitted \(person.admissionDate), "
                + "expected release \(person.expectedReleaseDate)",
            "Framework \(standing.frameworkID) \(standing.frameworkVersion)"
                + "\(portfolio.framework.isSample ? " (SAMPLE)" : ""): \(standing.competentUnits) Kompeten, "
                + "\(standing.notYetCompetentUnits) Belum Kompeten, \(standing.neverAssessedUnits) never assessed"
                + (standing.revokedUnits > 0 ? ", \(standing.revokedUnits) revoked" : ""),
        ]
        for unit in standing.units {
            let status = switch unit.status {
            case .competent: "K "
            case .notYetCompetent: "BK"
            case .neverAssessed: "- "
            case .revoked: "R "
            }
            var line = "  [\(status)] \(unit.code)\(unit.isCore ? "" : " (elective)")  \(unit.title.id)"
            if let date = unit.assessedOn { line += ", \(date)" }
            if let role = unit.assessorRole { line += " by \(role.rawValue)" }
            if unit.evidenceCount > 0 { line += ", \(unit.evidenceCount) evidence" }
            if unit.status == .revoked { line += " — REVOKED (dicabut), no longer counts" }
            lines.append(line)
        }
        lines.append("Training: \(number(standing.training.hours)) hours in \(standing.training.sessions) sessions")
        if standing.productionTotals.isEmpty { lines.append("Production: none recorded") }
        for total in standing.productionTotals {
            let rate = total.rejectRate.map { String(format: ", %.1f%% rejected", $0 * 100) } ?? ""
            lines.append("Production: \(number(total.quantity)) \(total.unit.rawValue) in \(total.entries) entries, "
                + "\(total.rejects) rejects, \(total.rework) reworked, \(number(total.hours)) hours\(rate)")
        }
        for row in standing.production {
            lines.append("  grade \(row.grade.rawValue): \(number(row.quantity)) \(row.unit.rawValue) in \(row.entries) entries")
        }
        if standing.certificates.isEmpty { lines.append("Certificates: none") }
        for c in standing.certificates {
            let state = c.isRevoked ? "REVOKED (dicabut)"
                : c.isExpired ? "EXPIRED" : c.isExpiringSoon ? "expires in \(c.daysUntilExpiry) days" : "valid"
            lines.append("Certificate: \(c.issuer), \(c.scheme), \(c.issuedOn) to \(c.expiresOn) (\(state))")
        }
        return lines.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
