import BekalApp
import BekalDomain
import BekalMetrics
import Foundation
import Testing

@Suite("Queueing a report through the app layer")
struct ReportQueueTests {
    static let period = ReportingPeriod("2026-Q2")!
    static let today = LocalDate("2026-11-14")!

    @Test("a queued report stores the exact JSON of the report, pending, with no budget spent")
    func queueStoresBody() async throws {
        let fixture = try AppFixture(demoPeople: 40, seed: 3, today: Self.today)
        defer { fixture.cleanUp() }
        let queued = try await fixture.app.queueReport(period: Self.period, policy: .ons105, context: fixture.context)
        #expect(queued.queued)
        #expect(queued.body == (try queued.report.jsonData()))
        let stored = try await fixture.app.outbox(context: fixture.context)
        #expect(stored.map(\.reportID) == [queued.report.reportID])
        #expect(stored.first?.state == .pending && stored.first?.body == queued.body)
        #expect(try await fixture.app.storage.privacyBudgetSpends().isEmpty)
        // A period is reported once: the preview now shows the queued report.
        let preview = try await fixture.app.previewReport(period: Self.period, policy: .ons105, context: fixture.context)
        #expect(preview.queued && preview.body == queued.body)
    }

    @Test("a noisy report appends its budget spend in the same transaction; a refused one writes nothing")
    func budgetSpendIsAtomic() async throws {
        let fixture = try AppFixture(demoPeople: 40, seed: 3, today: Self.today)
        defer { fixture.cleanUp() }
        let app = fixture.app
        let noisy = try DisclosurePolicy(epsilon: try Epsilon("0.75"))
        let before = try await app.storage.eventCount()
        let first = try await app.queueReport(period: Self.period, policy: noisy, context: fixture.context)
        #expect(try await app.storage.eventCount() == before + 1)
        let spends = try await app.storage.privacyBudgetSpends()
        #expect(spends.map(\.reportID) == [first.report.reportID])
        #expect(spends.first?.epsilon == (try Epsilon("0.75")))
        for (period, policy, code) in [
            ("2026-05", noisy, MetricsError.Code.privacyBudgetExhausted),  // May's people already carry 0.75
            ("2026-Q2", try DisclosurePolicy(epsilon: try Epsilon("0.25")), .periodAlreadyReported),
            ("2026-06", DisclosurePolicy.ons105, .noiseMixed),
        ] {
            await #expect(throws: MetricsError(code, "")) {
                _ = try await app.queueReport(period: ReportingPeriod(period)!, policy: policy, context: fixture.context)
            }
        }
        #expect(try await app.storage.eventCount() == before + 1)
        #expect(try await app.outbox(context: fixture.context).count == 1)
        guard case .intact = try await app.verifyChain(context: fixture.context) else { Issue.record("chain broken"); return }
        #expect(try await app.rebuildProjections(context: fixture.context) == before + 1)
        #expect(AppError(MetricsError(.noiseMixed, "")).code == .conflict)
    }
}
