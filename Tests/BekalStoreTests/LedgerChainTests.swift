import BekalDomain
import Foundation
import GRDB
import Testing
@testable import BekalStore

@Suite("The ledger's hash chain and append-only triggers")
struct LedgerChainTests {
    /// A ledger of 6 events: facility, framework, person, three records.
    func filledScenario() throws -> Scenario {
        let scenario = try Scenario()
        try scenario.record(scenario.assessment())
        try scenario.record(scenario.training())
        try scenario.record(scenario.assessment(unit: "SAMPLE.BTKCAP.002", outcome: .belumKompeten))
        return scenario
    }

    /// What an attacker holding the file would do first.
    func dropTriggers(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER ledger_event_no_update; DROP TRIGGER ledger_event_no_delete")
    }

    @Test("an untouched ledger verifies intact with its head hash")
    func intact() throws {
        let scenario = try filledScenario()
        let head = try scenario.ledger.events(after: 5, limit: 10)
        #expect(head.count == 1)
        #expect(try scenario.ledger.verifyChain() == .intact(count: 6, headHash: head[0].hash))
    }

    @Test("each event links to the hash of the one before, the first to 64 zeros")
    func links() throws {
        let events = try filledScenario().ledger.events(after: nil, limit: 100)
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5, 6])
        #expect(events[0].previousHash == String(repeating: "0", count: 64))
        for (previous, event) in zip(events, events.dropFirst()) { #expect(event.previousHash == previous.hash) }
        #expect(Set(events.map(\.hash)).count == 6)
    }

    @Test("the triggers refuse UPDATE and DELETE on ledger_event")
    func triggers() throws {
        let scenario = try filledScenario()
        let count = try scenario.ledger.eventCount()
        /// The trigger's message for `sql`, or nil when the statement went through.
        func refusal(_ sql: String) -> String? {
            do {
                try scenario.ledger.writer.write { db in try db.execute(sql: sql) }
                return nil
            } catch let error as DatabaseError {
                return error.message
            } catch {
                return "not a database error: \(error)"
            }
        }
        #expect(refusal("UPDATE ledger_event SET actor = 'someone' WHERE sequence = 4") == "ledger is append-only")
        #expect(refusal("DELETE FROM ledger_event WHERE sequence = 6") == "ledger is append-only")
        #expect(refusal("DELETE FROM ledger_event") == "ledger is append-only")
        #expect(try scenario.ledger.eventCount() == count)
        #expect(try scenario.ledger.verifyChain().isIntact)
    }

    @Test("an edited payload breaks the chain at that event")
    func editedPayload() throws {
        let scenario = try filledScenario()
        try scenario.ledger.writer.write { db in
            try dropTriggers(db)
            try db.execute(sql: "UPDATE ledger_event SET payload = replace(payload, '\"K\"', '\"BK\"') WHERE sequence = 4")
        }
        guard case .broken(let failure) = try scenario.ledger.verifyChain() else {
            Issue.record("the edit was not detected")
            return
        }
        #expect(failure.sequence == 4)
        #expect(failure.reason == .editedEvent)
        #expect(failure.message.hasPrefix("DigestPolicy"))
    }

    @Test("an edit to the actor column is caught too")
    func editedActor() throws {
        let scenario = try filledScenario()
        try scenario.ledger.writer.write { db in
            try dropTriggers(db)
            try db.execute(sql: "UPDATE ledger_event SET actor = 'another' WHERE sequence = 2")
        }
        #expect(try scenario.ledger.verifyChain() == .broken(ChainBreak(
            sequence: 2, reason: .editedEvent,
            message: "DigestPolicy: event 2 was changed after it was recorded")))
    }

    @Test("a deleted row shows as a missing sequence number")
    func deletedRow() throws {
        let scenario = try filledScenario()
        try scenario.ledger.writer.write { db in
            try dropTriggers(db)
            try db.execute(sql: "DELETE FROM ledger_event WHERE sequence = 5")
        }
        guard case .broken(let failure) = try scenario.ledger.verifyChain() else {
            Issue.record("the deletion was not detected")
            return
        }
        #expect(failure.sequence == 5)
        #expect(failure.reason == .missingEvent)
    }

    @Test("deleting the head and renumbering still breaks the link")
    func deletedAndRenumbered() throws {
        let scenario = try filledScenario()
        try scenario.ledger.writer.write { db in
            try dropTriggers(db)
            try db.execute(sql: "DELETE FROM ledger_event WHERE sequence = 4")
            try db.execute(sql: "UPDATE ledger_event SET sequence = sequence - 1 WHERE sequence > 4")
        }
        guard case .broken(let failure) = try scenario.ledger.verifyChain() else {
            Issue.record("the deletion was not detected")
            return
        }
        #expect(failure.sequence == 4)
        #expect(failure.reason == .brokenLink)
    }

    @Test("two swapped rows break the chain at the first of them")
    func reorderedRows() throws {
        let scenario = try filledScenario()
        try scenario.ledger.writer.write { db in
            try dropTriggers(db)
            try db.execute(sql: "UPDATE ledger_event SET sequence = -1 WHERE sequence = 4")
            try db.execute(sql: "UPDATE ledger_event SET sequence = 4 WHERE sequence = 5")
            try db.execute(sql: "UPDATE ledger_event SET sequence = 5 WHERE sequence = -1")
        }
        guard case .broken(let failure) = try scenario.ledger.verifyChain() else {
            Issue.record("the reordering was not detected")
            return
        }
        #expect(failure.sequence == 4)
        #expect(failure.reason == .brokenLink)
    }

    @Test("the hash covers every column: changing any one changes it")
    func digestCoversColumns() {
        let base = EventDigest.Columns(
            sequence: 1, eventID: "e", type: "t", personID: nil, payload: "{}", actor: "a", facilityCode: "f",
            recordedAt: "r", naturalKey: nil, previousHash: EventDigest.genesis)
        var variants: [EventDigest.Columns] = []
        var c = base; c.sequence = 2; variants.append(c)
        c = base; c.eventID = "e2"; variants.append(c)
        c = base; c.type = "t2"; variants.append(c)
        c = base; c.personID = ""; variants.append(c)
        c = base; c.payload = "{ }"; variants.append(c)
        c = base; c.actor = "b"; variants.append(c)
        c = base; c.facilityCode = "g"; variants.append(c)
        c = base; c.recordedAt = "s"; variants.append(c)
        c = base; c.naturalKey = ""; variants.append(c)
        c = base; c.previousHash = String(repeating: "1", count: 64); variants.append(c)
        // Moving a byte between neighbouring columns must not collide (length prefixes).
        c = base; c.type = "tf"; c.facilityCode = ""; variants.append(c)
        let hashes = Set(variants.map(EventDigest.hash))
        #expect(hashes.count == variants.count)
        #expect(!hashes.contains(EventDigest.hash(base)))
    }

    @Test("the hash matches an independent computation of the documented encoding")
    func digestKnownValue() {
        let columns = EventDigest.Columns(
            sequence: 7, eventID: "id", type: "x", personID: nil, payload: "{}", actor: "a", facilityCode: "F",
            recordedAt: "2026-01-01T00:00:00.000Z", naturalKey: nil, previousHash: EventDigest.genesis)
        // Computed with Python: sha256 over (8-byte big-endian length + UTF-8) per column, NULL = 0xFF*8.
        #expect(EventDigest.hash(columns) == Self.pythonDigest)
    }

    static let pythonDigest = "26ef990f0adf18d8f5fcd6c2bb1e4d78153ee8786bd82f60fc6676cdfd2e10ad"
}
