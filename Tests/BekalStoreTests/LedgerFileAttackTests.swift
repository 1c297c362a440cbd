import BekalDomain
import BekalLog
import Foundation
import GRDB
import Testing
@testable import BekalStore

/// The attacks on files: the ledger replaced by an older copy, evidence swapped, deleted or replaced by a link,
/// and a rewrite that also rebuilt the stored tree, which the witness catches as a fork.
@Suite("Attacks on the ledger's files are detected and named")
struct LedgerFileAttackTests {
    @Test("the ledger file replaced by an older copy: the newer events are named missing; the witness sees a rollback")
    func olderCopy() throws {
        var facility = try WitnessedFacility()
        defer { facility.removeHome() }
        let file = facility.home.appendingPathComponent(Ledger.databaseFileName)
        let copy = facility.home.appendingPathComponent("copy.sqlite")
        try facility.scenario.ledger.writer.backup(to: try DatabaseQueue(path: copy.path))
        // The facility goes on: 40 more events, a new checkpoint the witness accepts with a consistency proof.
        for _ in 0..<40 { try facility.scenario.record(facility.scenario.training()) }
        let note = try facility.scenario.ledger.signedCheckpoint(origin: WitnessedFacility.origin, key: facility.facilityKey)
        let proof = try facility.scenario.ledger.consistencyProof(from: 1_300, to: 1_340)
        guard case .cosigned(let newer) = try facility.witness.add(
            WitnessRequest(oldSize: 1_300, proof: proof, checkpoint: note), now: Scenario.now)
        else { Issue.record("the witness refused consistent growth"); return }
        facility = facility.holding(newer.checkpoint)

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        try FileManager.default.moveItem(at: copy, to: file)
        let audit = try facility.audit()
        #expect(audit.failures.map(\.reason) == [.truncated], "\(audit.failures)")
        #expect(audit.failures.first?.events == 1_301...1_340)

        let rolledBack = try facility.reopen().signedCheckpoint(origin: WitnessedFacility.origin, key: facility.facilityKey)
        guard case .rollback(let evidence) = try facility.witness.add(
            WitnessRequest(oldSize: 1_340, proof: [], checkpoint: rolledBack), now: Scenario.now)
        else { Issue.record("the witness did not report the rollback"); return }
        #expect(evidence.held.checkpoint.treeHead.size == 1_340 && evidence.presented.checkpoint.treeHead.size == 1_300)
    }

    @Test("an edit that also rebuilt the stored tree: the audit still fails, and the witness reports a fork")
    func rewriteWithTreeRebuilt() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        try facility.tamper { db in
            try db.execute(sql: """
                UPDATE ledger_event SET payload = replace(payload, '"hours":', '"hours":2') WHERE sequence = 700
                """)
            try WitnessedFacility.rechain(db)
        }
        let ledger = try facility.reopen()
        try ledger.rebuildLogTree()
        let audit = try facility.audit([.coveredHistory, .storedTree])
        #expect(audit.failures.map(\.reason) == [.rewritten], "\(audit.failures)")
        #expect(audit.failures.first?.events == 1...1_300)

        let forked = try ledger.signedCheckpoint(origin: WitnessedFacility.origin, key: facility.facilityKey)
        guard case .fork(let evidence) = try facility.witness.add(
            WitnessRequest(oldSize: 1_300, proof: [], checkpoint: forked), now: Scenario.now)
        else { Issue.record("the witness did not report the fork"); return }
        #expect(evidence.held.checkpoint.treeHead.root != evidence.presented.checkpoint.treeHead.root)
    }

    @Test("an evidence file swapped for another's bytes, deleted, or replaced by a link: named by its event")
    func evidenceFiles() throws {
        let attacks: [(AuditFailure.Reason, (URL, URL, WitnessedFacility) throws -> Void)] = [
            (.evidenceAltered, { file, other, _ in
                try FileManager.default.removeItem(at: file)
                try FileManager.default.copyItem(at: other, to: file)
            }),
            (.evidenceMissing, { file, _, _ in try FileManager.default.removeItem(at: file) }),
            (.evidenceNotRegularFile, { file, _, facility in
                // The genuine bytes, kept elsewhere and linked: still refused, a link is not the store.
                let outside = facility.home.appendingPathComponent("kept-elsewhere")
                try FileManager.default.moveItem(at: file, to: outside)
                try FileManager.default.createSymbolicLink(at: file, withDestinationURL: outside)
            }),
        ]
        for (reason, attack) in attacks {
            let facility = try WitnessedFacility()
            defer { facility.removeHome() }
            let store = try #require(facility.scenario.ledger.evidence)
            let file = store.url(forSHA256: facility.evidenceFiles[0].sha256)
            let other = store.url(forSHA256: facility.evidenceFiles[1].sha256)
            #expect(FileManager.default.fileExists(atPath: file.path))
            try attack(file, other, facility)
            let audit = try facility.audit([.evidence])
            #expect(audit.failures.count == 1, "\(audit.failures)")
            #expect(audit.failures.first?.reason == reason)
            #expect(audit.failures.first?.events == facility.evidenceEvents[0]...facility.evidenceEvents[0])
        }
    }

    @Test("the evidence directory replaced by a link to a copy is refused too")
    func evidenceDirectoryLinked() throws {
        let facility = try WitnessedFacility()
        defer { facility.removeHome() }
        let store = try #require(facility.scenario.ledger.evidence)
        let copy = facility.home.appendingPathComponent("evidence-copy")
        try FileManager.default.copyItem(at: store.root, to: copy)
        try FileManager.default.removeItem(at: store.root)
        try FileManager.default.createSymbolicLink(at: store.root, withDestinationURL: copy)
        let audit = try facility.audit([.evidence])
        #expect(audit.failures.map(\.reason) == [.evidenceNotRegularFile, .evidenceNotRegularFile])
    }
}
