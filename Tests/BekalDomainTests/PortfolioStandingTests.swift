import Foundation
import Testing

@testable import BekalDomain

@Suite("Portfolio standing")
struct PortfolioStandingTests {
    static func portfolio() -> Portfolio {
        Build.portfolio(
            assessments: [
                Build.assessment("U1", .belumKompeten, on: "2026-01-10", evidence: 0, role: .facilityStaff),
                Build.assessment("U1", .kompeten, on: "2026-02-10", evidence: 2, role: .partnerMentor),
                Build.assessment("U2", .belumKompeten, on: "2026-02-11", evidence: 1, role: .bnspAssessor),
            ],
            certificates: [
                Build.certificate(issued: "2025-11-01", expires: "2029-11-01"),
                Build.certificate(issued: "2025-11-01", expires: "2026-11-28"),
                Build.certificate(issued: "2025-11-01", expires: "2027-01-10"),
            ],
            training: [Build.training(2.5), Build.training(3), Build.training(4)],
            production: [
                Build.production(10, grade: .a, hours: 4),
                Build.production(8, grade: .b, rejects: 2, hours: 3),
                Build.production(12.5, .metres, grade: .a, hours: 4),
                Build.production(6, grade: .a, rework: 1, hours: 2),
                Build.production(3.5, .metres, grade: .c, rejects: 1, hours: 4),
            ])
    }

    @Test("units show competent with date and assessor role, not yet competent, never assessed")
    func units() {
        let s = PortfolioStanding(Self.portfolio(), today: Build.today)
        #expect(s.units.map(\.status) == [.competent, .notYetCompetent, .neverAssessed])
        #expect(s.units[0].assessedOn == LocalDate("2026-02-10"))
        #expect(s.units[0].assessorRole == .partnerMentor)
        #expect(s.units[0].evidenceCount == 2)
        #expect(s.units[0].assessmentCount == 2)
        #expect(s.units[2].assessedOn == nil && s.units[2].assessmentCount == 0)
        #expect((s.competentUnits, s.notYetCompetentUnits, s.neverAssessedUnits) == (1, 1, 1))
        #expect(s.training == PortfolioStanding.TrainingStanding(sessions: 3, hours: 9.5))
    }

    @Test("a unit whose latest assessment was revoked shows that assessment, marked dicabut, not the earlier one")
    func revokedUnitRow() throws {
        var portfolio = Self.portfolio()
        let revoked = try #require(portfolio.assessments.first { $0.unitCode == "U1" && $0.outcome == .kompeten })
        portfolio.revokedRecordIDs = [revoked.id]
        let standing = PortfolioStanding(portfolio, today: Build.today)
        let row = try #require(standing.units.first { $0.code == "U1" })
        #expect(row.status == .revoked)
        // Counted apart: U1 leaves Kompeten (1 before) and is counted in none of the three.
        #expect((standing.competentUnits, standing.notYetCompetentUnits, standing.neverAssessedUnits,
                 standing.revokedUnits) == (0, 1, 1, 1))
        #expect(PortfolioStanding(Self.portfolio(), today: Build.today).revokedUnits == 0)
        #expect(row.assessmentID == revoked.id)
        #expect(row.assessedOn == LocalDate("2026-02-10"))
        #expect(row.assessorRole == .partnerMentor)
        #expect(row.evidenceCount == 2)
    }

    @Test("production rows are per counting unit and grade, worked out by hand")
    func productionRows() {
        let s = PortfolioStanding(Self.portfolio(), today: Build.today)
        typealias Row = PortfolioStanding.ProductionRow
        typealias Total = PortfolioStanding.ProductionTotal
        let rows: [Row] = [
            Row(unit: .pieces, grade: .a, entries: 2, quantity: 16, rejects: 0, rework: 1, hours: 6),
            Row(unit: .pieces, grade: .b, entries: 1, quantity: 8, rejects: 2, rework: 0, hours: 3),
            Row(unit: .metres, grade: .a, entries: 1, quantity: 12.5, rejects: 0, rework: 0, hours: 4),
            Row(unit: .metres, grade: .c, entries: 1, quantity: 3.5, rejects: 1, rework: 0, hours: 4),
        ]
        #expect(s.production == rows)
        let totals: [Total] = [
            Total(unit: .pieces, entries: 3, quantity: 24, rejects: 2, rework: 1, hours: 9, rejectRate: 2.0 / 24),
            Total(unit: .metres, entries: 2, quantity: 16, rejects: 1, rework: 0, hours: 8, rejectRate: 1.0 / 16),
        ]
        #expect(s.productionTotals == totals)
    }

    @Test("certificates are ordered by expiry and flagged expired or expiring within the window")
    func certificates() {
        let s = PortfolioStanding(Self.portfolio(), today: Build.today, expiringWithinDays: 60)
        #expect(s.certificates.map(\.expiresOn.description) == ["2026-11-28", "2027-01-10", "2029-11-01"])
        #expect(s.certificates.map(\.isExpired) == [true, false, false])
        #expect(s.certificates.map(\.isExpiringSoon) == [false, true, false])
        #expect(s.certificates.map(\.daysUntilExpiry)[0...1] == [-1, 42])
        let narrow = PortfolioStanding(Self.portfolio(), today: Build.today, expiringWithinDays: 30)
        #expect(narrow.certificates.map(\.isExpiringSoon) == [false, false, false])
    }

    @Test("totals are the sums of their rows on every demo portfolio")
    func totalsAreSumsOfRows() {
        let data = DemoFacility.generate(people: 60, seed: 7, today: Build.today)
        let portfolios = DemoProjection.portfolios(data)
        #expect(portfolios.count == 60)
        for portfolio in portfolios {
            let s = PortfolioStanding(portfolio, today: Build.today)
            #expect(s.competentUnits + s.notYetCompetentUnits + s.neverAssessedUnits == s.units.count)
            #expect(s.training.hours == portfolio.training.reduce(0) { $0 + $1.hours })
            #expect(s.production.reduce(0) { $0 + $1.entries } == portfolio.production.count)
            for total in s.productionTotals {
                let rows = s.production.filter { $0.unit == total.unit }
                #expect(total.entries == rows.reduce(0) { $0 + $1.entries })
                #expect(total.quantity == rows.reduce(0) { $0 + $1.quantity })
                #expect(total.rejects == rows.reduce(0) { $0 + $1.rejects })
                #expect(total.rework == rows.reduce(0) { $0 + $1.rework })
                #expect(total.hours == rows.reduce(0) { $0 + $1.hours })
                let entries = portfolio.production.filter { $0.unit == total.unit }
                #expect(total.rejects == entries.reduce(0) { $0 + $1.rejects })
                #expect(abs(total.quantity - entries.reduce(0) { $0 + $1.quantity }) < 1e-9)
            }
        }
    }
}
