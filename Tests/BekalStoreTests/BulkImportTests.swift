import BekalDomain
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// The import's fast paths (ordered event ids, the appender's reused buffers, the person-id map, migration v4)
/// checked against the slow, obviously correct paths: `EventDigest.hash` over stored columns, a projection
/// rebuild, the first release's schema.
@Suite("Bulk import equals the reference paths")
struct BulkImportTests {
    /// Rows of every kind with awkward values: quotes, commas, a line break, non-ASCII, spaces to trim, a
    /// person named by uppercase id.
    func files(_ scenario: Scenario) -> [(ImportKind, String)] {
        let upper = scenario.person.id.uuidString.uppercased()
        return [
            (.training, #"""
                person,date,hours,topic,trainer
                REG-0001,2026-02-01,2.5,"Malam, panas","Mentor ""A"""
                \#(upper),2026-02-02,3,"Lorod\#r\#nlalu cuci", Pembina é 漢字\#u{3000}
                REG-0001,2026-02-03,0.1,Pola,Mentor

                """#),
            (.production, #"""
                person,date,motif,cap,quantity,unit,grade,hours,rework,rejects,reject_reason
                REG-0001,2026-02-04,Parang,CAP-7,12.75,metres,B,4,1,2,luntur
                REG-0001,2026-02-05,Kawung,CAP-8,3,pieces,A,2.5,,,

                """#),
            (.assessments, #"""
                person,unit_code,outcome,assessor_name,assessor_role,method,date,notes
                REG-0001,SAMPLE.BTKCAP.001,K,Asesor Uji,partner-mentor,observation,2026-03-10,"catatan ""x"""

                """#),
            (.certificates, #"""
                person,issuer,scheme,number,issued_on,units
                REG-0001,LSP Batik,Tukang Cap,No. 1/2026,2026-01-31,SAMPLE.BTKCAP.001;SAMPLE.BTKCAP.002

                """#),
        ]
    }

    func importAll(_ scenario: Scenario) throws -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        for (kind, text) in files(scenario) {
            events += try scenario.ledger.importCSV(Data(text.utf8), kind: kind, actor: "a", recordedAt: Scenario.now)
                .appended
        }
        return events
    }

    @Test("every imported event's stored hash equals EventDigest.hash of its stored columns, and the chain verifies")
    func hashesEqualReference() throws {
        let scenario = try Scenario()
        let events = try importAll(scenario)
        #expect(events.count == 7)
        let stored = try scenario.ledger.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ledger_event WHERE sequence > 3 ORDER BY sequence")
        }
        #expect(stored.count == events.count)
        var previous: String = try #require(try scenario.ledger.read { db in
            try String.fetchOne(db, sql: "SELECT hash FROM ledger_event WHERE sequence = 3")
        })
        for (row, event) in zip(stored, events) {
            let columns = EventDigest.Columns(
                sequence: row["sequence"], eventID: row["event_id"], type: row["type"], personID: row["person_id"],
                payload: row["payload"], actor: row["actor"], facilityCode: row["facility_code"],
                recordedAt: row["recorded_at"], naturalKey: row["natural_key"], previousHash: row["prev_hash"])
            #expect(row["hash"] == EventDigest.hash(columns))
            #expect(columns.previousHash == previous)
            #expect(event.hash == row["hash"] as String)
            #expect(columns.payload == (try PayloadCoding.encodeWithFoundation(event.payload)))
            #expect(columns.eventID == event.id.uuidString.lowercased())
            previous = row["hash"]
        }
        guard case .intact(let count, _) = try scenario.ledger.verifyChain() else {
            Issue.record("the chain does not verify")
            return
        }
        #expect(count == 10)
    }

    @Test("the projection rows written during the import equal those of a rebuild from the ledger")
    func projectionsEqualRebuild() throws {
        let scenario = try Scenario()
        _ = try importAll(scenario)
        func dump() throws -> [String: [[String]]] {
            try scenario.ledger.read { db in
                var tables: [String: [[String]]] = [:]
                for table in LedgerSchema.projectionTables {
                    let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
                    tables[table] = rows.map { row in row.databaseValues.map(\.description) }
                }
                return tables
            }
        }
        let imported = try dump()
        #expect(imported["training"]?.count == 3)
        #expect(imported["production"]?.count == 2)
        #expect(imported["assessment"]?.count == 1)
        #expect(imported["certificate"]?.count == 1)
        try scenario.ledger.rebuildProjections()
        #expect(try dump() == imported)
    }

    @Test("new event ids are version 7, ordered like the sequence, and carry the recording time")
    func orderedEventIDs() throws {
        let scenario = try Scenario()
        let events = try importAll(scenario)
        let ids = events.map { $0.id.uuidString.lowercased() }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        for event in events {
            #expect(event.id.uuid.6 >> 4 == 7)
            #expect(event.id.uuid.8 >> 6 == 0b10)
            let milliseconds = withUnsafeBytes(of: event.id.uuid) { raw in
                raw.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            }
            #expect(milliseconds == UInt64(Scenario.now.timeIntervalSince1970 * 1000))
        }
        // The same clock for two batches and a sequence past 2^36 still give unique, ordered ids.
        var source = OrderedEventIDs(recordedAt: Scenario.now)
        let sequences: [Int64] = [1, 2, 3, 255, 256, 4095, 4096, 1 << 28, (1 << 28) + 1, 1 << 36, (1 << 40) - 1]
        let generated = sequences.map { source.next(sequence: $0).uuidString.lowercased() }
        #expect(generated == generated.sorted())
        #expect(Set(generated).count == generated.count)
        var early = OrderedEventIDs(recordedAt: Date(timeIntervalSince1970: -5))
        #expect(early.next(sequence: 1).uuid.0 == 0)
    }

    @Test("the JSON buffers, reused from a long record to a short one, hold exactly the short one")
    func reusedBuffers() throws {
        let scenario = try Scenario()
        var payload: [UInt8] = []
        var record: [UInt8] = []
        let long = LedgerPayload.trainingRecorded(TrainingSession(
            id: UUID(), personID: scenario.person.id, date: LocalDate("2026-02-01")!, hours: 2,
            topic: String(repeating: "panjang ", count: 100), trainer: "Mentor"))
        let short = scenario.training()
        #expect(RecordJSONWriter.write(long, payload: &payload, record: &record))
        #expect(RecordJSONWriter.write(short, payload: &payload, record: &record))
        #expect(String(decoding: payload, as: UTF8.self) == (try PayloadCoding.encodeWithFoundation(short)))
        guard case .trainingRecorded(let session) = short else {
            Issue.record("the scenario's training is not a training record")
            return
        }
        #expect(String(decoding: record, as: UTF8.self) == (try PayloadCoding.encodeRecord(session)))
        #expect(!RecordJSONWriter.write(.facilityInitialized(Scenario.facility), payload: &payload, record: &record))
    }

    @Test("a ledger made before migration v4 loses only the unused person index, and appends and verifies")
    func migrationFromOldSchema() throws {
        let queue = try DatabaseQueue(configuration: Ledger.configuration())
        try LedgerSchema.migrator.migrate(queue, upTo: "v2-status-allocation")
        let indexes = { try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_event'
                """)
        } }
        #expect(try indexes().contains("ledger_event_person"))
        let ledger = try Ledger(home: nil, writer: queue, logger: .init(label: "test"))
        #expect(try !indexes().contains("ledger_event_person"))
        #expect(try indexes().contains("ledger_event_natural_key_by_person"))
        try ledger.append(.facilityInitialized(Scenario.facility), actor: "a", facilityCode: "LAPAS-TEST",
                          recordedAt: Scenario.now)
        guard case .intact(1, _) = try ledger.verifyChain() else {
            Issue.record("the chain does not verify")
            return
        }
    }

    @Test("a row naming an unknown person fails the whole file, rows before it included, without the value")
    func unknownPersonRollsBack() throws {
        let scenario = try Scenario()
        let text = "person,date,hours,topic,trainer\n"
            + "REG-0001,2026-02-01,2,Malam,Mentor\nREG-9999,2026-02-01,2,Malam,Mentor\n"
        #expect {
            try scenario.ledger.importCSV(Data(text.utf8), kind: .training, actor: "a", recordedAt: Scenario.now)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .notFound && error.message.contains("row 3") && !error.message.contains("9999")
        }
        #expect(try scenario.ledger.eventCount() == 3)
    }

    @Test("the counting import writes the same chain as the one returning events, and counts what it skips")
    func summaryEqualsResult() throws {
        let returning = try Scenario()
        let counting = try Scenario()
        for (kind, text) in files(returning) {
            let other = try #require(files(counting).first { $0.0 == kind }?.1).replacingOccurrences(
                of: counting.person.id.uuidString.uppercased(), with: "REG-0001")
            let mine = text.replacingOccurrences(of: returning.person.id.uuidString.uppercased(), with: "REG-0001")
            #expect(other == mine)
            let result = try returning.ledger.importCSV(
                Data(mine.utf8), kind: kind, actor: "a", recordedAt: Scenario.now)
            let summary = try counting.ledger.importCSVSummary(
                Data(mine.utf8), kind: kind, actor: "a", recordedAt: Scenario.now)
            #expect(summary == ImportSummary(appended: result.appended.count, skipped: result.skipped))
        }
        let again = try counting.ledger.importCSVSummary(
            Data(files(counting)[1].1.utf8), kind: .production, actor: "b", recordedAt: Scenario.now)
        #expect(again == ImportSummary(appended: 0, skipped: 2))
        let stored = { (ledger: Ledger) in
            try ledger.read { db in
                try Row.fetchAll(db, sql: "SELECT type, payload, natural_key FROM ledger_event WHERE sequence > 3")
                    .map { [$0["type"] as String, $0["natural_key"] as String? ?? ""] }
            }
        }
        #expect(try stored(counting.ledger) == stored(returning.ledger))
        guard case .intact(10, _) = try counting.ledger.verifyChain() else {
            Issue.record("the chain does not verify")
            return
        }
    }
}
