import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// The Data Integrity verification cases: every file in valid/ must verify, every file in invalid/ must be rejected,
/// by the check and with the failure named here (the reason follows from how the case was made, see SOURCE.txt).
@Suite("Data Integrity cases (di-cases)")
struct DICasesTests {
    static let valid: [String] = [
        "valid/selfmade_clr_jcs.json", "valid/selfmade_clr_rdfc.json", "valid/selfmade_ob3_jcs.json",
        "valid/selfmade_ob3_jcs_no_proof_context.json", "valid/selfmade_ob3_rdfc.json", "valid/w3c_signedDataInt.json",
        "valid/w3c_signedJCS.json", "valid/w3c_signedProofChain2.json", "valid/w3c_signedProofSet2.json",
    ]

    /// Invalid case → (the check that fails, a word its detail must contain).
    static let invalid: [String: (check: String, reason: String)] = [
        // A 10-node blank-node clique: RDFC-1.0's N-degree hash work limit stops it.
        "invalid/poison_clique_rdfc.json": ("proof", "canonicalization-limit"),
        "invalid/selfmade_clr_jcs_embedded_1char.json": ("proof", "signature-mismatch"),
        "invalid/selfmade_clr_jcs_embedded_proofValue_1char.json": ("proof", "signature-mismatch"),
        "invalid/selfmade_clr_rdfc_embedded_1char.json": ("proof", "signature-mismatch"),
        "invalid/selfmade_clr_rdfc_embedded_proofValue_1char.json": ("proof", "signature-mismatch"),
        "invalid/selfmade_clr_rdfc_embedded_proof_removed.json": ("proof", "no proof"),
        "invalid/selfmade_ob3_jcs_1char.json": ("proof", "signature-mismatch"),
        "invalid/selfmade_ob3_jcs_context_reordered.json": ("proof", "context-mismatch"),
        "invalid/selfmade_ob3_jcs_issuer_not_signer.json": ("issuer-trust", ""),
        // Signed in plain mode with credentialSchema's type dropped; safe mode refuses to verify what it drops.
        "invalid/selfmade_ob3_rdfc_undefined_type_unsafe_signed.json": ("proof", "undefined-term"),
        "invalid/w3c_signedDataInt_1char.json": ("proof", "signature-mismatch"),
        "invalid/w3c_signedDataInt_dropped_member.json": ("proof", "undefined-term"),
        "invalid/w3c_signedDataInt_other_cryptosuite.json": ("proof", "unsupported-cryptosuite"),
        "invalid/w3c_signedDataInt_unbundled_context.json": ("proof", "unknown-context"),
        "invalid/w3c_signedEdSig_Ed25519Signature2020.json": ("proof", "unsupported-proof-type"),
        "invalid/w3c_signedJCS_1char.json": ("proof", "signature-mismatch"),
        "invalid/w3c_signedJCS_duplicate_member.json": ("well-formed", ""),
        "invalid/w3c_signedProofChain2_previous_removed.json": ("proof", "previous-proof-missing"),
        "invalid/w3c_signedProofSet2_1char.json": ("proof", "signature-mismatch"),
        "invalid/w3c_signedProofSet2_second_proof_altered.json": ("proof", "signature-mismatch"),
        "invalid/w3c_unsigned.json": ("proof", "no proof"),
    ]

    /// The W3C test keys: the vc-di-eddsa key pair and proof-set-chain keyPair1/keyPair2.
    static let w3cKey = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    /// The keys the W3C proof-set-chain vectors (signedProofSet2, signedProofChain2) sign with for issuer 5678.
    static let proofSetChainKeys = [
        "did:key:z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7", "did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E",
        "did:key:z6MkmEq87wkHCYnWnNZkigeDMGTN7oUw1upkhzd77KuXERS1", "did:key:z6Mkm1S51iPHJvDEkJ9MRtxJmT8Pqo6wHipAFwBAjN83vntT",
    ]
    static func context() throws -> VerificationContext {
        let list = TrustList(issuers: [
            .init(id: "https://vc.example/issuers/5678", keys: [
                KeyValidity(didKey: try DIDKey(w3cKey), validFrom: Timestamp.parse("2020-01-01T00:00:00Z")!, validUntil: nil)
            ] + (try proofSetChainKeys.map { KeyValidity(didKey: try DIDKey($0), validFrom: Timestamp.parse("2020-01-01T00:00:00Z")!, validUntil: nil) }))
        ])
        return VerificationContext(
            at: Timestamp.parse("2026-06-01T00:00:00Z")!,
            trust: TrustAnchors(
                selfSigningIssuers: [w3cKey, "did:key:z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7",
                                     "did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E"],
                trustList: list))
    }

    @Test("every case file is run: 9 valid, 21 invalid")
    func inventory() throws {
        var all: Set<String> = []
        for folder in ["valid", "invalid"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: try Fixture.url("di-cases/\(folder)").path) {
                all.insert("\(folder)/\(name)")
            }
        }
        #expect(all.count == 30)
        #expect(all == Set(Self.valid).union(Self.invalid.keys))
    }

    @Test("valid/ verifies, with both cryptosuites in the standard registry", arguments: valid)
    func validCase(_ name: String) throws {
        let verification = CredentialVerifier().verify(bytes: try Fixture.bytes("di-cases/\(name)"), context: try Self.context())
        #expect(verification.result.isValid, "\(verification.checks.filter { $0.status == .failed })")
        #expect(verification.checks.contains { $0.check == "proof" && $0.status == .passed })
    }

    @Test("invalid/ is rejected by the named check with the named reason", arguments: invalid.keys.sorted())
    func invalidCase(_ name: String) throws {
        let expected = try #require(Self.invalid[name])
        let verification = CredentialVerifier().verify(bytes: try Fixture.bytes("di-cases/\(name)"), context: try Self.context())
        guard case .invalid(let failures) = verification.result else {
            Issue.record("\(name) was accepted")
            return
        }
        #expect(failures.allSatisfy { !$0.check.isEmpty && !$0.message.isEmpty })
        #expect(
            failures.contains { $0.check == expected.check && (expected.reason.isEmpty || $0.message.contains(expected.reason)) },
            "\(failures.map { "\($0.check) \($0.subject): \($0.message)" })")
    }

    @Test("the CLR cases mix suites: eddsa-rdfc-2022 and eddsa-jcs-2022 proofs verify side by side")
    func mixedSuites() throws {
        let verification = CredentialVerifier().verify(
            bytes: try Fixture.bytes("di-cases/valid/selfmade_clr_rdfc.json"), context: try Self.context())
        let proofs = verification.checks.filter { $0.check == "proof" && $0.status == .passed }.map(\.detail)
        #expect(proofs.contains { $0.contains("eddsa-rdfc-2022") })
        #expect(proofs.contains { $0.contains("eddsa-jcs-2022") })
    }

    @Test("without eddsa-rdfc-2022 in the registry the rdfc case is rejected as unsupported, not accepted")
    func registryMatters() throws {
        let verifier = CredentialVerifier(registry: CryptosuiteRegistry([EddsaJcs2022()]))
        let verification = verifier.verify(bytes: try Fixture.bytes("di-cases/valid/w3c_signedDataInt.json"), context: try Self.context())
        #expect(!verification.result.isValid)
        #expect(verification.checks.contains { $0.check == "proof" && $0.detail.contains("unsupported-cryptosuite") })
    }

    @Test("signedJCS.json is VALID with a trust list binding its key to its issuer and INVALID without it")
    func signedJCSTrust() throws {
        let bytes = try Fixture.bytes("vc-di-eddsa/eddsa-jcs-2022/signedJCS.json")
        let context = try Self.context()
        #expect(CredentialVerifier().verify(bytes: bytes, context: context).result.isValid)
        var onlyDID = context
        onlyDID.trust = TrustAnchors(selfSigningIssuers: [Self.w3cKey])
        let without = CredentialVerifier().verify(bytes: bytes, context: onlyDID)
        #expect(!without.result.isValid)
        #expect(without.checks.contains { $0.check == "issuer-trust" && $0.status == .failed })
        #expect(without.checks.contains { $0.check == "proof" && $0.status == .passed })
    }

    @Test("the duplicate-member case is rejected by the strict parser before any signature is checked")
    func duplicateMember() throws {
        let verification = CredentialVerifier().verify(
            bytes: try Fixture.bytes("di-cases/invalid/w3c_signedJCS_duplicate_member.json"), context: try Self.context())
        #expect(verification.checks.map(\.check) == ["well-formed"])
    }
}
