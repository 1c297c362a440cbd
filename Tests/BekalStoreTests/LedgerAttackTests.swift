import BekalDomain
import BekalLog
import Foundation
import GRDB
import Testing
@testable import BekalStore

/// Every attack of issue 13, done with raw SQL (triggers dropped where needed, chain recomputed) to a ledger
/// file after a witness cosigned its checkpoint. `verifyChain` passes after most of them; the audit against the
/// witnessed checkpoint names the event or range every time.
@Suite("Attacks on a witnessed ledger are detected and named")
struct LedgerAttackTests {
    func expect(_ audit: LedgerAudit, _ reason: AuditFailure.Reason, _ events: ClosedRange<Int64>?,
                sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!audit.isIntact, sourceLocation: sourceLocation)
        #expect(audit.failures.contains { $0.reason == reason && $0.events == events },
                "expected \(reason) on \(String(describing: events)), got \(audit.failures)", sourceLocation: sourceLocation)
    }

    @Test("an untouched ledger matches the checkpoint; later genuine appends are listed with their actor")
    func untouched() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        #expect(facility.size == 1_300)
        #expect(try facility.audit().isIntact)
        let ledger = try facility.reopen()
        try ledger.append(facility.scenario.training(), actor: "petugas-2", facilityCode: Scenario.facility.code,
                          recordedAt: Scenario.now)
        let audit = try ledger.audit(against: facility.held.treeHead)
        #expect(audit.isIntact, "\(audit.failures)")
        #expect(audit.appendedAfterCheckpoint.map(\.actor) == ["petugas-2"])
        #expect(audit.appendedAfterCheckpoint.map(\.sequence) == [1_301])
        #expect(audit.appendedAfterCheckpoint.first?.type == "training.recorded")
    }

    @Test("an event edited and the chain recomputed: the chain verifies, the audit names the event")
    func editRechain() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        try facility.tamper { db in
            try db.execute(sql: """
                UPDATE ledger_event SET payload = replace(payload, '"hours":', '"hours":2') WHERE sequence = 700
                """)
            #expect(try String.fetchOne(db, sql: "SELECT payload FROM ledger_event WHERE sequence = 700")?
                .contains("\"hours\":21") == true)
            try WitnessedFacility.rechain(db)
        }
        #expect(try facility.reopen().verifyChain().isIntact)
        let audit = try facility.audit()
        expect(audit, .rewritten, 700...700)
    }

    @Test("an event deleted and the rest renumbered and rechained: named from that event on")
    func deleteRechain() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        try facility.tamper { db in
            try db.execute(sql: "DELETE FROM ledger_event WHERE sequence = 700")
            try WitnessedFacility.shift(from: 701, by: -1, db)
            try WitnessedFacility.rechain(db)
        }
        #expect(try facility.reopen().verifyChain().isIntact)
        let audit = try facility.audit([.coveredHistory])
        expect(audit, .rewritten, 700...1_299)
        expect(audit, .truncated, 1_300...1_300)
    }

    @Test("two events swapped and rechained: the range between them is named")
    func reorderRechain() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        try facility.tamper { db in
            try db.execute(sql: "UPDATE ledger_event SET sequence = -1 WHERE sequence = 400")
            try db.execute(sql: "UPDATE ledger_event SET sequence = 400 WHERE sequence = 900")
            try db.execute(sql: "UPDATE ledger_event SET sequence = 900 WHERE sequence = -1")
            try WitnessedFacility.rechain(db)
        }
        #expect(try facility.reopen().verifyChain().isIntact)
        expect(try facility.audit([.coveredHistory]), .rewritten, 400...900)
    }

    @Test("a forged event appended with its hash computed (no trigger dropped): flagged and listed with its actor")
    func forgedAppend() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        try facility.tamper(dropTriggers: false) { db in
            try Self.insertForged(at: 1_301, db)
        }
        #expect(try facility.reopen().verifyChain().isIntact)
        let audit = try facility.audit()
        expect(audit, .writtenOutsideBekal, 1_301...1_301)
        #expect(audit.failures.contains {
            $0.message == "StoredTreePolicy: event 1301 has no leaf in the tree Bekal writes with every append: it "
                + "was written outside Bekal"
        }, "one event: singular, \(audit.failures)")
        #expect(audit.appendedAfterCheckpoint.map(\.sequence) == [1_301])
        #expect(audit.appendedAfterCheckpoint.first?.actor == "petugas-9")
        // This ledger was made before accounts (none was ever created): no actor is judged.
        #expect(audit.appendedAfterCheckpoint.first?.actorIsKnown == true)
        #expect(!audit.failures.contains { $0.reason == .unknownActor }, "\(audit.failures)")
        // Covered history is untouched, so that check alone passes: the append is attributable, not provably false.
        #expect(try facility.audit([.coveredHistory]).isIntact)
    }

    @Test("once the facility has accounts, a forged event naming an actor that is no account (eve) is found and marked; genuine appends by accounts are not")
    func unknownActor() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        // Accounts come after 1,300 events recorded before any existed (a migrated ledger): the first admin, recorded
        // as created by itself, creates a counselor, who records.
        let ledger = try facility.reopen()
        let code = Scenario.facility.code
        try ledger.append(.account(AccountEvent(action: .created, account: Scenario.actor, role: .admin)),
                          actor: Scenario.actor, facilityCode: code, recordedAt: Scenario.now)
        try ledger.append(.account(AccountEvent(action: .created, account: "wali.sari", role: .counselor)),
                          actor: Scenario.actor, facilityCode: code, recordedAt: Scenario.now)
        try ledger.append(facility.scenario.training(), actor: "wali.sari", facilityCode: code, recordedAt: Scenario.now)
        let untouched = try facility.audit()
        #expect(untouched.isIntact, "\(untouched.failures)")
        #expect(untouched.appendedAfterCheckpoint.map(\.actorIsKnown) == [true, true, true])
        let integrity = try facility.reopen().verifyIntegrity()
        #expect(integrity.isIntact, "\(integrity.failures)")

        try facility.tamper(dropTriggers: false) { db in try Self.insertForged(at: 1_304, actor: "eve", db) }
        let audit = try facility.audit()
        expect(audit, .unknownActor, 1_304...1_304)
        #expect(audit.failures.filter { $0.reason == .unknownActor }.count == 1, "\(audit.failures)")
        let finding = try #require(audit.failures.first { $0.reason == .unknownActor })
        #expect(finding.message.hasPrefix("KnownActorPolicy: event 1304 names an actor that was not an account"),
                "\(finding.message)")
        #expect(finding.message.firstMatch(of: /\beve\b/) == nil, "messages name events, not actors")
        #expect(audit.appendedAfterCheckpoint.map(\.actor) == [Scenario.actor, Scenario.actor, "wali.sari", "eve"])
        #expect(audit.appendedAfterCheckpoint.map(\.actorIsKnown) == [true, true, true, false])
        // Found without a checkpoint too.
        let afterForgery = try facility.reopen().verifyIntegrity()
        #expect(afterForgery.failures.contains { $0.reason == .unknownActor && $0.events == 1_304...1_304 },
                "\(afterForgery.failures)")
        // The check alone, and nothing else of it: the genuine events before are not judged.
        let actorsOnly = try facility.audit([.actors])
        #expect(actorsOnly.failures.map(\.reason) == [.unknownActor], "\(actorsOnly.failures)")
    }

    @Test("a forged event naming an unknown actor inside the witnessed history, rechained: found there too")
    func unknownActorInserted() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        // The first account is created at 1,301; a forged event of eve's is then slipped in before the last
        // genuine one and the chain recomputed.
        let ledger = try facility.reopen()
        try ledger.append(.account(AccountEvent(action: .created, account: Scenario.actor, role: .admin)),
                          actor: Scenario.actor, facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
        try ledger.append(facility.scenario.training(), actor: Scenario.actor, facilityCode: Scenario.facility.code,
                          recordedAt: Scenario.now)
        try facility.tamper { db in
            try WitnessedFacility.shift(from: 1_302, by: 1, db)
            try Self.insertForged(at: 1_302, actor: "eve", db)
            try WitnessedFacility.rechain(db)
        }
        let audit = try facility.audit([.actors])
        #expect(audit.failures.map(\.reason) == [.unknownActor], "\(audit.failures)")
        #expect(audit.failures.first?.events == 1_302...1_302)
        #expect(audit.appendedAfterCheckpoint.map(\.actorIsKnown) == [true, false, true])
    }

    @Test("a forged event inserted mid-chain and rechained: named from the insertion on")
    func forgedInsert() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        try facility.tamper { db in
            try WitnessedFacility.shift(from: 650, by: 1, db)
            try Self.insertForged(at: 650, db)
            try WitnessedFacility.rechain(db)
        }
        #expect(try facility.reopen().verifyChain().isIntact)
        expect(try facility.audit([.coveredHistory]), .rewritten, 650...1_300)
    }

    @Test("the last event, the last 1,000 events, and every event cut off: each named as missing")
    func truncations() throws {
        for (cut, missing) in [(1, 1_300...1_300), (1_000, 301...1_300), (1_300, 1...1_300)] as [(Int64, ClosedRange<Int64>)] {
            let facility = try WitnessedFacility()
            defer { facility.removeHome() }
            try facility.tamper { db in
                try db.execute(sql: "DELETE FROM ledger_event WHERE sequence > ?", arguments: [1_300 - cut])
            }
            #expect(try facility.reopen().verifyChain().isIntact)
            let audit = try facility.audit([.coveredHistory, .storedTree])
            expect(audit, .truncated, missing)
            // "event 1300 is missing", "events 301 to 1300 are missing": the verb agrees with the count.
            let said = missing.count == 1 ? "event \(missing.lowerBound) is missing"
                : "events \(missing.lowerBound) to \(missing.upperBound) are missing"
            #expect(audit.failures.contains { $0.reason == .truncated && $0.message.contains(said) },
                    "\(audit.failures)")
            #expect(!audit.failures.contains { $0.reason == .rewritten }, "the remaining events are intact")
            #expect(audit.eventCount == 1_300 - cut)
        }
    }

    @Test("a projection row edited (3 hours made 5): named by its event")
    func projectionEdited() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        try facility.tamper(dropTriggers: false) { db in
            try db.execute(sql: """
                UPDATE training SET hours = hours + 2
                WHERE event_id = (SELECT event_id FROM ledger_event WHERE sequence = 500)
                """)
            #expect(db.changesCount == 1)
        }
        let audit = try facility.audit()
        expect(audit, .projectionEdited, 500...500)
        #expect(audit.failures.count == 1, "\(audit.failures)")
    }

    @Test("with no checkpoint, verifyIntegrity finds a forged append, a deleted tree node and a deleted evidence file; an untouched ledger is intact")
    func integrityWithoutCheckpoint() throws {
        let untouched = try WitnessedFacility()
        defer { untouched.removeHome() }
        let intact = try untouched.reopen().verifyIntegrity()
        #expect(intact.isIntact, "\(intact.failures)")
        #expect(intact.eventCount == 1_300)

        // What makes Bekal refuse to append or sign: the forged event has no leaf in the stored tree.
        let forged = try WitnessedFacility()
        defer { forged.removeHome() }
        try forged.tamper(dropTriggers: false) { db in try Self.insertForged(at: 1_301, db) }
        let afterForgery = try forged.reopen().verifyIntegrity()
        #expect(afterForgery.chain.isIntact, "the chain check alone passes")
        #expect(!afterForgery.isIntact)
        #expect(afterForgery.failures.contains { $0.reason == .writtenOutsideBekal && $0.events == 1_301...1_301 },
                "\(afterForgery.failures)")

        // An interior node row of the stored tree deleted (the leaves untouched): proofs would refuse to run.
        let node = try WitnessedFacility()
        defer { node.removeHome() }
        try node.tamper(dropTriggers: false) { db in
            try db.execute(sql: "DELETE FROM ledger_tree_tile WHERE level = 1 AND tile = 0")
            #expect(db.changesCount == 1)
        }
        let afterNode = try node.reopen().verifyIntegrity()
        #expect(afterNode.chain.isIntact)
        #expect(afterNode.failures.map(\.reason) == [.writtenOutsideBekal], "\(afterNode.failures)")
        #expect(afterNode.failures.first?.message.hasPrefix("StoredNodesPolicy: ") == true)
        #expect(afterNode.failures.first?.events == 1...2, "node 0 of level 1 is above events 1 and 2")

        let evidence = try WitnessedFacility()
        defer { evidence.removeHome() }
        let store = try #require(evidence.scenario.ledger.evidence)
        try FileManager.default.removeItem(at: store.url(forSHA256: try #require(evidence.evidenceFiles.first).sha256))
        let afterEvidence = try evidence.reopen().verifyIntegrity()
        #expect(afterEvidence.chain.isIntact)
        #expect(afterEvidence.failures.map(\.reason) == [.evidenceMissing], "\(afterEvidence.failures)")
    }

    /// A forged training event with its chain hash computed, as an insider would write it.
    static func insertForged(at sequence: Int64, actor: String = "petugas-9", _ db: Database) throws {
        let template = try #require(try Row.fetchOne(db, sql: "SELECT * FROM ledger_event WHERE sequence = 10"))
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM ledger_event WHERE sequence = ?",
                                           arguments: [sequence - 1]) ?? EventDigest.genesis
        let payload = (template["payload"] as String).replacingOccurrences(of: "\"hours\":", with: "\"hours\":2")
        let columns = EventDigest.Columns(
            sequence: sequence, eventID: UUID().uuidString.lowercased(), type: template["type"],
            personID: template["person_id"], payload: payload, actor: actor,
            facilityCode: template["facility_code"], recordedAt: template["recorded_at"], naturalKey: nil,
            previousHash: previous)
        try db.execute(sql: """
            INSERT INTO ledger_event (sequence, event_id, type, person_id, payload, actor, facility_code, recorded_at,
                natural_key, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                columns.sequence, columns.eventID, columns.type, columns.personID, columns.payload, columns.actor,
                columns.facilityCode, columns.recordedAt, nil, previous, EventDigest.hash(columns),
            ])
    }
}
