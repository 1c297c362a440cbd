import BekalDomain
import BekalLog
import Crypto
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// The ledger as a Merkle log: the stored tree follows every append path, its roots and proofs are RFC 9162's,
/// and existing ledgers get their tree from the migration.
@Suite("The ledger's Merkle log")
struct LedgerLogTests {
    /// Appends in batches that start and end inside, at, and across tile boundaries (64 nodes per tile row).
    func grownScenario() throws -> Scenario {
        let scenario = try Scenario()
        for batch in [1, 60, 1, 2, 64, 65, 127, 1, 300, 3, 1_500] {
            let entries = (0..<batch).map { i in
                LedgerEntry(scenario.training(hours: Double(1 + i % 5), date: "2026-01-\(String(format: "%02d", 1 + i % 28))"))
            }
            _ = try scenario.ledger.append(contentsOf: entries, actor: Scenario.actor,
                                           facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
            try scenario.record(scenario.training())
        }
        return scenario
    }

    @Test("the stored tree's root is the RFC 9162 root of the leaves recomputed independently, after every batch shape")
    func rootMatchesIndependentComputation() throws {
        let scenario = try grownScenario()
        let ledger = scenario.ledger
        let entries = try ledger.read { db in try IndependentLeaf.entries(db) }
        let head = try ledger.treeHead()
        #expect(head.size == UInt64(entries.count))
        #expect(entries.count > 2_000)
        #expect(head.root.bytes == IndependentLeaf.root(entries[...]))
        for size in [0, 1, 2, 63, 64, 65, 128, 129, 1_000, entries.count - 1] {
            #expect(try ledger.treeHead(size: Int64(size)).root.bytes == IndependentLeaf.root(entries[..<size]), "size \(size)")
        }
        #expect(try ledger.leafEntry(sequence: 5).bytes == entries[4])
    }

    @Test("inclusion and consistency proofs from the stored tree verify, and fail for another event or size")
    func proofs() throws {
        let ledger = try grownScenario().ledger
        let size = Int64(try ledger.treeHead().size)
        for (sequence, treeSize) in [(1, 1), (1, size), (size, size), (64, 64), (65, 129), (1_000, 1_777), (2, 3)] as [(Int64, Int64)] {
            let proof = try ledger.inclusionProof(sequence: sequence, treeSize: treeSize)
            let root = try ledger.treeHead(size: treeSize).root
            let leaf = MerkleHashing.leafHash(entry: try ledger.leafEntry(sequence: sequence))
            #expect(MerkleProof.verifyInclusion(
                leafHash: leaf, index: UInt64(sequence - 1), size: UInt64(treeSize), proof: proof, root: root).isValid)
            let other = MerkleHashing.leafHash(entry: try ledger.leafEntry(sequence: sequence == 1 ? 2 : 1))
            #expect(!MerkleProof.verifyInclusion(
                leafHash: other, index: UInt64(sequence - 1), size: UInt64(treeSize), proof: proof, root: root).isValid)
        }
        for (old, new) in [(1, 2), (3, 7), (64, 64), (64, 65), (100, 1_000), (1, size), (size - 1, size)] as [(Int64, Int64)] {
            let proof = try ledger.consistencyProof(from: old, to: new)
            let oldRoot = try ledger.treeHead(size: old).root, newRoot = try ledger.treeHead(size: new).root
            #expect(MerkleProof.verifyConsistency(
                oldSize: UInt64(old), newSize: UInt64(new), oldRoot: oldRoot, newRoot: newRoot, proof: proof).isValid)
            if old < new {
                #expect(!MerkleProof.verifyConsistency(
                    oldSize: UInt64(old), newSize: UInt64(new), oldRoot: newRoot, newRoot: newRoot, proof: proof).isValid)
            }
        }
        #expect(throws: StoreError(.invalidInput, "")) { try ledger.inclusionProof(sequence: 0, treeSize: 3) }
        #expect(throws: StoreError(.invalidInput, "")) { try ledger.inclusionProof(sequence: 4, treeSize: 3) }
        #expect(throws: StoreError(.invalidInput, "")) { try ledger.treeHead(size: size + 1) }
        #expect(throws: StoreError(.invalidInput, "")) { try ledger.consistencyProof(from: 0, to: 3) }
        #expect(throws: StoreError(.notFound, "")) { try ledger.leafEntry(sequence: size + 1) }
    }

    @Test("an event appended inside another transaction (the privacy budget spend) gets its leaf there too")
    func appendInTransaction() throws {
        let scenario = try Scenario()
        try scenario.ledger.writer.write { db in
            try Ledger.appendInTransaction(
                .facilityInitialized(Facility(code: "X", name: "Y")), actor: "system", facilityCode: "X",
                recordedAt: Scenario.now, db)
        }
        try scenario.record(scenario.training())
        let entries = try scenario.ledger.read { db in try IndependentLeaf.entries(db) }
        #expect(entries.count == 5)
        #expect(try scenario.ledger.treeHead().root.bytes == IndependentLeaf.root(entries[...]))
    }

    @Test("a signed checkpoint of the ledger verifies with the facility's key and carries the current tree head")
    func signedCheckpoint() throws {
        let scenario = try Scenario()
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 3, count: 32))
        let note = try scenario.ledger.signedCheckpoint(origin: "bekal.example/lapas-uji", key: key)
        let verifier = try Ed25519NoteSigner(name: "bekal.example/lapas-uji", key: key).verifier
        guard case .verified(let checkpoint) = CheckpointVerifier(origin: "bekal.example/lapas-uji", logKeys: [verifier])
            .verify(try SignedNote(parsing: note.serialized))
        else { Issue.record("the ledger's checkpoint did not verify"); return }
        #expect(checkpoint.checkpoint.treeHead == (try scenario.ledger.treeHead()))
        #expect(checkpoint.checkpoint.treeHead.size == 3)
        #expect(throws: LogError(.malformedKey, "")) { try scenario.ledger.signedCheckpoint(origin: "has space", key: key) }
    }

    @Test("an event written with SQL, outside Bekal, stops further appends until the tree is rebuilt")
    func outsideWriteStopsAppends() throws {
        let scenario = try Scenario()
        try scenario.ledger.writer.write { db in
            let head = try Row.fetchOne(db, sql: "SELECT * FROM ledger_event ORDER BY sequence DESC LIMIT 1")!
            try db.execute(sql: """
                INSERT INTO ledger_event (sequence, event_id, type, person_id, payload, actor, facility_code, recorded_at,
                    natural_key, prev_hash, hash)
                SELECT sequence + 1, 'forged-\(UUID().uuidString)', type, person_id, payload, actor, facility_code,
                    recorded_at, NULL, hash, hash FROM ledger_event WHERE sequence = ?
                """, arguments: [head["sequence"] as Int64])
        }
        #expect(throws: StoreError(.corrupted, "")) { try scenario.record(scenario.training()) }
        #expect(throws: StoreError(.corrupted, "")) { try scenario.ledger.treeHead() }
        #expect(try scenario.ledger.rebuildLogTree() == 4)
        try scenario.record(scenario.training())
        #expect(try scenario.ledger.treeHead().size == 5)
    }
}
