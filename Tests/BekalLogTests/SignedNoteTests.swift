import Crypto
import Foundation
import Testing

@testable import BekalLog

/// C2SP signed-note against the example key and note of golang.org/x/mod/sumdb/note (the reference
/// implementation's own test data), and its malformed-note table.
@Suite("C2SP signed notes")
struct SignedNoteTests {
    static let peterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    /// The private key seed of `PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz`.
    static let peterSeed = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let enochKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    static let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterSignature =
        "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochSignature =
        "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"

    static func peterSigner() throws -> Ed25519NoteSigner {
        let seed = Array(try #require(Data(base64Encoded: peterSeed)).dropFirst())
        return try Ed25519NoteSigner(name: "PeterNeumann", key: try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
    }

    @Test("the reference verifier key parses, its key ID is SHA-256(name ‖ LF ‖ 0x01 ‖ key)[:4], and it prints back")
    func verifierKey() throws {
        let peter = try Ed25519NoteVerifier(verifierKey: Self.peterKey)
        #expect(peter.name == "PeterNeumann")
        #expect(peter.keyID == 0xc74f_20a3)
        #expect(peter.verifierKey == Self.peterKey)
        #expect(try Self.peterSigner().verifier.verifierKey == Self.peterKey)
    }

    @Test("mangled verifier keys are refused: every proper substring and every changed byte")
    func mangledVerifierKeys() throws {
        let bytes = Array(Self.peterKey.utf8)
        var refused = 0
        for i in 0...bytes.count {
            for j in (i + 1)..<(bytes.count + 1) where !(i == 0 && j == bytes.count) {
                #expect(throws: LogError.self) { try Ed25519NoteVerifier(verifierKey: String(decoding: bytes[i..<j], as: UTF8.self)) }
                refused += 1
            }
        }
        for i in bytes.indices {
            var changed = bytes
            changed[i] &+= 1
            #expect(throws: LogError.self) { try Ed25519NoteVerifier(verifierKey: String(decoding: changed, as: UTF8.self)) }
        }
        #expect(refused > 2000)
        // A cosignature key is not a checkpoint key, and the other way round.
        let cosigner = try Cosigner(name: "witness.example/w1", key: try TestKeys.key(9))
        #expect(throws: LogError(.malformedKey, "")) { try Ed25519NoteVerifier(verifierKey: cosigner.verifier.verifierKey) }
        #expect(throws: LogError(.malformedKey, "")) { try CosignatureVerifier(verifierKey: Self.peterKey) }
        #expect(try CosignatureVerifier(verifierKey: cosigner.verifier.verifierKey) == cosigner.verifier)
    }

    @Test("signing the reference text reproduces the reference note byte for byte (Ed25519 is deterministic)")
    func signReference() throws {
        let note = try Self.peterSigner().signedNote(text: Self.text)
        #expect(note.serialized == Self.text + "\n" + Self.peterSignature)
    }

    @Test("the reference note verifies; the unknown key's signature is ignored; a changed text is rejected")
    func openReference() throws {
        let peter = try Ed25519NoteVerifier(verifierKey: Self.peterKey)
        let enoch = try Ed25519NoteVerifier(verifierKey: Self.enochKey)
        let note = try SignedNote(parsing: Self.text + "\n" + Self.peterSignature + Self.enochSignature)
        #expect(note.text == Self.text)
        #expect(note.signatures.map(\.name) == ["PeterNeumann", "EnochRoot"])
        let one = try #require(note.verify(with: [peter]).verifiedNote)
        #expect(one.verifiedSignatures.map(\.name) == ["PeterNeumann"])
        let both = try #require(note.verify(with: [peter, enoch]).verifiedNote)
        #expect(both.verifiedSignatures.map(\.keyID) == [0xc74f_20a3, 0xaf0c_fe78])
        guard case .rejected(let none) = note.verify(with: []) else { Issue.record("verified with no keys"); return }
        #expect(none.reason == .noTrustedSignature)

        let changed = try SignedNote(parsing: Self.text.replacingOccurrences(of: "cryptography", with: "cryptographY")
            + "\n" + Self.peterSignature)
        guard case .rejected(let rejection) = changed.verify(with: [peter]) else { Issue.record("changed text verified"); return }
        #expect(rejection.reason == .invalidSignature)
        // A broken signature from a trusted key rejects the note even when another trusted key signed it.
        let sig = Self.peterSignature
        let broken = String(sig.prefix(60)) + "ABCD" + String(sig.dropFirst(60))
        let brokenNote = try SignedNote(parsing: Self.text + "\n" + broken + Self.enochSignature)
        guard case .rejected(let brokenRejection) = brokenNote.verify(with: [peter, enoch]) else {
            Issue.record("a note with a bad trusted signature verified")
            return
        }
        #expect(brokenRejection.reason == .invalidSignature)
        // Repeated signatures by one key count once.
        let repeated = try SignedNote(parsing: Self.text + "\n" + Self.peterSignature + Self.peterSignature)
        #expect(try #require(repeated.verify(with: [peter]).verifiedNote).verifiedSignatures.count == 1)
    }

    @Test("malformed notes are refused with malformedNote (the reference table and more)")
    func malformed() throws {
        let sig = Self.peterSignature
        let bad: [String] = [
            Self.text,
            Self.text + "\n",
            Self.text + "\n" + String(sig.dropLast()),
            "\u{01}" + Self.text + "\n" + sig,
            Self.text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            Self.text + "\n" + sig + "Unexpected line.\n",
            Self.text + "\n" + String(repeating: sig, count: 101),
            Self.text + "\n" + "— PeterNeumann\n",
            Self.text + "\n" + "— a+b x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            Self.text + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            Self.text + "\n" + "— PeterNeumann AAAA\n",
            Self.text + "\r\n" + sig,
        ]
        for message in bad {
            #expect(throws: LogError(.malformedNote, ""), "\(message.debugDescription)") { try SignedNote(parsing: message) }
        }
        #expect(throws: LogError(.malformedNote, "")) { try SignedNote(parsing: [0xff] + Array((Self.text + "\n" + sig).utf8)) }
        #expect(throws: LogError(.malformedNote, "")) { try SignedNote(text: "no newline", signatures: []) }
        // 100 signatures are still read (C2SP: at least 16 must be).
        #expect(try SignedNote(parsing: Self.text + "\n" + String(repeating: sig, count: 100)).signatures.count == 100)
    }

    @Test("the last blank line separates text and signatures, so a text may contain blank lines and end in one")
    func blankLines() throws {
        let signer = try Self.peterSigner()
        for text in ["a\n\nb\n", "a\n\n", "\n"] {
            let note = try signer.signedNote(text: text)
            let parsed = try SignedNote(parsing: note.serialized)
            #expect(parsed.text == text)
            #expect(parsed.verify(with: [signer.verifier]).verifiedNote != nil)
        }
    }
}
