import BekalApp
import BekalDomain
import BekalMetrics
import Foundation
import Testing
import BekalStore

/// An analyst who received every report a facility sent — all months and quarters of 2026, reports queued again,
/// a person added or released between queues — attacks them with integer constraints (`ReportAttacker`, Python
/// and HiGHS, independent of the Swift code). Nothing may come out: no suppressed figure recovered or narrowed to
/// two values, no "all" or "none" of a group of 1 to k − 1.
@Suite("An analyst holding every report recovers nothing", .serialized)
struct DisclosureAttackTests {
    /// The demo's "today": the whole of 2026 has activity.
    static let today = LocalDate("2026-12-31")!
    static let recordedAt = AppFixture.noonWIB(today)
    static let actor = "petugas-uji"

    /// What one facility sent and what happened to the queues that had to be refused.
    struct Sent {
        var attackCase: ReportAttacker.Case
        /// Periods queued again after their figures changed, and whether the store accepted them.
        var requeues: [(period: String, accepted: Bool)]
    }

    static func period(_ text: String) -> ReportingPeriod { ReportingPeriod(text)! }

    /// The morning after the period: when a clerk would queue it.
    static func morningAfter(_ period: ReportingPeriod) -> Date {
        Date(timeIntervalSince1970: Double(period.lastDay.daysSinceEpoch + 1) * 86_400 + 2 * 3600)
    }

    /// A person added late in the year, with an assessment of every unit in October and November (`outcome`
    /// alternating), training, production and a certificate.
    static func addPerson(_ ledger: Ledger, register: String, days: [String], admitted: String = "2026-09-01") throws
        -> Person
    {
        let code = DemoFacility.facility.code
        let person = Person(
            id: UUID(), registerNumber: RegisterNumber(register)!, fullName: PersonName("DEMO Tambahan Uji")!,
            birthDate: LocalDate("1991-03-03"), admissionDate: LocalDate(admitted)!,
            expectedReleaseDate: LocalDate("2027-06-30")!, status: .active, facilityCode: code)
        try ledger.append(.personAdded(person), actor: actor, facilityCode: code, recordedAt: recordedAt)
        let framework = CompetencyFramework.sampleBatikCap
        for (n, unit) in framework.units.enumerated() {
            let day = LocalDate(days[n % days.count])!
            try ledger.append(.assessmentRecorded(Assessment(
                id: UUID(), personID: person.id, frameworkID: framework.id, frameworkVersion: framework.version,
                unitCode: unit.code, outcome: n % 3 == 1 ? .belumKompeten : .kompeten, assessorName: "DEMO Asesor A",
                assessorRole: .bnspAssessor, method: .observation, date: day)), actor: actor, facilityCode: code,
                recordedAt: recordedAt)
        }
        let first = LocalDate(days[0])!
        try ledger.append(.trainingRecorded(TrainingSession(
            id: UUID(), personID: person.id, date: first, hours: 6, topic: "Lorod", trainer: "DEMO Mentor Mitra A")),
            actor: actor, facilityCode: code, recordedAt: recordedAt)
        try ledger.append(.productionRecorded(ProductionEntry(
            id: UUID(), personID: person.id, date: first, motif: "DEMO Kawung", cap: "DEMO-CAP-01", quantity: 7,
            unit: .pieces, grade: .b, hours: 3)), actor: actor, facilityCode: code, recordedAt: recordedAt)
        try ledger.append(.certificateRecorded(Certificate(
            id: UUID(), personID: person.id, issuer: "DEMO LSP Batik (fiktif)", scheme: "Tukang Cap",
            number: "DEMO-CERT-\(register)", registrationNumber: nil, issuedOn: first,
            expiresOn: first.adding(years: 3), unitCodes: ["SAMPLE.BTKCAP.001"])),
            actor: actor, facilityCode: code, recordedAt: recordedAt)
        return person
    }

    /// Queues every month and quarter of 2026 in the order a clerk would, with a person added between the
    /// November and December reports, then queues periods again after adding and releasing people.
    static func sendYear(people: Int, seed: UInt64) async throws -> Sent {
        let fixture = try AppFixture(demoPeople: people, seed: seed, today: today)
        defer { fixture.cleanUp() }
        let ledger = try #require(fixture.ledger)
        var truth: [String: [PublishedTable]] = [:]
        func queue(_ text: String) async throws {
            let period = period(text)
            let figures = try ledger.programmeFigures(period: period)
            let queued = try await fixture.app.queueReport(
                period: period, policy: .ons105, context: fixture.context(at: morningAfter(period)))
            truth[queued.report.reportID.uuidString.lowercased()] = ReportAttacker.truth(figures)
        }
        var requeues: [(String, Bool)] = []
        func requeue(_ text: String) async throws {
            do {
                try await queue(text)
                requeues.append((text, true))
            } catch where AppError(error).code == .conflict {
                requeues.append((text, false))
            }
        }
        for month in 1...12 {
            if month == 12 {
                // Recorded late: the October and November reports are already queued.
                _ = try addPerson(ledger, register: "DEMO-9001/2026", days: ["2026-10-14", "2026-11-18"])
            }
            try await queue(String(format: "2026-%02d", month))
            if month % 3 == 0 { try await queue("2026-Q\(month / 3)") }
        }
        let second = try addPerson(ledger, register: "DEMO-9002/2026", days: ["2026-12-02", "2026-12-09"])
        try await requeue("2026-Q4")
        try await requeue("2026-12")
        try ledger.append(
            .released(Release(personID: second.id, date: LocalDate("2026-12-20")!, kind: .parole)), actor: actor,
            facilityCode: DemoFacility.facility.code, recordedAt: recordedAt)
        try await requeue("2026-Q4")
        try await requeue("2026-Q2")
        let bodies = try ledger.queuedReports().map(\.body)
        return Sent(
            attackCase: ReportAttacker.Case(name: "\(people) people", bodies: bodies, truth: truth),
            requeues: requeues)
    }

    @Test("a year of months and quarters, with changes between queues: nothing recovered", arguments: [12, 40, 200, 2000])
    func yearOfReports(people: Int) async throws {
        let sent = try await Self.sendYear(people: people, seed: UInt64(people))
        for requeue in sent.requeues {
            #expect(!requeue.accepted, "\(requeue.period) was queued again after its figures changed")
        }
        let outcome = try #require(try ReportAttacker.attack([sent.attackCase]).first)
        // The attack ran on real material: many reports, suppressed figures and small groups.
        #expect(outcome.reports >= 16)
        #expect(outcome.checkedSuppressed > 0)
        if people <= 40 { #expect(outcome.checkedSmallGroups > 0) }
        #expect(outcome.findings.isEmpty, "\(outcome.findings.count) found, e.g. \(outcome.findings.prefix(12))")
        print("\(people) people: \(outcome.publishedFigures) of \(outcome.figures) figures published")
    }

    @Test("a certificate recorded late withholds its quarter's table whole; the analyst learns only what the months had published")
    func lateCertificate() async throws {
        let fixture = try AppFixture(demoPeople: 12, seed: 12, today: Self.today)
        defer { fixture.cleanUp() }
        let ledger = try #require(fixture.ledger)
        var truth: [String: [PublishedTable]] = [:]
        func queue(_ text: String) async throws {
            let figures = try ledger.programmeFigures(period: Self.period(text))
            let queued = try await fixture.app.queueReport(
                period: Self.period(text), policy: .ons105, context: fixture.context(at: Self.morningAfter(Self.period(text))))
            truth[queued.report.reportID.uuidString.lowercased()] = ReportAttacker.truth(figures)
        }
        // A quarter of 2026 in which the demo recorded no certificate: its months publish every scheme as 0.
        func certificates(_ text: String) throws -> Int {
            let table = try ledger.programmeFigures(period: Self.period(text)).tables.first { $0.id == "certificates" }
            return try #require(table).columnTotal(0).value
        }
        var chosen: (quarter: Int, months: [String])?
        for quarter in 1...4 where chosen == nil {
            let months = (3 * quarter - 2...3 * quarter).map { String(format: "2026-%02d", $0) }
            if try months.allSatisfy({ try certificates($0) == 0 }) { chosen = (quarter, months) }
        }
        let (quarter, months) = try #require(chosen, "the demo has a certificate in every quarter of 2026")
        for month in months { try await queue(month) }
        // After the months were sent: a person admitted at the quarter's start, with a certificate in its last month.
        _ = try Self.addPerson(ledger, register: "DEMO-9003/2026", days: [months[2] + "-08", months[2] + "-15"],
                               admitted: months[0] + "-01")
        try await queue("2026-Q\(quarter)")
        let bodies = try ledger.queuedReports().map(\.body)
        let reports = try bodies.compactMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let sent = try #require(reports.first { $0["period"] as? String == "2026-Q\(quarter)" })
        let table = try #require((sent["tables"] as? [[String: Any]])?.first { $0["id"] as? String == "certificates" })
        let cells = (table["rows"] as? [[String: Any]] ?? []).flatMap { $0["cells"] as? [Any] ?? [] }
        #expect(!cells.isEmpty && cells.allSatisfy { $0 is NSNull }, "the quarter's certificates are not withheld whole")
        let outcome = try #require(try ReportAttacker.attack(
            [ReportAttacker.Case(name: "late certificate", bodies: bodies, truth: truth)]).first)
        #expect(outcome.findings.isEmpty, "\(outcome.findings)")
        // The months published 0 for every scheme: the analyst's "0" for each withheld figure of the quarter (wrong
        // for one scheme) and "none of the group" for each scheme were known before the quarter was withheld.
        let schemes = ProgrammeFigures.standardSchemes.count
        #expect(outcome.knownBefore.filter { $0.kind == "recovered" }.count == schemes + 1, "\(outcome.knownBefore)")
        #expect(outcome.knownBefore.filter { $0.kind == "none-of-small-group" }.count == schemes)
        #expect(outcome.knownBefore.allSatisfy { $0.report == "2026-Q\(quarter)" && $0.table == "certificates" })
    }
}
