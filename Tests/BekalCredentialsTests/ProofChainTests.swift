@testable import BekalCredentials
import BekalJSON
import Foundation
import Testing

@Suite("Proof chains and random corruption")
struct ProofChainTests {
    let first = try! IssuerKey(seed: Array(repeating: 1, count: 32))
    let second = try! IssuerKey(seed: Array(repeating: 2, count: 32))

    func chained() throws -> JSONObject {
        let unsigned = try Fixture.object("vc-di-eddsa/unsigned.json")
        let one = try DataIntegrity.sign(unsigned, key: first, created: SamplePortfolio.now, id: "urn:uuid:p1")
        return try DataIntegrity.sign(one, key: second, created: SamplePortfolio.now, previousProof: ["urn:uuid:p1"])
    }

    @Test("a proof chained to an earlier proof verifies, with previousProof signed along")
    func chainVerifies() throws {
        let doc = try chained()
        let result = DataIntegrity.verifyProofs(in: doc)
        #expect(result.proofs.count == 2)
        #expect(result.allVerified)
        #expect(doc["proof"]?.arrayValue?[1]["previousProof"] == "urn:uuid:p1")
    }

    @Test("removing the proof a chain points at, or altering it, is rejected")
    func brokenChain() throws {
        let doc = try chained()
        let proofs = try #require(doc["proof"]?.arrayValue)
        var removed = doc
        removed["proof"] = .array([proofs[1]])
        if case .failed(let failure) = DataIntegrity.verifyProofs(in: removed).proofs[0].outcome {
            #expect(failure.code == "previous-proof-missing")
        } else { Issue.record("chain without its previous proof verified") }

        guard case .object(var p1) = proofs[0] else { Issue.record(); return }
        p1["created"] = "2020-01-01T00:00:00Z"
        var altered = doc
        altered["proof"] = .array([.object(p1), proofs[1]])
        let result = DataIntegrity.verifyProofs(in: altered)
        #expect(result.proofs.allSatisfy { $0.outcome != .verified })
    }

    @Test("a chain to an unknown proof id cannot be created")
    func unknownPrevious() throws {
        let unsigned = try Fixture.object("vc-di-eddsa/unsigned.json")
        #expect(throws: CredentialError(.proofMalformed, "")) {
            try DataIntegrity.sign(unsigned, key: first, created: SamplePortfolio.now, previousProof: ["urn:uuid:nope"])
        }
    }

    @Test("2,000 random byte corruptions of an export never crash and never verify unless the JSON is unchanged")
    func randomCorruption() throws {
        let original = AttackTests.small
        let bytes = JSONWriter.serialize(original)
        let canonical = try JCS.canonicalize(original)
        var random = SeededRandom(state: 2026)
        var valid = 0
        for _ in 0..<2000 {
            var copy = bytes
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                copy[Int.random(in: 0..<copy.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            let verification = CredentialVerifier().verify(
                bytes: copy, context: VerificationContext(at: SamplePortfolio.now.addingTimeInterval(60), trust: SamplePortfolio.trust()))
            if verification.result.isValid {
                valid += 1
                #expect(try JCS.canonicalize(try JSONParser.parse(copy)) == canonical)
            }
        }
        #expect(valid < 20)
    }
}
