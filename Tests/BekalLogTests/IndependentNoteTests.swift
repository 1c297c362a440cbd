import Crypto
import Foundation
import Testing

@testable import BekalLog

/// Checkpoints and cosignatures Bekal writes, read by an independent implementation (Fixtures/c2sp_note.py: the
/// C2SP texts with PyPI `cryptography`), and the reverse.
@Suite("Checkpoints checked by an independent Python implementation")
struct IndependentNoteTests {
    static let origin = "bekal.example/lapas-uji"

    func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProcess("/usr/bin/env", ["python3", try Fixture.url("c2sp_note.py").path] + arguments)
    }

    @Test("a checkpoint Bekal signs and a witness cosigns verifies in Python; a changed one does not")
    func bekalToPython() throws {
        var memory = InMemoryMerkleTree()
        for i in 0..<1000 { memory.append(entry: [UInt8(i & 0xff), UInt8(i >> 8)]) }
        let head = TreeHead(size: 1000, root: try memory.tree.root(size: 1000))
        let signer = try Ed25519NoteSigner(name: Self.origin, key: try TestKeys.key(5))
        let cosigner = try Cosigner(name: "bapas.example/witness", key: try TestKeys.key(6))
        let note = try Checkpoint(origin: Self.origin, treeHead: head).signed(by: signer)
        let cosigned = note.adding(try cosigner.cosign(text: note.text, now: TestKeys.now))
        let directory = try temporaryDirectory("bekal-log-py")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("checkpoint")
        try Data(cosigned.serialized.utf8).write(to: file)

        let run = try python(["verify", file.path, signer.verifier.verifierKey, cosigner.verifier.verifierKey])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("checkpoint \(Self.origin) 1000 \(head.root.base64)"))
        #expect(run.output.contains("cosigned 1780000000"))

        try Data(cosigned.serialized.replacingOccurrences(of: "\n1000\n", with: "\n999\n").utf8).write(to: file)
        let changed = try python(["verify", file.path, signer.verifier.verifierKey])
        #expect(changed.status == 1)
        #expect(changed.output.contains("log signature does not verify"))
    }

    @Test("a checkpoint signed by Python verifies in Swift with the verifier key Python prints")
    func pythonToBekal() throws {
        let root = MerkleHashing.leafHash([9, 9, 9])
        let run = try python(["sign", String(repeating: "07", count: 32), Self.origin, "42", root.base64])
        #expect(run.status == 0, "\(run.output)")
        let parts = run.output.components(separatedBy: "vkey\n")
        try #require(parts.count == 2)
        let verifier = try Ed25519NoteVerifier(verifierKey: parts[1].trimmingCharacters(in: .newlines))
        #expect(verifier == (try Ed25519NoteSigner(name: Self.origin, key: try TestKeys.key(7)).verifier))
        let note = try SignedNote(parsing: parts[0])
        guard case .verified(let verified) = CheckpointVerifier(origin: Self.origin, logKeys: [verifier]).verify(note) else {
            Issue.record("the Python checkpoint did not verify")
            return
        }
        #expect(verified.checkpoint.treeHead == TreeHead(size: 42, root: root))
    }
}
