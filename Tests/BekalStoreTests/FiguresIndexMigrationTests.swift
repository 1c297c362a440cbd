import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// Ledgers already in use were written before `v3-date-covering-indexes`; opening one must add the indexes over
/// the rows it already holds and give the same figures.
@Suite("The date index migration on a ledger from the previous schema")
struct FiguresIndexMigrationTests {
    static let lastShipped = "v2-status-allocation"
    let logger = Logger(label: "test")

    /// A ledger file at the previous schema (the migrator stopped at its last shipped migration, or at `upTo`)
    /// holding the rows of a demo facility, copied column by column from a ledger written by the current code
    /// (which stays in `home/../current`).
    func previousSchemaLedger(people: Int, seed: UInt64, upTo: String = Self.lastShipped) throws
        -> (home: URL, events: [ProgrammeEvent])
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-v2-\(UUID().uuidString)")
        let data = DemoFacility.generate(people: people, seed: seed, today: ProgrammeFiguresQueryTests.today)
        let current = try Ledger.create(home: root.appendingPathComponent("current"), logger: logger)
        _ = try current.append(
            contentsOf: data.events.map {
                LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
            }, actor: "demo", facilityCode: data.facility.code, recordedAt: ProgrammeFiguresQueryTests.recordedAt)
        let home = root.appendingPathComponent("previous")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(
            path: home.appendingPathComponent(Ledger.databaseFileName).path, configuration: Ledger.configuration())
        try LedgerSchema.migrator.migrate(queue, upTo: upTo)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [
                root.appendingPathComponent("current").appendingPathComponent(Ledger.databaseFileName).path,
            ])
            try db.inTransaction {
                // Parents first, for the foreign keys; only the columns the previous schema has.
                // Tables the previous schema does not have yet (added later) are left out.
                for table in ["ledger_event"] + LedgerSchema.projectionTables.reversed()
                where try db.tableExists(table, in: "main") {
                    // Stored columns only: generated ones (from v3 on) cannot be inserted.
                    let columns = try String.fetchAll(
                        db, sql: "SELECT name FROM main.pragma_table_xinfo(?) WHERE hidden = 0", arguments: [table]
                    ).joined(separator: ", ")
                    try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM current.\(table)")
                }
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE current")
        }
        try queue.close()
        return (home, data.events.map { ProgrammeEvent(id: $0.id, payload: $0.payload) })
    }

    static func schemaNames(_ home: URL) throws -> (migrations: [String], names: Set<String>, columns: Set<String>) {
        let queue = try DatabaseQueue(path: home.appendingPathComponent(Ledger.databaseFileName).path)
        defer { try? queue.close() }
        return try queue.read { db in
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY 1")
            let names = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master")
            let columns = try String.fetchSet(db, sql: """
                SELECT 'production.' || name FROM pragma_table_xinfo('production')
                UNION SELECT 'certificate.' || name FROM pragma_table_xinfo('certificate')
                """)
            return (migrations, names, columns)
        }
    }

    @Test("adds the generated columns and indexes over the rows already there, and the figures equal the reference")
    func migrates() throws {
        let (home, events) = try previousSchemaLedger(people: 50, seed: 11)
        defer { try? FileManager.default.removeItem(at: home.deletingLastPathComponent()) }
        let before = try Self.schemaNames(home)
        // The file really is at the previous schema, so the migration below has work to do.
        #expect(before.migrations.last == Self.lastShipped)
        #expect(!before.names.contains("production_date") && !before.columns.contains("production.grade"))

        let ledger = try Ledger(home: home, logger: logger)
        let after = try Self.schemaNames(home)
        #expect(after.migrations.contains("v3-date-covering-indexes"))
        #expect(after.names.isSuperset(of: ["assessment_date", "training_date", "production_date", "certificate_date"]))
        #expect(after.columns.isSuperset(of: ["production.grade", "production.unit", "certificate.scheme"]))
        #expect(try ledger.verifyChain().isIntact)
        var productionSeen = false
        for period in ProgrammeFiguresQueryTests.periods {
            let figures = try ledger.programmeFigures(period: period)
            #expect(figures == ProgrammeFigures.compute(from: events, facilityCode: DemoFacility.facility.code,
                                                        period: period), "period \(period)")
            if figures.production.grandTotal.value > 0 { productionSeen = true }
        }
        #expect(productionSeen)
        // Rows appended after the migration reach the new indexes too (the columns are computed on write).
        let q3 = ReportingPeriod("2026-Q3")!
        let person = try #require(events.compactMap { event -> UUID? in
            if case .personAdded(let person) = event.payload { return person.id } else { return nil }
        }.first)
        let beforePieces = try ledger.programmeFigures(period: q3).production.rows.first { $0.key == "C" }?.cells[0]
        _ = try ledger.append(.productionRecorded(ProductionEntry(
            id: UUID(), personID: person, date: LocalDate("2026-08-03")!, motif: "Kawung", cap: "C9", quantity: 1_000,
            unit: .pieces, grade: .c, hours: 1)), actor: "demo", facilityCode: DemoFacility.facility.code,
            recordedAt: ProgrammeFiguresQueryTests.recordedAt)
        let afterPieces = try ledger.programmeFigures(period: q3).production.rows.first { $0.key == "C" }?.cells[0]
        #expect(afterPieces?.value == (beforePieces?.value ?? 0) + 1_000)
    }
}
