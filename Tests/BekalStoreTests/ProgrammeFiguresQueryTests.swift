import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation
import GRDB
import Testing
@testable import BekalStore

@Suite("Programme figures in SQL")
struct ProgrammeFiguresQueryTests {
    static let today = LocalDate("2026-09-15")!
    /// Noon WIB on `today`, so no demo record lies in the future.
    static let recordedAt = noonWIB(today)

    static func noonWIB(_ day: LocalDate) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 5 * 3600)
    }

    /// An in-memory ledger of a demo facility generated for `today` (recorded at noon WIB that day).
    static func demoLedger(people: Int, seed: UInt64, today: LocalDate = today) throws -> (Ledger, [ProgrammeEvent]) {
        let data = DemoFacility.generate(people: people, seed: seed, today: today)
        let ledger = try Ledger.inMemory()
        _ = try ledger.append(
            contentsOf: data.events.map {
                LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
            }, actor: "demo", facilityCode: data.facility.code,
            recordedAt: noonWIB(today))
        return (ledger, data.events.map { ProgrammeEvent(id: $0.id, payload: $0.payload) })
    }

    static let periods = ["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4", "2026-09", "2026-08", "2026-07", "2026-03"]
        .compactMap(ReportingPeriod.init)

    @Test("equal the reference computation exactly on demo facilities, for several seeds and periods",
          arguments: [UInt64(1), 7, 42])
    func matchReference(seed: UInt64) throws {
        let (ledger, events) = try Self.demoLedger(people: 60, seed: seed)
        var nonEmpty = 0
        for period in Self.periods {
            let sql = try ledger.programmeFigures(period: period)
            let reference = ProgrammeFigures.compute(
                from: events, facilityCode: DemoFacility.facility.code, period: period)
            #expect(sql == reference, "period \(period)")
            if sql.participants.grandTotal.value > 0 { nonEmpty += 1 }
        }
        // The comparison means something only if the periods hold data, releases and transfers included.
        #expect(nonEmpty >= 4)
        let q3 = try ledger.programmeFigures(period: ReportingPeriod("2026-Q3")!)
        #expect(q3.releases.grandTotal.value > 0)
        #expect(q3.competencyOutcomes.grandTotal.value > 0)
        #expect(q3.trainingHours.columnTotal(1).value > 0)
    }

    @Test("count as participants exactly the persons in the union of the period tables, for every period",
          arguments: [UInt64(1), 42])
    func participantsEqualUnion(seed: UInt64) throws {
        let (ledger, _) = try Self.demoLedger(people: 60, seed: seed)
        try ledger.read { db in
            var counts: [Int] = []
            for period in Self.periods + [ReportingPeriod("2024-Q1")!, ReportingPeriod("2026-Q4")!] {
                let window = ProgrammeFiguresQuery.Window(
                    first: period.firstDay.description, last: period.lastDay.description)
                // The obvious form: every person id the period's rows name, de-duplicated.
                let union = try Row.fetchAll(db, sql: """
                    SELECT person_id FROM assessment WHERE date BETWEEN :first AND :last
                    UNION SELECT person_id FROM training WHERE date BETWEEN :first AND :last
                    UNION SELECT person_id FROM production WHERE date BETWEEN :first AND :last
                    """, arguments: window.arguments).map { $0["person_id"] as String }
                let figures = try ProgrammeFiguresQuery.participants(window, db)
                #expect(figures.grandTotal.value == union.count, "period \(period)")
                counts.append(union.count)
            }
            // Meaningful only if some period has participants while some persons have no entry in it.
            let persons = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") ?? 0
            #expect(counts.contains { $0 > 0 && $0 < persons })
        }
    }

    @Test("follow the tie and correction rules: same-day latest entry, retractions, moves, metres, later frameworks")
    func edgeCases() throws {
        let scenario = try Scenario()
        var events: [ProgrammeEvent] = []
        func record(_ payload: LedgerPayload) throws -> UUID {
            let event = try scenario.record(payload)
            events.append(ProgrammeEvent(id: event.id, payload: payload))
            return event.id
        }
        let ledger = scenario.ledger
        for event in try ledger.events(after: nil, limit: 10) {
            events.append(ProgrammeEvent(id: event.id, payload: event.payload))
        }
        let person = scenario.person
        let core = CompetencyFramework.sampleBatikCap.units.filter(\.isCore).map(\.code)
        // BK then K on the same day: the later entry (K) counts once.
        _ = try record(scenario.assessment(unit: core[0], outcome: .belumKompeten, date: "2026-04-02"))
        _ = try record(scenario.assessment(unit: core[0], outcome: .kompeten, date: "2026-04-02"))
        for unit in core.dropFirst() { _ = try record(scenario.assessment(unit: unit, date: "2026-04-03")) }
        // A retracted training and one moved out of the period by a correction.
        let wrong = try record(scenario.training(hours: 20, date: "2026-04-05"))
        _ = try record(.corrected(Correction(correctedEventID: wrong, personID: person.id, reason: "dua kali",
                                             replacement: nil)))
        let moved = try record(scenario.training(hours: 12, date: "2026-04-06"))
        _ = try record(.corrected(Correction(correctedEventID: moved, personID: person.id, reason: "salah tanggal",
                                             replacement: scenario.training(hours: 12, date: "2026-03-30"))))
        _ = try record(scenario.training(hours: 9.5, date: "2026-05-01"))
        _ = try record(.productionRecorded(ProductionEntry(
            id: UUID(), personID: person.id, date: LocalDate("2026-05-02")!, motif: "Parang", cap: "C1",
            quantity: 12.5, unit: .pieces, grade: .b, rework: 0, rejects: 0, rejectReason: nil, hours: 2)))
        _ = try record(.productionRecorded(ProductionEntry(
            id: UUID(), personID: person.id, date: LocalDate("2026-05-02")!, motif: "Parang", cap: "C1",
            quantity: 40, unit: .metres, grade: .a, rework: 0, rejects: 0, rejectReason: nil, hours: 2)))
        _ = try record(.released(Release(personID: person.id, date: LocalDate("2026-05-20")!, kind: .parole)))
        let period = ReportingPeriod("2026-Q2")!
        let sql = try ledger.programmeFigures(period: period)
        #expect(sql == ProgrammeFigures.compute(from: events, facilityCode: Scenario.facility.code, period: period))
        // Hand-checked figures, so agreement cannot come from a shared mistake.
        #expect(sql.participants.rows.map(\.key) == ["active", "released", "transferred"])
        #expect(sql.participants.rows.map { $0.cells[0].value } == [0, 1, 0])
        let first = try #require(sql.competencyOutcomes.rows.first { $0.key == core[0] })
        #expect(first.cells.map(\.value) == [1, 0])
        #expect(sql.trainingHours.rows.map { $0.cells.map(\.value) } == [[1, 10], [0, 0], [0, 0], [0, 0]])
        #expect(sql.production.rows.map { $0.cells[0].value } == [0, 13, 0])
        #expect(sql.releases.rows.map { $0.cells.map(\.value) } == [[1, 0], [0, 0], [0, 0], [0, 0]])
        #expect(sql.certificates.rows.count == ProgrammeFigures.standardSchemes.count)
    }

    @Test("count a transferred participant by the last day's status, and a person with no activity nowhere")
    func statusOnLastDay() throws {
        let scenario = try Scenario()
        _ = try scenario.record(scenario.training(hours: 2, date: "2026-04-01"))
        _ = try scenario.record(.transferred(Transfer(
            personID: scenario.person.id, fromFacility: Scenario.facility.code, toFacility: "LAPAS-LAIN",
            date: LocalDate("2026-05-10")!)))
        let idle = Scenario.person(register: "REG-0002")
        _ = try scenario.record(.personAdded(idle))
        let q2 = try scenario.ledger.programmeFigures(period: ReportingPeriod("2026-Q2")!)
        #expect(q2.participants.rows.map { $0.cells[0].value } == [0, 0, 1])
        let june = try scenario.ledger.programmeFigures(period: ReportingPeriod("2026-06")!)
        #expect(june.participants.grandTotal.value == 0)
    }

    @Test("production: per-grade pieces and persons, an empty grade, and distinct contributors across grades")
    func productionByGrade() throws {
        let scenario = try Scenario()
        var events = try scenario.ledger.events(after: nil, limit: 10).map {
            ProgrammeEvent(id: $0.id, payload: $0.payload)
        }
        let second = Scenario.person(register: "REG-0002")
        let third = Scenario.person(register: "REG-0003")
        for person in [second, third] {
            events.append(ProgrammeEvent(id: try scenario.record(.personAdded(person)).id, payload: .personAdded(person)))
        }
        func piece(_ person: Person, _ quantity: Double, _ grade: QualityGrade, _ unit: ProductionUnit = .pieces,
                   date: String = "2026-05-10") throws {
            let payload = LedgerPayload.productionRecorded(ProductionEntry(
                id: UUID(), personID: person.id, date: LocalDate(date)!, motif: "Kawung", cap: "C2",
                quantity: quantity, unit: unit, grade: grade, hours: 1))
            events.append(ProgrammeEvent(id: try scenario.record(payload).id, payload: payload))
        }
        try piece(scenario.person, 10.25, .a)
        try piece(scenario.person, 4.5, .c)
        try piece(second, 3.25, .a)
        try piece(second, 7, .c)
        try piece(third, 100, .b, .metres)  // metres never count as pieces
        try piece(third, 50, .b, date: "2026-03-31")  // outside the quarter
        let q2 = ReportingPeriod("2026-Q2")!
        let sql = try scenario.ledger.programmeFigures(period: q2)
        #expect(sql == ProgrammeFigures.compute(from: events, facilityCode: Scenario.facility.code, period: q2))
        // A: 10.25 + 3.25 = 13.5 → 14 by 2 persons; B: none; C: 4.5 + 7 = 11.5 → 12 by 2; 2 contributors in all.
        #expect(sql.production.rows.map(\.key) == ["A", "B", "C"])
        #expect(sql.production.rows.map { $0.cells[0] } == [
            FigureCell(value: 14, persons: 2), .zero, FigureCell(value: 12, persons: 2),
        ])
        #expect(sql.production.columnContributors == [2])
        #expect(sql.participants.grandTotal.value == 3)
        let march = try scenario.ledger.programmeFigures(period: ReportingPeriod("2026-03")!)
        #expect(march.production.rows.map { $0.cells[0] } == [.zero, FigureCell(value: 50, persons: 1), .zero])
    }
}
