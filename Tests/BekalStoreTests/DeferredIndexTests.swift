import BekalDomain
import Foundation
import GRDB
import Synchronization
import Testing
@testable import BekalStore

/// A large import takes its table's date-led figures index down and builds it again before it commits
/// (`DeferredIndex`). What must hold: the index comes back exactly as the migration made it and holds every
/// row, a failed import leaves it as it was, and small or repeated imports never touch it.
@Suite("The date index deferred by a large import")
struct DeferredIndexTests {
    /// Statements the ledger's connection ran, seen through SQLite's own trace (not the code's account of
    /// itself), so a test sees whether the index really went down.
    final class StatementLog: Sendable {
        private let statements = Mutex<[String]>([])

        init(_ ledger: Ledger) throws {
            try ledger.writer.writeWithoutTransaction { db in
                db.trace(options: .statement) { [self] event in
                    let text = "\(event)"
                    statements.withLock { $0.append(text) }
                }
            }
        }

        func count(_ prefix: String) -> Int {
            statements.withLock { $0.filter { $0.hasPrefix(prefix) }.count }
        }
    }

    /// Training rows `first..<first + rows` for the scenario's person: each its own topic, dates scattered over
    /// the 260 days after admission (as a real file's dates are, in the index's order).
    func trainingCSV(rows: Int, first: Int = 0, badLast: Bool = false) -> Data {
        var text = "person,date,hours,topic,trainer\n"
        let admission = LocalDate("2025-09-01")!
        for offset in first..<first + rows {
            let date = admission.adding(days: offset * 37 % 260)
            text += "REG-0001,\(date),\(1 + offset % 4),Malam \(offset),Mentor\n"
        }
        if badLast { text += "REG-0001,2025-13-40,2,Malam,Mentor\n" }
        return Data(text.utf8)
    }

    func definition(_ ledger: Ledger) throws -> String? {
        try ledger.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'training_date'")
        }
    }

    /// The rows as the index holds them (read through it by name) and as the table holds them.
    func indexedAndStored(_ ledger: Ledger) throws -> (indexed: [Row], stored: [Row]) {
        try ledger.writer.read { db in
            let indexed = try Row.fetchAll(db, sql: """
                SELECT date, person_id, hours FROM training INDEXED BY training_date
                WHERE date >= '' ORDER BY date, person_id, hours
                """)
            let stored = try Row.fetchAll(db, sql: """
                SELECT date, person_id, hours FROM training NOT INDEXED ORDER BY date, person_id, hours
                """)
            return (indexed, stored)
        }
    }

    @Test("an import past the threshold drops the index once and builds it again, unchanged and complete",
          arguments: [false, true])
    func rebuildsTheIndex(onDisk: Bool) throws {
        let scenario = try Scenario(onDisk: onDisk)
        defer { scenario.removeHome() }
        let log = try StatementLog(scenario.ledger)
        let before = try #require(try definition(scenario.ledger))
        let result = try scenario.ledger.importCSV(
            trainingCSV(rows: 250), kind: .training, actor: "a", recordedAt: Scenario.now, deferringIndexAfter: 100)
        #expect(result.appended.count == 250)
        #expect(log.count("DROP INDEX") == 1)
        #expect(log.count("CREATE INDEX training_date") == 1)
        #expect(try definition(scenario.ledger) == before)
        let (indexed, stored) = try indexedAndStored(scenario.ledger)
        #expect(indexed.count == 250)
        #expect(indexed == stored)
        let integrity = try scenario.ledger.writer.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        guard case .intact = try scenario.ledger.verifyChain() else {
            Issue.record("the chain does not verify")
            return
        }
    }

    @Test("an import that fails after the index went down leaves the index and the table as they were")
    func failureKeepsTheIndex() throws {
        let scenario = try Scenario()
        _ = try scenario.ledger.importCSV(
            trainingCSV(rows: 20), kind: .training, actor: "a", recordedAt: Scenario.now, deferringIndexAfter: 100)
        let log = try StatementLog(scenario.ledger)
        let before = try #require(try definition(scenario.ledger))
        do {
            _ = try scenario.ledger.importCSV(
                trainingCSV(rows: 250, first: 20, badLast: true), kind: .training, actor: "a",
                recordedAt: Scenario.now, deferringIndexAfter: 100)
            Issue.record("the import succeeded")
        } catch let error as StoreError {
            #expect(error.code == .invalidInput)
            #expect(error.message.hasPrefix("row 252, field 'date'"))
        }
        // The failing row is the last: the index was dropped (and the drop rolled back with the rows).
        #expect(log.count("DROP INDEX") == 1)
        #expect(try definition(scenario.ledger) == before)
        let (indexed, stored) = try indexedAndStored(scenario.ledger)
        #expect(indexed.count == 20)
        #expect(indexed == stored)
    }

    @Test("a file smaller than its table, or one whose rows are all recorded already, keeps the index")
    func smallAndRepeatedImportsKeepTheIndex() throws {
        let scenario = try Scenario()
        let first = trainingCSV(rows: 250)
        _ = try scenario.ledger.importCSV(
            first, kind: .training, actor: "a", recordedAt: Scenario.now, deferringIndexAfter: 100)
        let log = try StatementLog(scenario.ledger)

        // 150 new rows into a table of 250: past the minimum, but a rebuild would cost the whole table.
        let more = try scenario.ledger.importCSV(
            trainingCSV(rows: 150, first: 250), kind: .training, actor: "a", recordedAt: Scenario.now,
            deferringIndexAfter: 100)
        #expect(more.appended.count == 150)
        // The same 250 rows again: all skipped, nothing appended.
        let again = try scenario.ledger.importCSV(
            first, kind: .training, actor: "a", recordedAt: Scenario.now, deferringIndexAfter: 100)
        #expect(again.appended.isEmpty)
        #expect(again.skipped == 250)
        #expect(log.count("DROP INDEX") == 0)
        #expect(log.count("CREATE INDEX") == 0)
        #expect(try indexedAndStored(scenario.ledger).indexed.count == 400)
    }

    @Test("each kind of file defers its own table's date index, and a persons file none")
    func eachKindItsIndex() throws {
        let scenario = try Scenario()
        try scenario.ledger.writer.read { db in
            for kind in ImportKind.allCases {
                let deferred = try DeferredIndex(importing: kind, db)
                switch kind {
                case .persons: #expect(deferred == nil)
                case .assessments: #expect(deferred?.name == "assessment_date")
                case .training: #expect(deferred?.name == "training_date")
                case .production: #expect(deferred?.name == "production_date")
                case .certificates: #expect(deferred?.name == "certificate_date")
                }
                #expect(deferred.map(\.threshold) ?? DeferredIndex.minimumRows == DeferredIndex.minimumRows)
            }
        }
    }
}
