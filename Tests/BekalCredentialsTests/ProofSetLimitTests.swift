import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// A cryptosuite that counts the proofs it is asked to check, around the real one: the test seam that shows how
/// much work a verification did.
final class CountingSuite: Cryptosuite, @unchecked Sendable {
    let inner: any Cryptosuite
    private let lock = NSLock()
    private var checks = 0

    init(_ inner: any Cryptosuite) { self.inner = inner }

    var name: String { inner.name }
    var count: Int { lock.withLock { checks } }

    func createProof(document: JSONObject, options: JSONObject, key: IssuerKey) throws(CredentialError) -> JSONObject {
        try inner.createProof(document: document, options: options, key: key)
    }

    func verifyProof(document: JSONObject, proof: JSONObject, publicKey: DIDKey) -> ProofCheck {
        lock.withLock { checks += 1 }
        return inner.verifyProof(document: document, proof: proof, publicKey: publicKey)
    }
}

@Suite("Bounded proof sets and work")
struct ProofSetLimitTests {
    /// A verifier whose proof checks are counted.
    static func countingVerifier() -> (CredentialVerifier, CountingSuite, CountingSuite) {
        let rdfc = CountingSuite(EddsaRdfc2022())
        let jcs = CountingSuite(EddsaJcs2022())
        return (CredentialVerifier(registry: CryptosuiteRegistry([rdfc, jcs])), rdfc, jcs)
    }

    static func verify(_ verifier: CredentialVerifier, bytes: [UInt8]) -> CredentialVerification {
        verifier.verify(
            bytes: bytes,
            context: VerificationContext(at: SamplePortfolio.now.addingTimeInterval(3600), trust: SamplePortfolio.trust()))
    }

    @Test("22,401 copies of the genuine proof in an 8 MB export are refused (too-many-proofs) without checking one of them")
    func copiedProofs() throws {
        let export = try #require(try SamplePortfolio.export().credential.objectValue)
        let genuine = try #require(export["proof"]?.arrayValue?.first)
        var flooded = export
        flooded["proof"] = .array(Array(repeating: genuine, count: 22_401))
        let bytes = JSONWriter.serialize(.object(flooded))
        #expect(bytes.count > 8_000_000 && bytes.count < 9_000_000, "\(bytes.count) bytes")

        let (verifier, rdfc, jcs) = Self.countingVerifier()
        let verification = Self.verify(verifier, bytes: bytes)
        #expect(verification.result.verdict == .invalid)
        let failure = try #require(verification.result.failures.first { $0.credential.kind == .export && $0.check == "proof" })
        #expect(failure.code == .tooManyProofs)
        #expect(failure.message.contains("22401 proofs"))
        // Only the 25 embedded credentials' own proofs were checked; none of the 22,401.
        #expect(rdfc.count == 25)
        #expect(jcs.count == 0)
        #expect(verification.summary.invalidCause == .unreadable)
    }

    @Test("the per-document limit is 8: eight proofs are checked, nine are refused")
    func perDocumentLimit() throws {
        let unsigned = try Fixture.object("vc-di-eddsa/unsigned.json")
        var signed = unsigned
        signed["issuer"] = .string(SamplePortfolio.key.didKey.did)
        for second in 0..<9 {
            signed = try DataIntegrity.sign(signed, key: SamplePortfolio.key, created: SamplePortfolio.now.addingTimeInterval(Double(second)))
        }
        var eight = signed
        eight["proof"] = .array(Array(try #require(signed["proof"]?.arrayValue).prefix(8)))
        let (verifier, _, jcs) = Self.countingVerifier()
        #expect(Self.verify(verifier, bytes: JSONWriter.serialize(.object(eight))).result.verdict == .valid)
        #expect(jcs.count == 8)
        let nine = Self.verify(verifier, bytes: JSONWriter.serialize(.object(signed)))
        #expect(nine.result.failures.map(\.code).contains(.tooManyProofs))
        #expect(jcs.count == 8)
        #expect(VerificationLimits.standard.maxProofsPerDocument == 8)
    }

    @Test("an export embedding more credentials, or carrying more proofs in all, than the work limit is refused before any proof is checked")
    func workLimit() throws {
        let export = try #require(try SamplePortfolio.export(SamplePortfolio.make(units: 3)).credential.objectValue)
        let embedded = try #require(export["credentialSubject"]?["verifiableCredential"]?.arrayValue)
        func with(_ credentials: [JSONValue]) -> [UInt8] {
            var copy = export
            guard case .object(var subject)? = copy["credentialSubject"] else { return [] }
            subject["verifiableCredential"] = .array(credentials)
            copy["credentialSubject"] = .object(subject)
            return JSONWriter.serialize(.object(copy))
        }
        let (verifier, rdfc, _) = Self.countingVerifier()
        // 251 embedded credentials: over maxEmbeddedCredentials (250).
        let many = Self.verify(verifier, bytes: with((0..<251).map { embedded[$0 % embedded.count] }))
        #expect(many.result.failures.map(\.code) == [.workLimit])
        #expect(many.checks.count == 1)
        // 70 embedded credentials with 8 proofs each: 560 proof checks, over maxProofChecks (512).
        let eightProofs = (0..<70).map { index -> JSONValue in
            guard case .object(var credential) = embedded[index % embedded.count],
                let proof = credential["proof"]?.arrayValue?.first
            else { return .null }
            credential["proof"] = .array(Array(repeating: proof, count: 8))
            return .object(credential)
        }
        let heavy = Self.verify(verifier, bytes: with(eightProofs))
        #expect(heavy.result.failures.map(\.code) == [.workLimit])
        #expect(heavy.result.failures.first?.message.contains("561 proofs") == true)
        #expect(rdfc.count == 0)
    }
}
