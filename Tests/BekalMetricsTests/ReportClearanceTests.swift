import BekalDomain
import BekalTestSupport
import Foundation
import Testing
@testable import BekalMetrics

/// Builds the figures of a period: every table empty unless given.
enum Figures {
    static let facility = "LAPAS-PWT"

    static func make(
        _ period: String, certificates: [String: Int] = [:], competency: [(String, Int, Int)] = [],
        training: [(persons: Int, hours: Int)] = []
    ) -> ProgrammeFigures {
        var figures = ProgrammeFigures.compute(from: [], facilityCode: facility, period: ReportingPeriod(period)!)
        if !certificates.isEmpty {
            let rows = figures.certificates.rows.map { row in
                FigureRow(key: row.key, cells: [FigureCell(value: certificates[row.key] ?? 0, persons: certificates[row.key] ?? 0)])
            }
            figures.certificates = FigureTable(
                id: "certificates", columns: figures.certificates.columns, rows: rows, hasRowTotals: true,
                sensitivity: rows.count)
        }
        if !competency.isEmpty {
            figures.competencyOutcomes = FigureTable(
                id: "competency-outcomes",
                columns: [FigureColumn(key: "K", measure: .persons), FigureColumn(key: "BK", measure: .persons)],
                rows: competency.map { FigureRow(key: $0.0, cells: [.persons($0.1), .persons($0.2)]) },
                hasRowTotals: true, sensitivity: competency.count)
        }
        if !training.isEmpty {
            let rows = zip(ProgrammeFigures.trainingBands, training).map { band, figure in
                FigureRow(key: band.key, cells: [.persons(figure.persons), FigureCell(value: figure.hours, persons: figure.persons)])
            }
            figures.trainingHours = FigureTable(
                id: "training-hours", columns: figures.trainingHours.columns, rows: rows, hasRowTotals: false,
                sensitivity: 1)
        }
        return figures
    }

    /// Clears `figures` against `history` with the 10-5 rule and returns the report.
    static func clear(_ figures: ProgrammeFigures, after history: [MetricsReport] = [], spends: [PrivacyBudgetSpend] = [],
                      policy: DisclosurePolicy = .ons105) throws -> ClearedReport {
        var random = SeededGenerator(seed: 4)
        return try ReportClearance(policy: policy, budget: PrivacyBudget(perPeriod: try Epsilon("1"))).clear(
            figures, history: PublicationHistory(facilityCode: facility, reports: history, spends: spends),
            reportID: UUID(), now: Date(timeIntervalSince1970: 1_790_000_000), random: &random)
    }

    static func table(_ report: MetricsReport, _ id: String) -> PublishedTable {
        report.tables.first { $0.id == id }!
    }
}

@Suite("Clearing a report against everything published before")
struct ReportClearanceTests {
    @Test("a zero column total next to hidden cells is hidden too: 'BK 0' would say every small unit was all Kompeten")
    func zeroColumnTotal() throws {
        // Both units have small groups, so their cells are hidden; K 10 and BK 0 as column totals would pin every
        // hidden BK cell at 0.
        let report = try Figures.clear(Figures.make("2026-Q2", competency: [("U1", 4, 0), ("U2", 6, 0)])).report
        let table = Figures.table(report, "competency-outcomes")
        #expect(table.rows.allSatisfy { $0.cells == [.suppressed, .suppressed] && $0.total == .suppressed })
        #expect(table.columnTotals[1] == .suppressed)
    }

    @Test("hours of 0 in a band are hidden when the band's persons are: they would say nobody trained that long")
    func zeroHoursBesideHiddenPersons() throws {
        let report = try Figures.clear(Figures.make("2026-07", training: [(5, 30), (0, 0), (0, 0), (0, 0)])).report
        let table = Figures.table(report, "training-hours")
        for row in table.rows where row.cells[0] == .suppressed {
            #expect(row.cells[1] != .count(0), "band \(row.key) shows 0 hours beside hidden persons")
        }
    }

    @Test("a quarter does not publish 0 for a scheme whose certificates were hidden in every month")
    func quarterAfterMonths() throws {
        var history: [MetricsReport] = []
        for (month, cap) in [("2026-01", 4), ("2026-02", 3), ("2026-03", 5)] {
            history.append(try Figures.clear(
                Figures.make(month, certificates: ["Tukang Cap": cap, "Tukang Celup": 1]), after: history).report)
        }
        for report in history {
            #expect(Figures.table(report, "certificates").rows.allSatisfy { $0.cells == [.suppressed] })
        }
        let quarter = try Figures.clear(
            Figures.make("2026-Q1", certificates: ["Tukang Cap": 12, "Tukang Celup": 3]), after: history).report
        let table = Figures.table(quarter, "certificates")
        // Alone, the quarter would show Tukang Cap 10 and 0 for three schemes; 0 = the sum of three hidden months.
        let alone = Figures.table(try Figures.clear(
            Figures.make("2026-Q1", certificates: ["Tukang Cap": 12, "Tukang Celup": 3])).report, "certificates")
        #expect(alone.rows.filter { $0.cells == [.count(0)] }.count == 3)
        #expect(table.rows.allSatisfy { $0.cells != [.count(0)] })
    }

    @Test("a table whose figures contradict an earlier report of the same days is withheld whole")
    func lateRecordWithholdsTheTable() throws {
        var history: [MetricsReport] = []
        for month in ["2026-10", "2026-11", "2026-12"] {
            history.append(try Figures.clear(Figures.make(month), after: history).report)
        }
        // A certificate dated in October was recorded after October's report said 0.
        let cleared = try Figures.clear(Figures.make("2026-Q4", certificates: ["Tukang Cap": 1]), after: history)
        #expect(cleared.withheldTables == ["certificates"])
        let table = Figures.table(cleared.report, "certificates")
        #expect(table.rows.allSatisfy { $0.cells == [.suppressed] } && table.columnTotals == [.suppressed])
        // Tables that agree with the months are published as usual.
        #expect(Figures.table(cleared.report, "participants").columnTotals == [.count(0)])
    }

    @Test("history that already gives something away does not force the next table to hide everything")
    func legacyHistory() throws {
        // A report made before these rules: BK 0 published beside hidden BK cells.
        let legacy = MetricsReport(
            facilityCode: Figures.facility, period: ReportingPeriod("2026-04")!, reportID: UUID(),
            generatedAt: Date(timeIntervalSince1970: 0), policy: .ons105,
            tables: [PublishedTable(
                id: "competency-outcomes",
                columns: [FigureColumn(key: "K", measure: .persons), FigureColumn(key: "BK", measure: .persons)],
                rows: [.init(key: "U1", cells: [.suppressed, .suppressed], total: .suppressed),
                       .init(key: "U2", cells: [.suppressed, .suppressed], total: .suppressed)],
                columnTotals: [.count(10), .count(0)], grandTotal: .count(10))])
        let figures = Figures.make("2026-05", competency: [("U1", 30, 12), ("U2", 25, 20)])
        let after = try Figures.clear(figures, after: [legacy]).report
        let alone = try Figures.clear(figures).report
        #expect(Figures.table(after, "competency-outcomes") == Figures.table(alone, "competency-outcomes"))
        #expect(Figures.table(after, "competency-outcomes").rows[0].cells == [.count(30), .count(10)])
    }
}
