import BekalDomain
import Foundation
import Testing
@testable import BekalMetrics

@Suite("A report is final, noise is not mixed, and the budget is per person-time")
struct PublicationRulesTests {
    static func spend(_ period: String, _ epsilon: String) throws -> PrivacyBudgetSpend {
        PrivacyBudgetSpend(
            facilityCode: Figures.facility, period: ReportingPeriod(period)!, epsilon: try Epsilon(epsilon),
            reportID: UUID())
    }

    @Test("a period reported once is refused the second time, with the same figures or new ones")
    func periodIsFinal() throws {
        let first = try Figures.clear(Figures.make("2026-07")).report
        #expect(throws: MetricsError(.periodAlreadyReported, "")) {
            try Figures.clear(Figures.make("2026-07"), after: [first])
        }
        #expect(throws: MetricsError(.periodAlreadyReported, "")) {
            try Figures.clear(Figures.make("2026-07", certificates: ["Tukang Cap": 20]), after: [first])
        }
        // Another facility's report of the same period is not this facility's history.
        var other = first
        other.facilityCode = "LAPAS-LAIN"
        _ = try Figures.clear(Figures.make("2026-07"), after: [other])
        // A budget spend alone (its report lost) still marks the period as reported.
        #expect(throws: MetricsError(.periodAlreadyReported, "")) {
            try Figures.clear(Figures.make("2026-08"), spends: [try Self.spend("2026-08", "0.5")],
                              policy: try DisclosurePolicy(epsilon: try Epsilon("0.2")))
        }
    }

    @Test("an exact report is refused for days reported with noise, and a noisy one for days reported exactly")
    func noiseNotMixed() throws {
        let noisy = try DisclosurePolicy(epsilon: try Epsilon("0.5"))
        let quarter = try Figures.clear(Figures.make("2026-Q3"), policy: noisy)
        #expect(quarter.spend?.period == ReportingPeriod("2026-Q3"))
        #expect(throws: MetricsError(.noiseMixed, "")) {
            try Figures.clear(Figures.make("2026-08"), after: [quarter.report], spends: [quarter.spend!])
        }
        let month = try Figures.clear(Figures.make("2026-04")).report
        #expect(throws: MetricsError(.noiseMixed, "")) {
            try Figures.clear(Figures.make("2026-Q2"), after: [month], policy: noisy)
        }
        // Days that do not overlap are free to use either.
        _ = try Figures.clear(Figures.make("2026-07"), after: [month], policy: noisy)
    }

    @Test("a month and its quarter share the budget; two months do not", arguments: [
        (["2026-Q3:0.6"], "2026-08:0.5", false), (["2026-Q3:0.6"], "2026-08:0.4", true),
        (["2026-07:0.5", "2026-08:0.3"], "2026-Q3:0.5", true), (["2026-07:0.5", "2026-08:0.6"], "2026-Q3:0.5", false),
        (["2026-07:1"], "2026-08:1", true), (["2026-06:0.9"], "2026-Q3:1", true),
    ])
    func budgetPerPersonTime(earlier: [String], next: String, allowed: Bool) throws {
        let budget = PrivacyBudget(perPeriod: try Epsilon("1"))
        let previous = try earlier.map { text in
            let parts = text.split(separator: ":").map(String.init)
            return try Self.spend(parts[0], parts[1])
        }
        let parts = next.split(separator: ":").map(String.init)
        let attempt = { () throws(MetricsError) -> PrivacyBudgetSpend in
            try budget.authorize(
                try Epsilon(parts[1]), facilityCode: Figures.facility, period: ReportingPeriod(parts[0])!,
                reportID: UUID(), previous: previous)
        }
        if allowed {
            #expect(try attempt().period == ReportingPeriod(parts[0]))
        } else {
            #expect(throws: MetricsError(.privacyBudgetExhausted, "")) { try attempt() }
        }
    }

    @Test("a quarter covers its three months and overlaps them, and nothing else")
    func overlaps() throws {
        let q3 = try #require(ReportingPeriod("2026-Q3"))
        #expect(q3.months.map(\.description) == ["2026-07", "2026-08", "2026-09"])
        #expect(q3.overlaps(ReportingPeriod("2026-09")!) && ReportingPeriod("2026-07")!.overlaps(q3))
        #expect(!q3.overlaps(ReportingPeriod("2026-10")!) && !q3.overlaps(ReportingPeriod("2026-Q2")!))
        #expect(!ReportingPeriod("2026-07")!.overlaps(ReportingPeriod("2026-08")!))
    }
}
