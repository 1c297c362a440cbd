import BekalDomain
import BekalLog
import Crypto
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// The leaf entry of an event recomputed here, from the definition in docs/ledger.md and nothing of the store:
/// SHA-256 over each column (sequence as decimal text, event_id, type, person_id, payload, actor, facility_code,
/// recorded_at, natural_key) as an 8-byte big-endian UTF-8 length and the bytes, NULL as length 2^64 − 1.
enum IndependentLeaf {
    static func entries(_ db: Database) throws -> [[UInt8]] {
        try Row.fetchAll(db, sql: """
            SELECT sequence, event_id, type, person_id, payload, actor, facility_code, recorded_at, natural_key
            FROM ledger_event ORDER BY sequence
            """).map { row in
            var input: [UInt8] = []
            for index in 0..<9 {
                let value: DatabaseValue = row[index]
                if value.isNull {
                    input += [UInt8](repeating: 0xff, count: 8)
                    continue
                }
                let text = index == 0 ? String(row[0] as Int64) : (row[index] as String)
                withUnsafeBytes(of: UInt64(text.utf8.count).bigEndian) { input += $0 }
                input += Array(text.utf8)
            }
            return Array(SHA256.hash(data: input))
        }
    }

    /// RFC 9162 MTH over the entries, recursively, with SHA-256 straight from swift-crypto.
    static func root(_ entries: ArraySlice<[UInt8]>) -> [UInt8] {
        if entries.isEmpty { return Array(SHA256.hash(data: [UInt8]())) }
        if entries.count == 1 { return Array(SHA256.hash(data: [0x00] + entries.first!)) }
        var k = 1
        while k * 2 < entries.count { k *= 2 }
        let split = entries.startIndex + k
        return Array(SHA256.hash(data: [0x01] + root(entries[..<split]) + root(entries[split...])))
    }
}

/// A facility on disk with a few thousand events and two evidence files, whose checkpoint a witness holds:
/// the starting point of every attack test.
struct WitnessedFacility {
    static let origin = "bekal.example/lapas-uji"
    let scenario: Scenario
    let home: URL
    let facilityKey: Curve25519.Signing.PrivateKey
    let witness: Witness
    /// The checkpoint the witness holds (verified and cosigned).
    private(set) var held: Checkpoint
    /// The events of the assessments that name the two evidence files.
    let evidenceEvents: [Int64]
    let evidenceFiles: [Evidence]

    /// The same facility after the witness accepted a newer checkpoint.
    func holding(_ checkpoint: Checkpoint) -> WitnessedFacility {
        var copy = self
        copy.held = checkpoint
        return copy
    }

    /// - Parameter events: about how many events the checkpoint covers (at least 1,200).
    init(events: Int = 1_300) throws {
        scenario = try Scenario(onDisk: true)
        home = try #require(scenario.home)
        let store = try #require(scenario.ledger.evidence)
        let photo = try store.store(Data("batik cap, parang motif, front".utf8), mediaType: "image/jpeg", description: "front")
        let checklist = try store.store(Data("observation checklist, 12 of 12".utf8), mediaType: "text/plain",
                                        description: "checklist")
        evidenceFiles = [photo, checklist]
        var entries: [LedgerEntry] = []
        for i in 0..<(events - 5) {
            entries.append(LedgerEntry(scenario.training(
                hours: Double(1 + i % 6), date: LocalDate("2025-09-02")!.adding(days: i % 250).description)))
        }
        _ = try scenario.ledger.append(contentsOf: entries, actor: Scenario.actor, facilityCode: Scenario.facility.code,
                                       recordedAt: Scenario.now)
        var withEvidence: [Int64] = []
        for (index, evidence) in evidenceFiles.enumerated() {
            guard case .assessmentRecorded(var assessment) = scenario.assessment(unit: "SAMPLE.BTKCAP.00\(index + 1)")
            else { throw StoreError(.invalidInput, "not an assessment") }
            assessment.evidence = [evidence]
            withEvidence.append(try scenario.record(.assessmentRecorded(assessment)).sequence)
        }
        evidenceEvents = withEvidence
        facilityKey = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x11, count: 32))
        let signer = try Ed25519NoteSigner(name: Self.origin, key: facilityKey)
        witness = Witness(cosigner: try Cosigner(name: "bapas.example/witness", key: try Curve25519.Signing.PrivateKey(
            rawRepresentation: [UInt8](repeating: 0x22, count: 32))),
                          logs: [Self.origin: [signer.verifier]], state: InMemoryWitnessState())
        let note = try scenario.ledger.signedCheckpoint(origin: Self.origin, key: facilityKey)
        guard case .cosigned(let cosigned) = try witness.add(
            WitnessRequest(oldSize: 0, proof: [], checkpoint: note), now: Scenario.now)
        else { throw StoreError(.invalidInput, "the witness refused the first checkpoint") }
        held = cosigned.checkpoint
    }

    var size: Int64 { Int64(held.treeHead.size) }

    /// The ledger as reopened after an attack (a new process).
    func reopen() throws -> Ledger { try Ledger(home: home, logger: Logger(label: "test")) }

    /// What `bekal ledger verify --checkpoint` would do with the witness's checkpoint.
    func audit(_ checks: Set<AuditCheck> = Set(AuditCheck.allCases)) throws -> LedgerAudit {
        try reopen().audit(against: held.treeHead, checks: checks)
    }

    /// An insider with the file and the sqlite3 shell: a separate connection, triggers dropped.
    func tamper(dropTriggers: Bool = true, _ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: home.appendingPathComponent(Ledger.databaseFileName).path)
        try queue.writeWithoutTransaction { db in
            if dropTriggers {
                try db.execute(sql: "DROP TRIGGER ledger_event_no_update; DROP TRIGGER ledger_event_no_delete")
            }
            try db.inTransaction {
                try body(db)
                return .commit
            }
        }
        try queue.close()
    }

    /// Recomputes `prev_hash` and `hash` of every event, as the insider would after a change (the digest is
    /// public: it is in the source).
    static func rechain(_ db: Database) throws {
        var previous = EventDigest.genesis
        for row in try Row.fetchAll(db, sql: "SELECT * FROM ledger_event ORDER BY sequence") {
            let columns = EventDigest.Columns(
                sequence: row["sequence"], eventID: row["event_id"], type: row["type"], personID: row["person_id"],
                payload: row["payload"], actor: row["actor"], facilityCode: row["facility_code"],
                recordedAt: row["recorded_at"], naturalKey: row["natural_key"], previousHash: previous)
            let hash = EventDigest.hash(columns)
            try db.execute(sql: "UPDATE ledger_event SET prev_hash = ?, hash = ? WHERE sequence = ?",
                           arguments: [previous, hash, columns.sequence])
            previous = hash
        }
    }

    /// Moves events from `sequence` on one place up (to make room for an insert), or down (after a delete).
    static func shift(from sequence: Int64, by offset: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE ledger_event SET sequence = -sequence WHERE sequence >= ?", arguments: [sequence])
        try db.execute(sql: "UPDATE ledger_event SET sequence = -sequence + ? WHERE sequence < 0", arguments: [offset])
    }

    func removeHome() { scenario.removeHome() }
}
