import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation
import Testing

/// Builds count tables (each cell counts persons) for disclosure tests.
func countTable(_ rows: [[Int]], rowTotals: Bool = true, id: String = "competency-outcomes") -> FigureTable {
    let columns = (0..<(rows.first?.count ?? 1)).map { FigureColumn(key: "c\($0)", measure: .persons) }
    return FigureTable(
        id: id, columns: columns,
        rows: rows.enumerated().map { FigureRow(key: "r\($0.offset)", cells: $0.element.map(FigureCell.persons)) },
        hasRowTotals: rowTotals, sensitivity: 1)
}

func protect(_ table: FigureTable, _ policy: DisclosurePolicy = .ons105) -> PublishedTable {
    var random = SeededGenerator(seed: 3)
    return DisclosureControl(policy: policy).protect(table, epsilon: nil, random: &random)
}

@Suite("Disclosure control")
struct DisclosureControlTests {
    @Test("k below 3 is refused with a named error, and so is a rounding base above k")
    func policyLimits() {
        #expect(throws: MetricsError(.thresholdTooLow, "")) { try DisclosurePolicy(threshold: 2) }
        #expect(throws: MetricsError(.invalidRoundingBase, "")) { try DisclosurePolicy(threshold: 5, roundingBase: 10) }
        #expect(throws: MetricsError(.invalidRoundingBase, "")) { try DisclosurePolicy(threshold: 5, roundingBase: 0) }
    }

    @Test("rounding goes to the nearest multiple of 5")
    func rounding() {
        let policy = DisclosurePolicy.ons105
        #expect([10, 12, 13, 14, 15, 17, 18, 0].map(policy.rounded) == [10, 10, 15, 15, 15, 15, 20, 0])
    }

    @Test("a small count is suppressed, its line gets a second suppression, the rest is rounded")
    func primaryAndComplementary() {
        let published = protect(countTable([[23], [4], [0], [12]]))
        #expect(published.rows.map { $0.cells[0] } == [.count(25), .suppressed, .count(0), .suppressed])
        #expect(published.columnTotals == [.count(40)])
        #expect(published.grandTotal == nil)
        #expect(published.rows.allSatisfy { $0.total == nil })
    }

    @Test("one small cell in a row of a two-way table takes a whole rectangle with it")
    func oneSmallCellInARow() {
        let published = protect(countTable([[30, 3], [25, 15], [40, 20]]))
        #expect(published.rows[0].cells == [.suppressed, .suppressed])
        #expect(published.rows[1].cells == [.suppressed, .suppressed])
        #expect(published.rows[2].cells == [.count(40), .count(20)])
        #expect(published.rows.map(\.total) == [.count(35), .count(40), .count(60)])
    }

    @Test("a small group is never shown as all or none: a zero beside a small count is hidden too")
    func allOrNone() {
        let published = protect(countTable([[6, 0], [30, 20], [25, 15]]))
        #expect(published.rows[0].cells == [.suppressed, .suppressed])
        #expect(published.rows[0].total == .suppressed)
    }

    @Test("a table whose total is below k shows nothing but zeros' absence")
    func smallTotal() {
        let published = protect(countTable([[3], [2], [1], [0]]))
        #expect(published.rows.allSatisfy { $0.cells == [.suppressed] })
        #expect(published.columnTotals == [.suppressed])
    }

    @Test("a magnitude contributed by fewer than k persons is suppressed even when the figure is large")
    func magnitudeContributors() {
        let table = FigureTable(
            id: "production", columns: [FigureColumn(key: "pieces", measure: .pieces)],
            rows: [
                FigureRow(key: "A", cells: [FigureCell(value: 400, persons: 2)]),
                FigureRow(key: "B", cells: [FigureCell(value: 300, persons: 30)]),
                FigureRow(key: "C", cells: [FigureCell(value: 200, persons: 25)]),
            ], hasRowTotals: true, sensitivity: 1)
        let published = protect(table)
        #expect(published.rows[0].cells == [.suppressed])
        #expect(published.rows[2].cells == [.suppressed])  // the complement: the smallest other figure
        #expect(published.rows[1].cells == [.count(300)])
    }

    @Test("with noise, suppression looks at the noisy figures, magnitudes are withheld and counts are never small")
    func noise() throws {
        let policy = try DisclosurePolicy(epsilon: try Epsilon("1"))
        let figures = ProgrammeFigures.compute(
            from: LedgerFixture.randomLedger(people: 400, eventsPerPerson: 10, seed: 5), facilityCode: "LAPAS-PWT",
            period: try #require(ReportingPeriod("2026-Q1")))
        var random = SeededGenerator(seed: 9)
        let tables = DisclosureControl(policy: policy).protect(figures, random: &random)
        var differs = false
        for (table, raw) in zip(tables, figures.tables) {
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.cells.enumerated() {
                    if raw.columns[c].measure.isMagnitude { #expect(cell == .suppressed) }
                    if let n = cell.count {
                        #expect(n == 0 || n >= policy.threshold)
                        #expect(n % 5 == 0)
                        if n != policy.rounded(raw[r, c].value) { differs = true }
                    }
                }
            }
        }
        #expect(differs)
    }
}

@Suite("Disclosure control of magnitude totals")
struct MagnitudeTotalTests {
    @Test("a production total made by fewer than k distinct people is hidden even when each grade lists them again")
    func distinctContributors() {
        // Four people produced in every grade: 12 contributor slots, but only 4 persons behind the total.
        let rows = ["A", "B", "C"].map { FigureRow(key: $0, cells: [FigureCell(value: 150, persons: 4)]) }
        let table = FigureTable(
            id: "production", columns: [FigureColumn(key: "pieces", measure: .pieces)], rows: rows, hasRowTotals: true,
            sensitivity: 1)
        #expect(protect(table).columnTotals == [.count(450)])  // the sum of slots, 12, passes k = 10
        #expect(protect(table.withColumnContributors([4])).columnTotals == [.suppressed])
    }
}
