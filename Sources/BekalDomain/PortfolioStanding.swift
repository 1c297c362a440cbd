import Foundation

/// A portfolio summarised for display and `--json`: where the person stands on each unit, training,
/// production and certificates. Every total is computed from the rows shown next to it, so they always agree.
public struct PortfolioStanding: Sendable, Hashable, Codable {
    public enum UnitStatus: String, Sendable, Hashable, Codable {
        case competent
        case notYetCompetent = "not-yet-competent"
        case neverAssessed = "never-assessed"
        /// The latest assessment's credential was revoked (dicabut): it no longer counts.
        case revoked
    }

    /// One framework unit and its latest assessment. Shows the assessor's role, never their name.
    public struct UnitStanding: Sendable, Hashable, Codable {
        public var code: String
        public var title: LocalizedText
        public var isCore: Bool
        public var status: UnitStatus
        public var assessedOn: LocalDate?
        public var assessorRole: AssessorRole?
        public var evidenceCount: Int
        /// All assessments of the unit, including earlier Belum Kompeten ones.
        public var assessmentCount: Int
        /// The event-independent id of the assessment shown (its credential is `urn:uuid:<id>` in exports).
        public var assessmentID: UUID?
    }

    public struct TrainingStanding: Sendable, Hashable, Codable {
        public var sessions: Int
        public var hours: Double
    }

    /// Production of one counting unit (pieces or metres) and grade.
    public struct ProductionRow: Sendable, Hashable, Codable {
        public var unit: ProductionUnit
        public var grade: QualityGrade
        public var entries: Int
        public var quantity: Double
        public var rejects: Int
        public var rework: Int
        public var hours: Double
    }

    /// The sum of the rows of one counting unit; pieces and metres are never added together.
    public struct ProductionTotal: Sendable, Hashable, Codable {
        public var unit: ProductionUnit
        public var entries: Int
        public var quantity: Double
        public var rejects: Int
        public var rework: Int
        public var hours: Double
        /// Rejects over quantity, `nil` when nothing was produced.
        public var rejectRate: Double?
    }

    public struct CertificateStanding: Sendable, Hashable, Codable {
        public var id: UUID
        public var issuer: String
        public var scheme: String
        /// Certificate and BNSP registration numbers, opaque; shown only where the user asked for the portfolio.
        public var number: String
        public var registrationNumber: String?
        public var issuedOn: LocalDate
        public var expiresOn: LocalDate
        public var unitCodes: [String]
        public var isExpired: Bool
        /// Not expired, but expiring within the window asked for.
        public var isExpiringSoon: Bool
        public var daysUntilExpiry: Int
        /// Revoked by the facility (dicabut): no longer counts and is left out of new exports.
        public var isRevoked: Bool
    }

    public var personID: UUID
    public var frameworkID: String
    public var frameworkVersion: String
    public var units: [UnitStanding]
    public var competentUnits: Int
    public var notYetCompetentUnits: Int
    public var neverAssessedUnits: Int
    public var training: TrainingStanding
    /// Rows ordered by counting unit then grade.
    public var production: [ProductionRow]
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
