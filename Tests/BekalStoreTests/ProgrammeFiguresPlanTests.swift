import BekalDomain
import BekalMetrics
import Foundation
import GRDB
import Testing
@testable import BekalStore

/// The figures of one period must cost the period's rows, not the ledger's: SQLite's own plan and bytecode for
/// every statement `ProgrammeFiguresQuery` runs are checked, so a query edit that falls back to a whole-table scan
/// (or reads each row's JSON again) fails here rather than only in a benchmark.
@Suite("Programme figures read only the period's rows")
struct ProgrammeFiguresPlanTests {
    /// The tables that grow with the ledger; a quarter must never scan one whole.
    static let largeTables = ["assessment", "training", "production", "certificate", "person", "ledger_event"]

    /// Every SELECT the figures of `period` run, with its parameters written in.
    static func statements(_ ledger: Ledger, period: ReportingPeriod) throws -> [String] {
        try ledger.read { db in
            var executed: [String] = []
            db.trace { event in
                if case .statement(let statement) = event { executed.append(statement.expandedSQL) }
            }
            defer { db.trace(options: [], nil) }
            _ = try ProgrammeFiguresQuery.figures(period: period, db)
            return executed.filter { $0.hasPrefix("SELECT") || $0.hasPrefix("WITH") }
        }
    }

    static func plan(_ sql: String, _ ledger: Ledger) throws -> [String] {
        try ledger.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] } }
    }

    static func ledger() throws -> Ledger {
        try ProgrammeFiguresQueryTests.demoLedger(people: 30, seed: 1).0
    }

    @Test("no statement of a quarter's figures scans a whole table, and each period table is read by date")
    func noWholeTableScan() throws {
        let ledger = try Self.ledger()
        let statements = try Self.statements(ledger, period: ReportingPeriod("2026-Q3")!)
        // facility, frameworks, and one statement per figure table.
        #expect(statements.count >= 8)
        var details: [String] = []
        for sql in statements {
            let plan = try Self.plan(sql, ledger)
            details += plan
            for line in plan {
                let scanned = Self.largeTables.first { line == "SCAN \($0)" || line.hasPrefix("SCAN \($0) ") }
                // The partial index holds only releases and transfers, a few per person, not the ledger.
                let allowed = line == "SCAN ledger_event USING INDEX ledger_event_movement_day"
                #expect(scanned == nil || allowed, "\(line) in: \(sql)")
            }
        }
        for index in ["COVERING INDEX assessment_date", "COVERING INDEX training_date", "INDEX production_date",
                      "INDEX certificate_date"] {
            #expect(details.contains { $0.contains("USING \(index) (") }, "\(index) unused")
        }
    }

    @Test("the period's rows are read from the date indexes alone, never from the tables")
    func indexOnly() throws {
        let ledger = try Self.ledger()
        let statements = try Self.statements(ledger, period: ReportingPeriod("2026-Q3")!)
        let roots = try ledger.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT name, rootpage FROM sqlite_master WHERE name IN ('assessment', 'training', 'production',
                    'certificate', 'assessment_date', 'training_date', 'production_date', 'certificate_date',
                    'ledger_event', 'ledger_event_movement_day')
                """).map { ($0["name"] as String, $0["rootpage"] as Int) })
        }
        #expect(roots.count == 10)
        var movementIndexRead = false
        var indexesOpened: Set<String> = []
        for sql in statements {
            // A released person's readiness looks up that person's assessments (bounded by the releases); every
            // other read of a period table must stay inside its date index.
            let readsByPerson = try Self.plan(sql, ledger).contains { $0.contains("assessment_person") }
            let opcodes = try ledger.read { db in try Row.fetchAll(db, sql: "EXPLAIN " + sql) }
            let opened = opcodes.filter { ($0["opcode"] as String) == "OpenRead" }
            for (name, page) in roots where name.hasSuffix("_date") && opened.contains(where: { ($0["p2"] as Int) == page }) {
                indexesOpened.insert(name)
            }
            if opened.contains(where: { ($0["p2"] as Int) == roots["ledger_event_movement_day"] }) {
                movementIndexRead = true
            }
            // Releases and transfers: their day and kind come from the partial index (v12), never from the events'
            // rows, which lie one per page all over the ledger.
            for table in ["assessment", "training", "production", "certificate", "ledger_event"]
            where !(table == "assessment" && readsByPerson) {
                // Covering: no table cursor at all; production and certificate (generated columns): a cursor
                // whose deferred seek never happens because no column of it is read.
                let cursors = Set(opened.filter { ($0["p2"] as Int) == roots[table] }.map { $0["p1"] as Int })
                let rowReads = opcodes.filter {
                    ["Column", "Rowid", "SeekRowid", "NotExists"].contains($0["opcode"] as String)
                        && cursors.contains($0["p1"] as Int)
                }
                #expect(rowReads.isEmpty, "\(table) rows read in: \(sql)")
            }
        }
        #expect(indexesOpened == ["assessment_date", "training_date", "production_date", "certificate_date"])
        #expect(movementIndexRead)
    }

    @Test("the production and certificate figures agree with the same figures computed from each row's JSON")
    func generatedColumnsMatchJSON() throws {
        let (ledger, _) = try ProgrammeFiguresQueryTests.demoLedger(people: 40, seed: 9)
        try ledger.read { db in
            for period in ProgrammeFiguresQueryTests.periods {
                let window = [period.firstDay.description, period.lastDay.description]
                let fromColumns = try Row.fetchAll(db, sql: """
                    SELECT grade, SUM(quantity) AS pieces, COUNT(DISTINCT person_id) AS persons FROM production
                    WHERE date BETWEEN ? AND ? AND unit = 'pieces' GROUP BY grade ORDER BY grade
                    """, arguments: StatementArguments(window))
                let fromJSON = try Row.fetchAll(db, sql: """
                    SELECT json_extract(json, '$.grade') AS grade, SUM(quantity) AS pieces,
                        COUNT(DISTINCT person_id) AS persons
                    FROM production NOT INDEXED
                    WHERE date BETWEEN ? AND ? AND json_extract(json, '$.unit') = 'pieces' GROUP BY 1 ORDER BY 1
                    """, arguments: StatementArguments(window))
                #expect(fromColumns == fromJSON, "production \(period)")
                let schemes = try Row.fetchAll(db, sql: """
                    SELECT scheme, COUNT(*) AS issued FROM certificate WHERE issued_on BETWEEN ? AND ? GROUP BY 1 ORDER BY 1
                    """, arguments: StatementArguments(window))
                let schemesFromJSON = try Row.fetchAll(db, sql: """
                    SELECT json_extract(json, '$.scheme') AS scheme, COUNT(*) AS issued FROM certificate NOT INDEXED
                    WHERE issued_on BETWEEN ? AND ? GROUP BY 1 ORDER BY 1
                    """, arguments: StatementArguments(window))
                #expect(schemes == schemesFromJSON, "certificates \(period)")
            }
            // Only meaningful if the demo holds graded pieces and certificates.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT grade) FROM production WHERE unit = 'pieces'") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(scheme) FROM certificate") ?? 0 > 0)
        }
    }
}
