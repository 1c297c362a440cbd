import BekalDomain
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// Migration v10 keys the natural-key index by person, so that an import's inserts stay near each other.
@Suite("The natural-key index led by the person")
struct NaturalKeyIndexTests {
    let training = """
        person,date,hours,topic,trainer
        REG-0001,2026-02-01,2,Malam,Mentor
        REG-0001,2026-02-02,3,Pola,Mentor

        """

    func indexes(_ db: Database) throws -> Set<String> {
        try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_event'")
    }

    @Test("rows imported before the migration are still recognised after it, and the chain verifies")
    func migratesExistingKeys() throws {
        let queue = try DatabaseQueue(configuration: Ledger.configuration())
        let original = try Ledger(home: nil, writer: queue, logger: Logger(label: "test"))
        for payload in [LedgerPayload.facilityInitialized(Scenario.facility), .frameworkImported(.sampleBatikCap),
                        .personAdded(Scenario.person(register: "REG-0001"))] {
            try original.append(payload, actor: "a", facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
        }
        let first = try original.importCSV(
            Data(training.utf8), kind: .training, actor: "a", recordedAt: Scenario.now)
        #expect(first.appended.count == 2)
        // Back to the v9 schema, the rows kept: the v1 index instead of v10's, and v10 not yet run.
        try queue.write { db in
            try db.execute(sql: """
                DROP INDEX ledger_event_natural_key_by_person;
                CREATE UNIQUE INDEX ledger_event_natural_key ON ledger_event(natural_key) WHERE natural_key IS NOT NULL;
                DELETE FROM grdb_migrations WHERE identifier = 'v10-natural-key-by-person';
                """)
        }
        #expect(try queue.read(indexes).contains("ledger_event_natural_key"))

        let ledger = try Ledger(home: nil, writer: queue, logger: Logger(label: "test"))
        let names = try queue.read(indexes)
        #expect(!names.contains("ledger_event_natural_key"))
        #expect(names.contains("ledger_event_natural_key_by_person"))
        let again = try ledger.importCSV(Data(training.utf8), kind: .training, actor: "a", recordedAt: Scenario.now)
        #expect(again.appended.isEmpty)
        #expect(again.skipped == 2)
        guard case .intact(5, _) = try ledger.verifyChain() else {
            Issue.record("the chain does not verify")
            return
        }
    }

    @Test("a key is unique per person; person rows, whose ids are new on every import, share one lead")
    func uniquePerPerson() throws {
        let scenario = try Scenario()
        let other = Scenario.person(register: "REG-0002")
        try scenario.record(.personAdded(other))
        let result = try scenario.ledger.append(contentsOf: [
            LedgerEntry(scenario.training(), naturalKey: "k"),
            LedgerEntry(scenario.training(), naturalKey: "k"),
            LedgerEntry(scenario.training(for: other), naturalKey: "k"),
            LedgerEntry(.personAdded(Scenario.person(register: "REG-0003")), naturalKey: "p"),
            LedgerEntry(.personAdded(Scenario.person(register: "REG-0003")), naturalKey: "p"),
        ], actor: "a", facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
        #expect(result.appended.map(\.type) == ["training.recorded", "training.recorded", "person.added"])
        #expect(result.appended.map(\.personID).prefix(2) == [scenario.person.id, other.id])
        #expect(result.skipped == 2)
    }
}
