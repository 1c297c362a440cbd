import Crypto
import Foundation
import Testing

@testable import BekalLog

@Suite("C2SP tlog-checkpoint bodies and their signatures")
struct CheckpointTests {
    static let origin = "bekal.example/lapas-uji"
    static let root = MerkleHashing.leafHash([1, 2, 3])

    static func signer() throws -> Ed25519NoteSigner { try Ed25519NoteSigner(name: origin, key: try TestKeys.key(1)) }

    @Test("a checkpoint prints as origin, size and base64 root lines and parses back")
    func roundTrip() throws {
        let checkpoint = try Checkpoint(origin: Self.origin, treeHead: TreeHead(size: 5122, root: Self.root))
        #expect(checkpoint.text == "\(Self.origin)\n5122\n\(Self.root.base64)\n")
        #expect(try Checkpoint(parsing: checkpoint.text) == checkpoint)
        let extended = "\(Self.origin)\n0\n\(MerkleHashing.emptyRoot.base64)\nextension one\nanother\n"
        let parsed = try Checkpoint(parsing: extended)
        #expect(parsed.extensions == ["extension one", "another"])
        #expect(parsed.treeHead == TreeHead(size: 0, root: MerkleHashing.emptyRoot))
        #expect(parsed.text == extended)
    }

    @Test("malformed checkpoint bodies are refused, each naming its line")
    func malformed() throws {
        let root = Self.root.base64
        let cases: [(String, String)] = [
            ("\(Self.origin)\n12\n\(root)", "does not end in a newline"),
            ("\(Self.origin)\n12\n", "at least 3 lines"),
            ("\n12\n\(root)\n", "line 1: the origin is empty"),
            ("\(Self.origin)\n\n\(root)\n", "line 2: the tree size is empty"),
            ("\(Self.origin)\n012\n\(root)\n", "line 2: the tree size has a leading zero"),
            ("\(Self.origin)\n+12\n\(root)\n", "line 2: the tree size is not a decimal number"),
            ("\(Self.origin)\n-1\n\(root)\n", "line 2: the tree size is not a decimal number"),
            ("\(Self.origin)\n1 2\n\(root)\n", "line 2: the tree size is not a decimal number"),
            ("\(Self.origin)\n١٢\n\(root)\n", "line 2: the tree size is not a decimal number"),
            ("\(Self.origin)\n9223372036854775808\n\(root)\n", "line 2: the tree size is larger than 2^63 - 1"),
            ("\(Self.origin)\n99999999999999999999\n\(root)\n", "line 2: the tree size is larger than 2^63 - 1"),
            ("\(Self.origin)\n12\n\n", "line 3: the root is empty"),
            ("\(Self.origin)\n12\n\(root.dropLast())\n", "line 3: the root is not canonical base64 of 32 bytes"),
            ("\(Self.origin)\n12\nZG9uJ3QgY2FyZSAx\n", "line 3: the root is not canonical base64 of 32 bytes"),
            ("\(Self.origin)\n12\n\(root) \n", "line 3: the root is not canonical base64 of 32 bytes"),
            ("\(Self.origin)\n12\n\(root)\n\n", "line 4: the extension line is empty"),
            ("\(Self.origin)\n12\n\(root)\nok\n\nmore\n", "line 5: the extension line is empty"),
            ("\(Self.origin)\t\n12\n\(root)\n", "line 1: the origin contains a control character"),
        ]
        for (text, message) in cases {
            do {
                _ = try Checkpoint(parsing: text)
                Issue.record("accepted: \(text.debugDescription)")
            } catch let error as LogError {
                #expect(error.code == .malformedCheckpoint)
                #expect(error.message.contains(message), "\(text.debugDescription): \(error.message)")
            }
        }
    }

    @Test("a signed checkpoint verifies against the log's key; another key, origin or a changed size does not")
    func verify() throws {
        let signer = try Self.signer()
        let checkpoint = try Checkpoint(origin: Self.origin, treeHead: TreeHead(size: 7, root: Self.root))
        let note = try checkpoint.signed(by: signer)
        let verifier = CheckpointVerifier(origin: Self.origin, logKeys: [signer.verifier])
        guard case .verified(let verified) = verifier.verify(try SignedNote(parsing: note.serialized)) else {
            Issue.record("a genuine checkpoint was rejected")
            return
        }
        #expect(verified.checkpoint == checkpoint)

        let stranger = try Ed25519NoteSigner(name: Self.origin, key: try TestKeys.key(2))
        guard case .rejected(let byStranger) = CheckpointVerifier(origin: Self.origin, logKeys: [stranger.verifier])
            .verify(note)
        else { Issue.record("verified with another key"); return }
        #expect(byStranger.reason == .signature)

        let other = try Ed25519NoteSigner(name: "bekal.example/other", key: try TestKeys.key(1))
        let otherNote = try Checkpoint(origin: "bekal.example/other", treeHead: checkpoint.treeHead).signed(by: other)
        guard case .rejected(let wrongOrigin) = CheckpointVerifier(origin: Self.origin, logKeys: [other.verifier])
            .verify(otherNote)
        else { Issue.record("verified another log's checkpoint"); return }
        #expect(wrongOrigin.reason == .wrongOrigin)

        let forged = note.serialized.replacingOccurrences(of: "\n7\n", with: "\n8\n")
        guard case .rejected(let changed) = verifier.verify(try SignedNote(parsing: forged)) else {
            Issue.record("a changed size verified")
            return
        }
        #expect(changed.reason == .signature)

        let notCheckpoint = try signer.signedNote(text: "\(Self.origin)\n07\n\(Self.root.base64)\n")
        guard case .rejected(let malformed) = verifier.verify(notCheckpoint) else {
            Issue.record("a signed non-checkpoint verified")
            return
        }
        #expect(malformed.reason == .malformed)
        #expect(throws: LogError(.malformedKey, "")) { try checkpoint.signed(by: other) }
    }

    @Test("a cosignature signs cosignature/v1, the time and the checkpoint, with a type 0x04 key ID")
    func cosignature() throws {
        let checkpoint = try Checkpoint(origin: Self.origin, treeHead: TreeHead(size: 7, root: Self.root))
        let cosigner = try Cosigner(name: "bapas.example/witness", key: try TestKeys.key(3))
        let signature = try cosigner.cosign(text: checkpoint.text, now: TestKeys.now)
        #expect(signature.keyID == NoteSignatureType.cosignatureV1.keyID(
            name: "bapas.example/witness", publicKey: Array(try TestKeys.key(3).publicKey.rawRepresentation)))
        #expect(CosignatureVerifier.timestamp(of: signature.signature) == 1_780_000_000)
        let message = Array("cosignature/v1\ntime 1780000000\n\(checkpoint.text)".utf8)
        #expect(try TestKeys.key(3).publicKey.isValidSignature(Array(signature.signature.dropFirst(8)), for: message))
        #expect(cosigner.verifier.verify(text: Array(checkpoint.text.utf8), signature: signature.signature))
        var otherTime = signature.signature
        otherTime[7] ^= 1
        #expect(!cosigner.verifier.verify(text: Array(checkpoint.text.utf8), signature: otherTime))
        var tooLate = signature.signature
        tooLate[0] = 0x80
        #expect(CosignatureVerifier.timestamp(of: tooLate) == nil)
        #expect(throws: LogError(.invalidArgument, "")) {
            try cosigner.cosign(text: checkpoint.text, now: Date(timeIntervalSince1970: -1))
        }
    }
}
