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
    static func addPerson(_ ledger: Ledger, register: String, days: [String]) throws -> Person {
        let code = DemoFacility.facility.code
        let person = Person(
            id: UUID(), registerNumber: RegisterNumber(register)!, fullName: PersonName("DEMO Tambahan Uji")!,
            birthDate: LocalDate("1991-03-03"), admissionDate: LocalDate("2026-09-01")!,
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
}
