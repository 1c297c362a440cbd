import Foundation

/// A portfolio summarised for display and `--json`: where the person stands on each unit, training,
/// production and certificates. Every total is computed from the rows shown next to it, so they always agree.
public struct PortfolioStanding: Sendable, Hashable, Codable {
    /// Where a person stands on one unit, from its latest assessment that still stands.
    public enum UnitStatus: String, Sendable, Hashable, Codable {
        /// The latest assessment is Kompeten (K).
        case competent
        /// The latest assessment is Belum Kompeten (BK).
        case notYetCompetent = "not-yet-competent"
        /// The unit has no assessment on record.
        case neverAssessed = "never-assessed"
        /// The latest assessment's credential was revoked (dicabut): it no longer counts.
        case revoked
    }

    /// One framework unit and its latest assessment. Shows the assessor's role, never their name.
    public struct UnitStanding: Sendable, Hashable, Codable {
        /// The unit code, e.g. `C.13BTK01.001.2`.
        public var code: String
        /// The unit title in Indonesian and English.
        public var title: LocalizedText
        /// Whether the unit is core (required for readiness) rather than elective.
        public var isCore: Bool
        /// Kompeten, Belum Kompeten, never assessed, or revoked.
        public var status: UnitStatus
        /// The date of the assessment shown; `nil` when the unit was never assessed.
        public var assessedOn: LocalDate?
        /// The role of the assessor of the assessment shown (BNSP assessor, partner mentor, staff); never their name.
        public var assessorRole: AssessorRole?
        /// How many evidence files (cloth photos, checklists) back the assessment shown.
        public var evidenceCount: Int
        /// All assessments of the unit, including earlier Belum Kompeten ones.
        public var assessmentCount: Int
        /// The event-independent id of the assessment shown (its credential is `urn:uuid:<id>` in exports).
        public var assessmentID: UUID?
    }

    /// The person's training attendance over the whole portfolio.
    public struct TrainingStanding: Sendable, Hashable, Codable {
        /// The number of training sessions attended.
        public var sessions: Int
        /// The training hours attended, in hours.
        public var hours: Double
    }

    /// Production of one counting unit (pieces or metres) and grade.
    public struct ProductionRow: Sendable, Hashable, Codable {
        /// The counting unit of the row: pieces or metres.
        public var unit: ProductionUnit
        /// The quality grade of the row's entries.
        public var grade: QualityGrade
        /// The number of production log entries in the row.
        public var entries: Int
        /// The quantity produced, in the row's unit (pieces or metres).
        public var quantity: Double
        /// The pieces rejected, summed over the row's entries.
        public var rejects: Int
        /// The pieces reworked, summed over the row's entries.
        public var rework: Int
        /// The production hours of the row's entries, in hours.
        public var hours: Double
    }

    /// The sum of the rows of one counting unit; pieces and metres are never added together.
    public struct ProductionTotal: Sendable, Hashable, Codable {
        /// The counting unit totalled: pieces or metres.
        public var unit: ProductionUnit
        /// The number of entries over the unit's rows.
        public var entries: Int
        /// The quantity over the unit's rows, in pieces or metres.
        public var quantity: Double
        /// The rejects over the unit's rows.
        public var rejects: Int
        /// The rework over the unit's rows.
        public var rework: Int
        /// The production hours over the unit's rows, in hours.
        public var hours: Double
        /// Rejects over quantity, `nil` when nothing was produced.
        public var rejectRate: Double?
    }

    /// One certificate of competency with its validity on the day summarised.
    public struct CertificateStanding: Sendable, Hashable, Codable {
        /// The certificate record's id (its credential is `urn:uuid:<id>` in exports).
        public var id: UUID
        /// Who issued the certificate, e.g. an LSP or the partner.
        public var issuer: String
        /// The certification scheme, e.g. Tukang Cap.
        public var scheme: String
        /// Certificate and BNSP registration numbers, opaque; shown only where the user asked for the portfolio.
        public var number: String
        /// The BNSP registration number, opaque; `nil` for certificates without one (e.g. the partner's).
        public var registrationNumber: String?
        /// The issue date.
        public var issuedOn: LocalDate
        /// The expiry date (BNSP certificates last 3 years).
        public var expiresOn: LocalDate
        /// The codes of the units the certificate covers; empty when it names none.
        public var unitCodes: [String]
        /// Whether the certificate had expired on the day summarised.
        public var isExpired: Bool
        /// Not expired, but expiring within the window asked for.
        public var isExpiringSoon: Bool
        /// Days from the day summarised to the expiry date; negative once expired.
        public var daysUntilExpiry: Int
        /// Revoked by the facility (dicabut): no longer counts and is left out of new exports.
        public var isRevoked: Bool
    }

    /// The WBP the standing summarises.
    public var personID: UUID
    /// The id of the framework the units come from.
    public var frameworkID: String
    /// The version of that framework.
    public var frameworkVersion: String
    /// Every unit of the framework, in framework order, with its standing.
    public var units: [UnitStanding]
    /// The number of units whose standing is Kompeten, core and elective alike.
    public var competentUnits: Int
    /// The number of units whose standing is Belum Kompeten.
    public var notYetCompetentUnits: Int
    /// The number of units never assessed.
    public var neverAssessedUnits: Int
    /// The number of units whose latest assessment's credential was revoked (dicabut): counted in none of the
    /// three above.
    public var revokedUnits: Int { units.count { $0.status == .revoked } }
    /// Training sessions and hours.
    public var training: TrainingStanding
    /// Rows ordered by counting unit then grade.
    public var production: [ProductionRow]
    /// One total per counting unit present, computed from `production`; pieces and metres are never added together.
    public var productionTotals: [ProductionTotal]
    /// Certificates ordered by expiry.
    public var certificates: [CertificateStanding]

    /// Summarises `portfolio` on `today`; certificates expiring within `expiringWithinDays` are flagged.
    public init(_ portfolio: Portfolio, today: LocalDate, expiringWithinDays: Int = 90) {
        personID = portfolio.person.id
        frameworkID = portfolio.framework.id
        frameworkVersion = portfolio.framework.version
        let latest = portfolio.latestAssessmentByUnit
        var counts: [String: Int] = [:]
        for a in portfolio.assessments
        where a.frameworkID == portfolio.framework.id && a.frameworkVersion == portfolio.framework.version {
            counts[a.unitCode, default: 0] += 1
        }
        let latestIncludingRevoked = portfolio.latestAssessmentIncludingRevokedByUnit
        let revokedUnits = portfolio.revokedUnitCodes
        units = portfolio.framework.units.map { unit in
            // A revoked unit's row describes the revoked assessment, not an earlier one that still stands.
            let isRevoked = revokedUnits.contains(unit.code)
            let assessment = isRevoked ? latestIncludingRevoked[unit.code] : latest[unit.code]
            let status: UnitStatus =
                if isRevoked { .revoked } else {
                    switch assessment?.outcome {
                    case nil: .neverAssessed
                    case .kompeten: .competent
                    case .belumKompeten: .notYetCompetent
                    }
                }
            return UnitStanding(
                code: unit.code, title: unit.title, isCore: unit.isCore, status: status,
                assessedOn: assessment?.date, assessorRole: assessment?.assessorRole,
                evidenceCount: assessment?.evidence.count ?? 0, assessmentCount: counts[unit.code] ?? 0,
                assessmentID: assessment?.id)
        }
        competentUnits = units.count { $0.status == .competent }
        notYetCompetentUnits = units.count { $0.status == .notYetCompetent }
        neverAssessedUnits = units.count { $0.status == .neverAssessed }
        training = TrainingStanding(sessions: portfolio.training.count, hours: portfolio.trainingHours)

        var rows: [ProductionRow] = []
        for unit in ProductionUnit.allCases {
            for grade in QualityGrade.allCases.sorted() {
                let entries = portfolio.production.filter { $0.unit == unit && $0.grade == grade }
                guard !entries.isEmpty else { continue }
                rows.append(ProductionRow(
                    unit: unit, grade: grade, entries: entries.count,
                    quantity: entries.reduce(0) { $0 + $1.quantity }, rejects: entries.reduce(0) { $0 + $1.rejects },
                    rework: entries.reduce(0) { $0 + $1.rework }, hours: entries.reduce(0) { $0 + $1.hours }))
            }
        }
        production = rows
        productionTotals = ProductionUnit.allCases.compactMap { unit in
            let unitRows = rows.filter { $0.unit == unit }
            guard !unitRows.isEmpty else { return nil }
            let quantity = unitRows.reduce(0) { $0 + $1.quantity }
            let rejects = unitRows.reduce(0) { $0 + $1.rejects }
            return ProductionTotal(
                unit: unit, entries: unitRows.reduce(0) { $0 + $1.entries }, quantity: quantity, rejects: rejects,
                rework: unitRows.reduce(0) { $0 + $1.rework }, hours: unitRows.reduce(0) { $0 + $1.hours },
                rejectRate: quantity > 0 ? Double(rejects) / quantity : nil)
        }

        certificates = portfolio.certificates.sorted { ($0.expiresOn, $0.issuedOn) < ($1.expiresOn, $1.issuedOn) }.map { c in
            let days = c.expiresOn.daysSinceEpoch - today.daysSinceEpoch
            let expired = c.isExpired(on: today)
            return CertificateStanding(
                id: c.id, issuer: c.issuer, scheme: c.scheme, number: c.number,
                registrationNumber: c.registrationNumber, issuedOn: c.issuedOn, expiresOn: c.expiresOn,
                unitCodes: c.unitCodes, isExpired: expired, isExpiringSoon: !expired && days <= expiringWithinDays,
                daysUntilExpiry: days, isRevoked: portfolio.revokedRecordIDs.contains(c.id))
        }
    }
}
