import Crypto
import Foundation
import Testing

@testable import BekalLog

@Suite("The witness: consistent growth is cosigned, rollbacks and forks are reported with evidence")
struct WitnessTests {
    static let origin = "bekal.example/lapas-uji"

    /// A log that grows by appending entries, signing checkpoints with a fixed key.
    struct Log {
        var tree = InMemoryMerkleTree()
        let signer: Ed25519NoteSigner

        init(prefix: Int = 0, marker: UInt8 = 0) throws {
            signer = try Ed25519NoteSigner(name: WitnessTests.origin, key: try TestKeys.key(1))
            append(prefix, marker: marker)
        }

        mutating func append(_ count: Int, marker: UInt8 = 0) {
            for _ in 0..<count {
                let i = tree.size
                tree.append(entry: [UInt8(i & 0xff), UInt8((i >> 8) & 0xff), marker])
            }
        }

        func checkpoint(_ size: UInt64? = nil) throws -> SignedNote {
            let size = size ?? tree.size
            return try Checkpoint(origin: WitnessTests.origin, treeHead: TreeHead(size: size, root: try tree.tree.root(size: size)))
                .signed(by: signer)
        }

        func request(from old: UInt64, to new: UInt64? = nil) throws -> WitnessRequest {
            let new = new ?? tree.size
            let proof = old == 0 || old == new ? [] : try tree.tree.consistencyProof(from: old, to: new)
            return WitnessRequest(oldSize: old, proof: proof, checkpoint: try checkpoint(new))
        }
    }

    static func witness(_ state: any WitnessStateStore = InMemoryWitnessState()) throws -> Witness {
        let log = try Log()
        return Witness(cosigner: try Cosigner(name: "bapas.example/witness", key: try TestKeys.key(2)),
                       logs: [origin: [log.signer.verifier]], state: state)
    }

    func cosigned(_ outcome: WitnessOutcome) throws -> CosignedCheckpoint {
        guard case .cosigned(let cosigned) = outcome else {
            Issue.record("expected a cosignature, got \(outcome)")
            throw LogError(.invalidArgument, "not cosigned")
        }
        return cosigned
    }

    @Test("the first checkpoint is taken on trust; growth with a valid proof is cosigned and becomes the held one")
    func consistentGrowth() throws {
        let witness = try Self.witness()
        var log = try Log(prefix: 10)
        let first = try cosigned(try witness.add(try log.request(from: 0), now: TestKeys.now))
        #expect(first.checkpoint.treeHead.size == 10)
        log.append(17)
        let second = try cosigned(try witness.add(try log.request(from: 10), now: TestKeys.now.addingTimeInterval(60)))
        #expect(second.checkpoint.treeHead.size == 27)
        #expect(try witness.state.latest(origin: Self.origin)?.text == second.note.text)
        // The cosigned note verifies for anyone trusting both the log key and the witness key.
        let verified = try #require(second.note.verify(with: [log.signer.verifier, witness.cosigner.verifier]).verifiedNote)
        #expect(verified.verifiedSignatures.count == 2)
        #expect(CosignatureVerifier.timestamp(of: second.cosignature.signature) == 1_780_000_060)
        // The same checkpoint again is cosigned again and changes nothing.
        _ = try cosigned(try witness.add(try log.request(from: 27), now: TestKeys.now))
        #expect(try witness.state.latest(origin: Self.origin)?.text == second.note.text)
    }

    @Test("a larger tree that rewrote held history is a fork, with both signed checkpoints as evidence")
    func inconsistentGrowth() throws {
        let witness = try Self.witness()
        let honest = try Log(prefix: 20)
        _ = try cosigned(try witness.add(try honest.request(from: 0), now: TestKeys.now))
        // Same key, history rewritten from entry 12 on, then grown: no valid proof from 20 can exist.
        var forked = try Log(prefix: 12)
        forked.append(18, marker: 1)
        let honestProofShape = try forked.request(from: 20)
        guard case .fork(let evidence) = try witness.add(honestProofShape, now: TestKeys.now) else {
            Issue.record("an inconsistent checkpoint was not reported as a fork")
            return
        }
        #expect(evidence.held.checkpoint.treeHead.size == 20)
        #expect(evidence.presented.checkpoint.treeHead.size == 30)
        #expect(evidence.held.note.verify(with: [honest.signer.verifier]).verifiedNote != nil)
        #expect(evidence.presented.note.verify(with: [honest.signer.verifier]).verifiedNote != nil)
        #expect(evidence.message.contains("not an extension"))
        #expect(try witness.state.latest(origin: Self.origin).map { try Checkpoint(parsing: $0.text).treeHead.size } == 20)
    }

    @Test("a smaller tree is a rollback and the same size with another root is a fork, both with evidence")
    func rollbackAndFork() throws {
        let witness = try Self.witness()
        let log = try Log(prefix: 50)
        _ = try cosigned(try witness.add(try log.request(from: 0), now: TestKeys.now))
        guard case .rollback(let rollback) = try witness.add(try log.request(from: 0, to: 40), now: TestKeys.now) else {
            Issue.record("a smaller checkpoint was not reported as a rollback")
            return
        }
        #expect(rollback.held.checkpoint.treeHead.size == 50)
        #expect(rollback.presented.checkpoint.treeHead.size == 40)

        var other = try Log(prefix: 49)
        other.append(1, marker: 7)
        guard case .fork(let fork) = try witness.add(try other.request(from: 50), now: TestKeys.now) else {
            Issue.record("a second root for size 50 was not reported as a fork")
            return
        }
        #expect(fork.held.checkpoint.treeHead.root != fork.presented.checkpoint.treeHead.root)
        #expect(fork.held.checkpoint.treeHead.size == fork.presented.checkpoint.treeHead.size)
    }

    @Test("requests that say nothing against the log are refused and change nothing")
    func refusals() throws {
        let witness = try Self.witness()
        var log = try Log(prefix: 8)
        func reason(_ outcome: WitnessOutcome) -> WitnessRefusal? {
            if case .refused(let refusal) = outcome { refusal } else { nil }
        }
        // A proof from a size the witness does not hold: 409 with the held size.
        #expect(reason(try witness.add(try log.request(from: 4), now: TestKeys.now))?.heldSize == 0)
        _ = try cosigned(try witness.add(try log.request(from: 0), now: TestKeys.now))
        log.append(8)
        let conflict = reason(try witness.add(try log.request(from: 4), now: TestKeys.now))
        #expect(conflict?.reason == .conflict && conflict?.heldSize == 8)
        // Old size above the new size.
        var bad = try log.request(from: 8)
        bad.oldSize = 99
        #expect(reason(try witness.add(bad, now: TestKeys.now))?.reason == .badRequest)
        // Unknown log, and a checkpoint signed by another key.
        let strangerSigner = try Ed25519NoteSigner(name: "bekal.example/elsewhere", key: try TestKeys.key(1))
        let stranger = try Checkpoint(origin: "bekal.example/elsewhere", treeHead: TreeHead(size: 1, root: MerkleHashing.emptyRoot))
            .signed(by: strangerSigner)
        #expect(reason(try witness.add(WitnessRequest(oldSize: 0, proof: [], checkpoint: stranger), now: TestKeys.now))?
            .reason == .unknownLog)
        let impostor = try Ed25519NoteSigner(name: Self.origin, key: try TestKeys.key(4))
        let forged = try Checkpoint(origin: Self.origin, treeHead: TreeHead(size: 100, root: MerkleHashing.emptyRoot))
            .signed(by: impostor)
        #expect(reason(try witness.add(WitnessRequest(oldSize: 8, proof: [], checkpoint: forged), now: TestKeys.now))?
            .reason == .notSignedByLog)
        #expect(try witness.state.latest(origin: Self.origin).map { try Checkpoint(parsing: $0.text).treeHead.size } == 8)
    }

    @Test("the file-backed state survives a reopen, is mode 0600, and is refused when others can access it")
    func fileState() throws {
        let directory = try temporaryDirectory("bekal-witness")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("witness-state.json")
        var log = try Log(prefix: 5)
        _ = try cosigned(try Self.witness(FileWitnessState(file: file)).add(try log.request(from: 0), now: TestKeys.now))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A new witness process: the held checkpoint comes back from the file, so a rollback is still caught.
        let reopened = try Self.witness(FileWitnessState(file: file))
        #expect(try reopened.state.latest(origin: Self.origin).map { try Checkpoint(parsing: $0.text).treeHead.size } == 5)
        log.append(3)
        _ = try cosigned(try reopened.add(try log.request(from: 5), now: TestKeys.now))
        guard case .rollback = try Self.witness(FileWitnessState(file: file)).add(try log.request(from: 0, to: 6), now: TestKeys.now)
        else { Issue.record("a rollback after reopen was not reported"); return }

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(throws: LogError(.permission, "")) { try FileWitnessState(file: file).latest(origin: Self.origin) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try Data("not json".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(throws: LogError(.stateFile, "")) { try FileWitnessState(file: file).latest(origin: Self.origin) }
    }

    @Test("a tlog-witness add-checkpoint body round-trips, and malformed bodies are refused")
    func requestBody() throws {
        var log = try Log(prefix: 6)
        log.append(5)
        let request = try log.request(from: 6)
        #expect(request.body.hasPrefix("old 6\n"))
        #expect(try WitnessRequest(parsing: request.body) == request)
        let note = try log.checkpoint().serialized
        for body in ["old 06\n\n" + note, "old x\n\n" + note, "6\n\n" + note, "old 6\nnot-a-hash\n\n" + note, "old 6\n"] {
            #expect(throws: LogError(.malformedRequest, ""), "\(body.debugDescription)") { try WitnessRequest(parsing: body) }
        }
        let tooLong = "old 6\n" + String(repeating: MerkleHashing.emptyRoot.base64 + "\n", count: 64) + "\n" + note
        #expect(throws: LogError(.malformedRequest, "")) { try WitnessRequest(parsing: tooLong) }
    }
}
