import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation
import Testing

@Suite("The reference computation of the programme figures")
struct ProgrammeFiguresTests {
    typealias F = LedgerFixture

    static func handWrittenLedger() -> [ProgrammeEvent] {
        let (a, b, c, d, e) = (UUID(), UUID(), UUID(), UUID(), UUID())
        var events = F.events([
            .frameworkImported(F.framework),
            .personAdded(F.person(a)), .personAdded(F.person(b)), .personAdded(F.person(c)),
            .personAdded(F.person(d)), .personAdded(F.person(e)),
            F.assessment(a, "U1", .belumKompeten, "2026-07-05"), F.assessment(a, "U1", .kompeten, "2026-08-10"),
            F.assessment(a, "U2", .kompeten, "2026-07-20"),
            F.training(a, 6, "2026-07-01"), F.training(a, 5, "2026-07-02"),
            F.production(a, 10, .a, "2026-07-03"),
            .released(Release(personID: a, date: F.date("2026-09-01"), kind: .parole)),
            F.assessment(b, "U1", .kompeten, "2026-06-30"), F.assessment(b, "U1", .belumKompeten, "2026-07-15"),
            F.training(b, 3, "2026-07-04"),
            F.production(b, 5.4, .b, "2026-07-05"), F.production(b, 2, .b, "2026-07-05", unit: .metres),
            .released(Release(personID: b, date: F.date("2026-09-10"), kind: .endOfSentence)),
            F.training(c, 40, "2026-08-01"),
            .transferred(Transfer(personID: c, fromFacility: "LAPAS-PWT", toFacility: "LAPAS-CLP", date: F.date("2026-09-05"))),
            F.certificate(c, "Tukang Cap", "2026-08-01"),
            F.training(d, 2, "2026-06-01"), F.certificate(d, "Tukang Cap", "2026-09-30"),
            .released(Release(personID: d, date: F.date("2026-10-01"), kind: .parole)),
        ])
        let retracted = ProgrammeEvent(id: UUID(), payload: F.production(e, 7, .a, "2026-07-10"))
        let corrected = ProgrammeEvent(id: UUID(), payload: F.training(e, 2, "2026-07-11"))
        events += [retracted, corrected]
        events += F.events([
            .corrected(Correction(correctedEventID: retracted.id, personID: e, reason: "entered twice", replacement: nil)),
            .corrected(Correction(correctedEventID: corrected.id, personID: e, reason: "hours wrong",
                                  replacement: F.training(e, 4, "2026-07-11"))),
        ])
        return events
    }

    static func values(_ table: FigureTable) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: table.rows.map { ($0.key, $0.cells.map(\.value)) })
    }

    @Test("every figure of a hand-written quarter matches the definitions in docs/metrics.md")
    func handWritten() throws {
        let figures = ProgrammeFigures.compute(
            from: Self.handWrittenLedger(), facilityCode: "LAPAS-PWT", period: try #require(ReportingPeriod("2026-Q3")))
        #expect(Self.values(figures.participants) == ["active": [1], "released": [2], "transferred": [1]])
        #expect(Self.values(figures.competencyOutcomes) == ["U1": [1, 1], "U2": [1, 0], "U3": [0, 0]])
        #expect(Self.values(figures.certificates) == [
            "Peracik Malam": [0], "Peracik Warna": [0], "Tukang Cap": [2], "Tukang Celup": [0], "Tukang Lorod": [0],
        ])
        #expect(Self.values(figures.trainingHours) == [
            "under-10h": [2, 7], "10-19h": [1, 11], "20-39h": [0, 0], "40h-and-more": [1, 40],
        ])
        #expect(Self.values(figures.production) == ["A": [10], "B": [5], "C": [0]])
        #expect(Self.values(figures.releases) == [
            "parole": [1, 0], "conditional-leave": [0, 0], "end-of-sentence": [0, 1], "leave-before-release": [0, 0],
        ])
        #expect(figures.production.rows[0].cells[0].persons == 1)
        #expect(figures.trainingHours.columnTotal(1).value == 58)
    }

    @Test("the participants total equals an independent count of people active in the period")
    func participantsAgainstIndependentCount() throws {
        let events = LedgerFixture.randomLedger(people: 300, eventsPerPerson: 12, seed: 7)
        let period = try #require(ReportingPeriod("2026-05"))
        let figures = ProgrammeFigures.compute(from: events, facilityCode: "LAPAS-PWT", period: period)
        var active = Set<UUID>()
        for event in events {
            switch event.payload {
            case .assessmentRecorded(let a) where period.contains(a.date): active.insert(a.personID)
            case .trainingRecorded(let t) where period.contains(t.date): active.insert(t.personID)
            case .productionRecorded(let p) where period.contains(p.date): active.insert(p.personID)
            default: break
            }
        }
        #expect(figures.participants.grandTotal.value == active.count)
        #expect(active.count > 50)
        let trainingPersons = figures.trainingHours.columnTotal(0).value
        #expect(trainingPersons <= active.count && trainingPersons > 0)
    }

    @Test("totals are the sums of their rows and columns in every table")
    func totalsAreSums() throws {
        let figures = ProgrammeFigures.compute(
            from: LedgerFixture.randomLedger(people: 200, eventsPerPerson: 10, seed: 11), facilityCode: "X",
            period: try #require(ReportingPeriod("2026-Q2")))
        for table in figures.tables {
            let cellSum = table.rows.flatMap(\.cells).reduce(0) { $0 + $1.value }
            if table.hasGrandTotal {
                #expect(table.grandTotal.value == cellSum)
                #expect(table.rows.indices.reduce(0) { $0 + table.rowTotal($1).value } == cellSum)
            }
            for c in table.columns.indices {
                #expect(table.columnTotal(c).value == table.rows.reduce(0) { $0 + $1.cells[c].value })
            }
        }
    }
}
