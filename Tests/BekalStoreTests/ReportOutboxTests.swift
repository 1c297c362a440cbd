import BekalDomain
import Foundation
import GRDB
import Testing
@testable import BekalStore

@Suite("Report outbox")
struct ReportOutboxTests {
    static let period = ReportingPeriod("2026-Q2")!

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
        let bodyChange = #expect(throws: DatabaseError.self) {
            try ledger.writer.write { db in
                try db.execute(sql: "UPDATE report_outbox SET body = x'00' WHERE report_id = ?",
                               arguments: [a.reportID.uuidString.lowercased()])
            }
        }
        #expect(bodyChange?.message == "a queued report body never changes")
        #expect(try ledger.queuedReports().first { $0.reportID == a.reportID }?.body == a.body)
    }

    @Test("two publisher runs claim different reports; a lapsed lease or a gone holder is claimed again; marking ends a lease")
    func leases() throws {
        let ledger = try Scenario().ledger
        let reports = (0..<3).map { n in
            QueuedReport(reportID: UUID(), facilityCode: "LAPAS-TEST", period: Self.period, body: Data("{}".utf8),
                         enqueuedAt: Scenario.now.addingTimeInterval(Double(n)))
        }
        for report in reports { try ledger.enqueue(report) }
        let until = Scenario.now.addingTimeInterval(600)
        let a = try #require(try ledger.claimNextReport(holder: "h:1:a", until: until, now: Scenario.now))
        let b = try #require(try ledger.claimNextReport(holder: "h:2:b", until: until, now: Scenario.now))
        #expect(a.reportID == reports[0].reportID && b.reportID == reports[1].reportID)
        #expect(a.leaseHolder == "h:1:a")
        let c = try #require(try ledger.claimNextReport(holder: "h:1:a", until: until, now: Scenario.now))
        #expect(c.reportID == reports[2].reportID)
        #expect(try ledger.claimNextReport(holder: "h:3:c", until: until, now: Scenario.now) == nil)
        // Holder 2 was killed: a run that knows it is gone takes its report at once.
        let taken = try ledger.claimNextReport(holder: "h:3:c", until: until, now: Scenario.now, reclaiming: ["h:2:b"])
        #expect(taken?.reportID == reports[1].reportID)
        // After the lease lapses, anyone may claim; a sent report is never claimed again.
        try ledger.markReportSent(reports[0].reportID, at: Scenario.now)
        let later = until.addingTimeInterval(1)
        let again = try ledger.claimNextReport(holder: "h:4:d", until: later.addingTimeInterval(600), now: later)
        #expect(again?.reportID == reports[1].reportID)
        try ledger.releaseReport(reports[2].reportID, holder: "h:1:a")
        let released = try ledger.claimNextReport(holder: "h:4:d", until: later.addingTimeInterval(600), now: later)
        #expect(released?.reportID == reports[2].reportID)
        #expect(try ledger.queuedReports().first { $0.reportID == reports[0].reportID }?.leaseHolder == nil)
    }
}
