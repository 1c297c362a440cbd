import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation
import Testing

/// The independent attacker (`ReportAttacker`) on hand-made and random tables: it finds what naive protection
/// leaks, and nothing in what Bekal publishes.
@Suite("The attacker on single tables and short histories")
struct TableAttackTests {
    static let persons = [FigureColumn(key: "K", measure: .persons), FigureColumn(key: "BK", measure: .persons)]

    static func report(
        _ facility: String, _ period: String, _ tables: [PublishedTable], policy: DisclosurePolicy = .ons105
    ) throws -> Data {
        try MetricsReport(
            facilityCode: facility, period: try #require(ReportingPeriod(period)), reportID: UUID(),
            generatedAt: Date(timeIntervalSince1970: 1_790_000_000), policy: policy, tables: tables
        ).jsonData()
    }

    static func certificates(_ cells: [PublishedValue], total: PublishedValue) -> PublishedTable {
        PublishedTable(
            id: "certificates", columns: [FigureColumn(key: "certificates", measure: .certificates)],
            rows: zip(ProgrammeFigures.standardSchemes, cells).map { .init(key: $0, cells: [$1], total: nil) },
            columnTotals: [total], grandTotal: nil)
    }

    @Test("the attacker finds what naive protection leaks: a lone hidden cell, 'BK 0', zeros of a quarter")
    func attackerFindsLeaks() throws {
        let exact = try DisclosurePolicy(threshold: 5, roundingBase: 1)
        let lone = PublishedTable(
            id: "participants", columns: [FigureColumn(key: "persons", measure: .persons)],
            rows: [.init(key: "active", cells: [.count(20)], total: nil), .init(key: "released", cells: [.suppressed], total: nil),
                   .init(key: "transferred", cells: [.count(15)], total: nil)],
            columnTotals: [.count(38)], grandTotal: nil)
        let bkZero = PublishedTable(
            id: "competency-outcomes", columns: Self.persons,
            rows: [.init(key: "U1", cells: [.suppressed, .suppressed], total: .suppressed),
                   .init(key: "U2", cells: [.suppressed, .suppressed], total: .suppressed)],
            columnTotals: [.count(10), .count(0)], grandTotal: .count(10))
        let hidden = Self.certificates(Array(repeating: .suppressed, count: 5), total: .suppressed)
        let quarter = Self.certificates([.count(0), .count(0), .count(10), .count(0), .count(0)], total: .count(10))
        let cases = [
            ReportAttacker.Case(name: "lone", bodies: [try Self.report("A", "2026-07", [lone], policy: exact)], truth: [:]),
            ReportAttacker.Case(name: "bk-zero", bodies: [try Self.report("B", "2026-Q2", [bkZero])], truth: [:]),
            ReportAttacker.Case(
                name: "quarter",
                bodies: try ["2026-01", "2026-02", "2026-03"].map { try Self.report("C", $0, [hidden]) }
                    + [try Self.report("C", "2026-Q1", [quarter])], truth: [:]),
        ]
        let outcomes = try ReportAttacker.attack(cases)
        #expect(outcomes[0].findings.map(\.kind) == ["recovered"])
        #expect(outcomes[0].findings.first?.range == [3, 3])
        #expect(outcomes[1].findings.filter { $0.kind == "recovered" }.map(\.figure)
            == ["row U1 column BK", "row U2 column BK"])
        // Every scheme published as 0 in the quarter is 0 in each of the three months.
        #expect(outcomes[2].findings.filter { $0.kind == "recovered" }.count == 12)
    }

    @Test("a quarter withheld whole after its three months: what the months pinned is known before, not found; the same tables in another order are found")
    func knownBeforeIsNotFound() throws {
        let month = Self.certificates([.count(0), .count(0), .count(10), .count(0), .count(0)], total: .count(10))
        let withheld = Self.certificates(Array(repeating: .suppressed, count: 5), total: .suppressed)
        let months = ["2026-01", "2026-02", "2026-03"]
        let cases = [
            // What Bekal does after a late certificate: the quarter's table withheld whole.
            ReportAttacker.Case(
                name: "withheld after the months",
                bodies: try months.map { try Self.report("D", $0, [month]) } + [try Self.report("D", "2026-Q1", [withheld])],
                truth: [:]),
            // The withheld quarter sent first: the months published afterwards are what reveals its zeros.
            ReportAttacker.Case(
                name: "withheld before the months",
                bodies: [try Self.report("E", "2026-Q1", [withheld])] + (try months.map { try Self.report("E", $0, [month]) }),
                truth: [:]),
        ]
        let outcomes = try ReportAttacker.attack(cases)
        #expect(outcomes[0].findings.isEmpty, "\(outcomes[0].findings)")
        // The four schemes published as 0 in every month; the third (10 ± rounding each month) stays open.
        #expect(outcomes[0].knownBefore.map(\.figure).sorted() == ProgrammeFigures.standardSchemes.enumerated()
            .filter { $0.offset != 2 }.map { "row \($0.element) column certificates" }.sorted())
        #expect(outcomes[0].knownBefore.allSatisfy { $0.report == "2026-Q1" && $0.range == [0, 0] })
        #expect(outcomes[1].knownBefore.isEmpty)
        #expect(outcomes[1].findings.filter { $0.kind == "recovered" }.count == 4)
    }

    static func countTable(_ rows: [[Int]], rowTotals: Bool) -> FigureTable {
        let columns = (0..<(rows.first?.count ?? 1)).map { FigureColumn(key: "c\($0)", measure: .persons) }
        return FigureTable(
            id: "competency-outcomes", columns: columns,
            rows: rows.enumerated().map { FigureRow(key: "r\($0.offset)", cells: $0.element.map(FigureCell.persons)) },
            hasRowTotals: rowTotals, sensitivity: 1)
    }

    @Test("crafted and 200 random tables protected on their own: nothing recovered, with and without rounding")
    func singleTables() throws {
        let exact = try DisclosurePolicy(threshold: 5, roundingBase: 1)
        var shapes: [([[Int]], Bool)] = [
            ([[30, 3], [25, 15], [40, 20]], true), ([[4, 6], [50, 50]], true), ([[3, 2], [1, 1]], true),
            ([[12, 1, 40], [0, 33, 21], [7, 0, 0]], true), ([[100, 2], [100, 3], [100, 4]], true),
            ([[11, 0], [0, 9]], true), ([[6, 0], [30, 20], [25, 15]], true), ([[23], [4], [0], [12]], false),
        ]
        var random = CountingGenerator()
        for trial in 0..<200 {
            let rowCount = Int.random(in: 1...6, using: &random), columnCount = Int.random(in: 1...3, using: &random)
            let rows = (0..<rowCount).map { _ in
                (0..<columnCount).map { _ in
                    Bool.random(using: &random) ? Int.random(in: 0...12, using: &random) : Int.random(in: 0...80, using: &random)
                }
            }
            shapes.append((rows, trial % 3 != 0))
        }
        var bodies: [Data] = []
        var truth: [String: [PublishedTable]] = [:]
        for (n, (rows, rowTotals)) in shapes.enumerated() {
            for (m, policy) in [DisclosurePolicy.ons105, exact].enumerated() {
                let table = Self.countTable(rows, rowTotals: rowTotals)
                var noNoise = CountingGenerator()
                let published = DisclosureControl(policy: policy).protect(table, epsilon: nil, random: &noNoise)
                let body = try Self.report("T\(n)-\(m)", "2026-07", [published], policy: policy)
                bodies.append(body)
                let id = try MetricsReport.decode(body).reportID.uuidString.lowercased()
                truth[id] = ReportAttacker.truth(ProgrammeFigures(
                    facilityCode: "T", period: ReportingPeriod("2026-07")!, participants: table, competencyOutcomes: table,
                    certificates: table, trainingHours: table, production: table, releases: table)).prefix(1).map { $0 }
                // Every true count from 1 to k − 1 is hidden.
                for (r, row) in rows.enumerated() {
                    for (c, value) in row.enumerated() where (1..<policy.threshold).contains(value) {
                        #expect(published.rows[r].cells[c] == .suppressed)
                    }
                }
            }
        }
        let outcome = try #require(try ReportAttacker.attack([.init(name: "tables", bodies: bodies, truth: truth)]).first)
        #expect(outcome.checkedSuppressed > 500 && outcome.checkedSmallGroups > 25)
        #expect(outcome.findings.isEmpty, "\(outcome.findings.count) found, e.g. \(outcome.findings.prefix(8))")
    }

    @Test("random small facilities, a year of reports cleared in order: nothing recovered", arguments: [
        (8, UInt64(3)), (25, UInt64(5)), (25, UInt64(11)),
    ])
    func randomFacilities(people: Int, seed: UInt64) throws {
        let data = DemoFacility.generate(people: people, seed: seed, today: DisclosureAttackTests.today)
        let events = data.events.map { ProgrammeEvent(id: $0.id, payload: $0.payload) }
        var history: [MetricsReport] = []
        var truth: [String: [PublishedTable]] = [:]
        var random = CountingGenerator()
        let clearance = ReportClearance(policy: .ons105, budget: PrivacyBudget(perPeriod: try Epsilon("1")))
        for month in 1...12 {
            var periods = [ReportingPeriod.month(2026, month)!]
            if month % 3 == 0 { periods.append(ReportingPeriod.quarter(2026, month / 3)!) }
            for period in periods {
                let figures = ProgrammeFigures.compute(from: events, facilityCode: data.facility.code, period: period)
                let id = UUID()
                let cleared = try clearance.clear(
                    figures, history: PublicationHistory(facilityCode: data.facility.code, reports: history, spends: []),
                    reportID: id, now: DisclosureAttackTests.morningAfter(period), random: &random)
                history.append(cleared.report)
                truth[id.uuidString.lowercased()] = ReportAttacker.truth(figures)
            }
        }
        let outcome = try #require(try ReportAttacker.attack([
            .init(name: "\(people) people, seed \(seed)", bodies: try history.map { try $0.jsonData() }, truth: truth),
        ]).first)
        #expect(outcome.reports == 16 && outcome.checkedSuppressed > 100)
        #expect(outcome.findings.isEmpty, "\(outcome.findings.count) found, e.g. \(outcome.findings.prefix(8))")
    }
}
