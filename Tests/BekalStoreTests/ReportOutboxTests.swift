import BekalDomain
import BekalMetrics
import Foundation
import GRDB
import Testing
@testable import BekalStore

/// A generator that always gives the same numbers, so noisy reports are reproducible in tests.
struct CountingGenerator: RandomNumberGenerator {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Report outbox")
struct ReportOutboxTests {
    static let period = ReportingPeriod("2026-Q2")!

    @Test("a queued report stores the exact JSON of the report, pending, and its figures come from the SQL query")
    func queueStoresBody() throws {
        let scenario = try Scenario()
        var random = CountingGenerator()
        let id = UUID()
        let (report, queued) = try scenario.ledger.queueReport(
            period: Self.period, policy: .ons105, budget: PrivacyBudget(perPeriod: try Epsilon("1")), reportID: id,
            actor: Scenario.actor, now: Scenario.now, random: &random)
        #expect(queued.body == (try report.jsonData()))
        #expect(try MetricsReport.decode(queued.body) == report)
        let stored = try scenario.ledger.queuedReports()
        #expect(stored.map(\.reportID) == [id])
        #expect(stored.first?.state == .pending && stored.first?.body == queued.body)
        #expect(try scenario.ledger.privacyBudgetSpends(period: Self.period).isEmpty)
    }

    @Test("a noisy report appends its budget spend in the same transaction; an exhausted budget writes nothing")
    func budgetSpendIsAtomic() throws {
        let scenario = try Scenario()
        let ledger = scenario.ledger
        var random = CountingGenerator()
        let budget = PrivacyBudget(perPeriod: try Epsilon("1"))
        let noisy = try DisclosurePolicy(epsilon: try Epsilon("0.75"))
        let before = try ledger.eventCount()
        let first = UUID()
        _ = try ledger.queueReport(
            period: Self.period, policy: noisy, budget: budget, reportID: first, actor: Scenario.actor,
            now: Scenario.now, random: &random)
        #expect(try ledger.eventCount() == before + 1)
        let spends = try ledger.privacyBudgetSpends(period: Self.period)
        #expect(spends.map(\.reportID) == [first])
        #expect(spends.first?.epsilon == (try Epsilon("0.75")))
        // May lies in Q2: its records already carry 0.75 of the budget of 1.
        #expect(throws: MetricsError(.privacyBudgetExhausted, "")) {
            _ = try ledger.queueReport(
                period: ReportingPeriod("2026-05")!, policy: noisy, budget: budget, reportID: UUID(),
                actor: Scenario.actor, now: Scenario.now, random: &random)
        }
        #expect(throws: MetricsError(.periodAlreadyReported, "")) {
            _ = try ledger.queueReport(
                period: Self.period, policy: try DisclosurePolicy(epsilon: try Epsilon("0.25")), budget: budget,
                reportID: UUID(), actor: Scenario.actor, now: Scenario.now, random: &random)
        }
        #expect(throws: MetricsError(.noiseMixed, "")) {
            _ = try ledger.queueReport(
                period: ReportingPeriod("2026-06")!, policy: .ons105, budget: budget, reportID: UUID(),
                actor: Scenario.actor, now: Scenario.now, random: &random)
        }
        #expect(try ledger.eventCount() == before + 1)
        #expect(try ledger.queuedReports().count == 1)
        // The chain still verifies and a rebuild replays the spend without a projection.
        guard case .intact = try ledger.verifyChain() else { Issue.record("chain broken"); return }
        #expect(try ledger.rebuildProjections() == before + 1)
        #expect(try ledger.privacyBudgetSpends(period: Self.period).count == 1)
    }

    @Test("delivery outcomes update state, attempts and times; an unknown id is not found; the body never changes")
    func deliveryOutcomes() throws {
        let scenario = try Scenario()
        let ledger = scenario.ledger
        let a = QueuedReport(reportID: UUID(), facilityCode: "LAPAS-TEST", period: Self.period, body: Data("{}".utf8),
                             enqueuedAt: Scenario.now)
        let b = QueuedReport(reportID: UUID(), facilityCode: "LAPAS-TEST", period: Self.period, body: Data("[]".utf8),
                             enqueuedAt: Scenario.now.addingTimeInterval(1))
        try ledger.enqueue(a)
        try ledger.enqueue(b)
        try ledger.enqueue(QueuedReport(reportID: a.reportID, facilityCode: "X", period: Self.period, body: Data(),
                                        enqueuedAt: Scenario.now))
        try ledger.recordDeliveryAttempt(a.reportID, error: "HTTP 503", at: Scenario.now)
        try ledger.markReportSent(a.reportID, at: Scenario.now.addingTimeInterval(5))
        try ledger.markReportFailed(b.reportID, reason: "HTTP 400: no", at: Scenario.now.addingTimeInterval(6))
        let stored = try ledger.queuedReports()
        #expect(stored.map(\.state) == [.sent, .failed])
        #expect(stored.map(\.attempts) == [2, 1])
        #expect(stored[0].body == a.body && stored[0].facilityCode == "LAPAS-TEST" && stored[0].lastError == nil)
        #expect(stored[1].lastError == "HTTP 400: no")
        #expect(stored[0].finishedAt == Scenario.now.addingTimeInterval(5))
        #expect(try ledger.queuedReports(states: [.pending]).isEmpty)
        #expect(throws: StoreError(.notFound, "")) { try ledger.markReportSent(UUID(), at: Scenario.now) }
        #expect(throws: (any Error).self) {
            try ledger.writer.write { db in
                try db.execute(sql: "UPDATE report_outbox SET body = x'00' WHERE report_id = ?",
                               arguments: [a.reportID.uuidString.lowercased()])
            }
        }
    }
}
