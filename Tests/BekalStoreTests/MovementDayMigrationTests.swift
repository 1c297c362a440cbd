import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// Migration v12 puts each release's and transfer's day and release kind into a partial index, so the figures read
/// them without the events' rows; a ledger with movements made before it migrates and gives the same figures.
@Suite("The movement day index migration")
struct MovementDayMigrationTests {
    static func indexes(_ db: Database) throws -> Set<String> {
        try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_event'")
    }

    @Test("a ledger with releases and transfers made at the v11 schema migrates, and its figures equal the reference")
    func migratesExistingMovements() throws {
        let today = ProgrammeFiguresQueryTests.today
        let data = DemoFacility.generate(people: 60, seed: 7, today: today)
        let queue = try DatabaseQueue(configuration: Ledger.configuration())
        let original = try Ledger(home: nil, writer: queue, logger: Logger(label: "test"))
        _ = try original.append(
            contentsOf: data.events.map {
                LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
            }, actor: "demo", facilityCode: data.facility.code, recordedAt: ProgrammeFiguresQueryTests.noonWIB(today))
        // Back to the v11 schema exactly: the old partial index, no generated columns, v12 not applied.
        try queue.write { db in
            try db.execute(sql: """
                DROP INDEX ledger_event_movement_day;
                ALTER TABLE ledger_event DROP COLUMN release_kind;
                ALTER TABLE ledger_event DROP COLUMN movement_day;
                CREATE INDEX ledger_event_movement ON ledger_event(person_id, type)
                    WHERE type IN ('person.released', 'person.transferred');
                DELETE FROM grdb_migrations WHERE identifier = 'v12-movement-day-index';
                """)
            #expect(try Self.indexes(db).contains("ledger_event_movement"))
        }
        let migrated = try Ledger(home: nil, writer: queue, logger: Logger(label: "test"))
        try queue.read { db in
            let indexes = try Self.indexes(db)
            #expect(indexes.contains("ledger_event_movement_day"))
            #expect(!indexes.contains("ledger_event_movement"))
            // Every movement's generated day and kind are what its JSON says.
            let rows = try Row.fetchAll(db, sql: """
                SELECT type, movement_day, release_kind,
                    json_extract(payload, '$.released._0.date') AS released_on,
                    json_extract(payload, '$.transferred._0.date') AS transferred_on,
                    json_extract(payload, '$.released._0.kind') AS kind
                FROM ledger_event WHERE type IN ('person.released', 'person.transferred')
                """)
            #expect(rows.contains { ($0["type"] as String) == "person.released" })
            #expect(rows.contains { ($0["type"] as String) == "person.transferred" })
            for row in rows {
                let released = (row["type"] as String) == "person.released"
                #expect((row["movement_day"] as String?) == (released ? row["released_on"] : row["transferred_on"]))
                #expect((row["movement_day"] as String?) != nil)
                #expect((row["release_kind"] as String?) == (released ? row["kind"] : nil))
            }
            // Other events name no day.
            #expect(try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM ledger_event
                WHERE type NOT IN ('person.released', 'person.transferred') AND movement_day IS NOT NULL
                """) == 0)
        }
        let events = data.events.map { ProgrammeEvent(id: $0.id, payload: $0.payload) }
        var releases = 0
        for period in ProgrammeFiguresQueryTests.periods {
            let figures = try migrated.programmeFigures(period: period)
            #expect(figures == ProgrammeFigures.compute(from: events, facilityCode: data.facility.code, period: period),
                    "period \(period)")
            releases += figures.releases.grandTotal.value
        }
        #expect(releases > 0)
        guard case .intact = try migrated.verifyChain() else {
            Issue.record("the chain does not verify after the migration")
            return
        }
    }
}
