import BekalCredentials
import BekalJSON
import Testing

@Suite("eddsa-jcs-2022 reproduces the W3C vectors")
struct EddsaJcs2022VectorTests {
    let dir = "vc-di-eddsa/eddsa-jcs-2022/"

    func w3cKey() throws -> IssuerKey {
        let pair = try Fixture.json("vc-di-eddsa/keyPair.json")
        let privateKey = try #require(pair["privateKeyMultibase"]?.stringValue)
        return try IssuerKey(privateKeyMultibase: privateKey)
    }

    @Test("canonical forms, both hashes, combined hash, signature and proofValue match byte for byte")
    func intermediates() throws {
        let unsigned = try Fixture.object("vc-di-eddsa/unsigned.json")
        var config = try Fixture.object(dir + "proofConfigJCS.json")
        config["@context"] = unsigned["@context"]
        let hash = try EddsaJcs2022.hashData(document: unsigned, proofConfig: config)
        #expect(String(decoding: hash.canonicalDocument, as: UTF8.self) == (try Fixture.text(dir + "canonDocJCS.txt")))
        #expect(String(decoding: hash.canonicalProofConfig, as: UTF8.self) == (try Fixture.text(dir + "proofCanonJCS.txt")))
        #expect(Hex.encode(hash.documentHash) == (try Fixture.text(dir + "docHashJCS.txt")))
        #expect(Hex.encode(hash.proofConfigHash) == (try Fixture.text(dir + "proofHashJCS.txt")))
        #expect(Hex.encode(hash.combined) == (try Fixture.text(dir + "combinedHashJCS.txt")))
        let signature = try w3cKey().sign(hash.combined)
        #expect(Hex.encode(signature) == (try Fixture.text(dir + "sigHexJCS.txt")))
        #expect(Multibase.encodeBase58(signature) == (try Fixture.text(dir + "sigBTC58JCS.txt")))
    }

    @Test("signing the unsigned credential yields signedJCS.json exactly")
    func createMatchesSigned() throws {
        let unsigned = try Fixture.object("vc-di-eddsa/unsigned.json")
        let signed = try Fixture.object(dir + "signedJCS.json")
        let created = try #require(Timestamp.parse("2023-02-24T23:36:38Z"))
        let ours = try DataIntegrity.sign(unsigned, key: try w3cKey(), created: created)
        #expect(try JCS.canonicalize(.object(ours)) == (try JCS.canonicalize(.object(signed))))
    }

    @Test("signedJCS.json verifies, and fails once any byte of the document changes")
    func verifySigned() throws {
        var signed = try Fixture.object(dir + "signedJCS.json")
        #expect(DataIntegrity.verifyProofs(in: signed).allVerified)
        signed["name"] = "Alumni Credentiak"
        let result = DataIntegrity.verifyProofs(in: signed)
        #expect(!result.allVerified)
        #expect(result.proofs.first?.outcome == .failed(.signatureMismatch))
    }

    @Test("a document whose @context no longer starts with the proof's @context is rejected")
    func contextRule() throws {
        var signed = try Fixture.object(dir + "signedJCS.json")
        signed["@context"] = ["https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2"]
        #expect(DataIntegrity.verifyProofs(in: signed).proofs.first?.outcome == .failed(.contextMismatch))
    }

    @Test("a second signature makes a proof set in which every proof verifies")
    func proofSet() throws {
        let signed = try Fixture.object(dir + "signedJCS.json")
        let second = try IssuerKey(seed: Array(repeating: 3, count: 32))
        let both = try DataIntegrity.sign(signed, key: second, created: SamplePortfolio.now)
        let result = DataIntegrity.verifyProofs(in: both)
        #expect(result.proofs.count == 2)
        #expect(result.allVerified)
        // Altering the second proof's created breaks only that one.
        guard case .array(var proofs)? = both["proof"], case .object(var p2) = proofs[1] else { Issue.record(); return }
        p2["created"] = "2026-11-20T09:00:01Z"
        proofs[1] = .object(p2)
        var altered = both
        altered["proof"] = .array(proofs)
        let again = DataIntegrity.verifyProofs(in: altered)
        #expect(again.proofs[0].outcome == .verified)
        #expect(again.proofs[1].outcome == .failed(.signatureMismatch))
    }
}
