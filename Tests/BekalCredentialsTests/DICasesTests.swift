import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// The Data Integrity verification cases: valid/ must verify, invalid/ must be rejected. Cases that need
/// `eddsa-rdfc-2022` are skipped until that cryptosuite lands (branch linkeddata) and are listed here by name.
@Suite("Data Integrity cases (di-cases)")
struct DICasesTests {
    static let rdfcDependent: Set<String> = [
        "valid/selfmade_clr_jcs.json", "valid/selfmade_clr_rdfc.json", "valid/selfmade_ob3_rdfc.json",
        "valid/w3c_signedDataInt.json", "valid/w3c_signedProofChain2.json", "valid/w3c_signedProofSet2.json",
        "invalid/poison_clique_rdfc.json", "invalid/selfmade_clr_jcs_embedded_1char.json",
        "invalid/selfmade_clr_jcs_embedded_proofValue_1char.json", "invalid/selfmade_clr_rdfc_embedded_1char.json",
        "invalid/selfmade_clr_rdfc_embedded_proofValue_1char.json", "invalid/selfmade_clr_rdfc_embedded_proof_removed.json",
        "invalid/selfmade_ob3_rdfc_undefined_type_unsafe_signed.json", "invalid/w3c_signedDataInt_1char.json",
        "invalid/w3c_signedDataInt_dropped_member.json", "invalid/w3c_signedDataInt_unbundled_context.json",
        "invalid/w3c_signedProofChain2_previous_removed.json", "invalid/w3c_signedProofSet2_1char.json",
        "invalid/w3c_signedProofSet2_second_proof_altered.json",
    ]

    static let jcsCases: [String] = [
        "valid/selfmade_ob3_jcs.json", "valid/selfmade_ob3_jcs_no_proof_context.json", "valid/w3c_signedJCS.json",
        "invalid/selfmade_ob3_jcs_1char.json", "invalid/selfmade_ob3_jcs_context_reordered.json",
        "invalid/selfmade_ob3_jcs_issuer_not_signer.json", "invalid/w3c_signedDataInt_other_cryptosuite.json",
        "invalid/w3c_signedEdSig_Ed25519Signature2020.json", "invalid/w3c_signedJCS_1char.json",
        "invalid/w3c_signedJCS_duplicate_member.json", "invalid/w3c_unsigned.json",
    ]

    /// The W3C test keys: the vc-di-eddsa key pair and proof-set-chain keyPair1/keyPair2.
    static let w3cKey = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    static func context() throws -> VerificationContext {
        let list = TrustList(issuers: [
            .init(id: "https://vc.example/issuers/5678", keys: [
                KeyValidity(didKey: try DIDKey(w3cKey), validFrom: Timestamp.parse("2020-01-01T00:00:00Z")!, validUntil: nil)
            ])
        ])
        return VerificationContext(
            at: Timestamp.parse("2026-06-01T00:00:00Z")!,
            trust: TrustAnchors(
                selfSigningIssuers: [w3cKey, "did:key:z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7",
                                     "did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E"],
                trustList: list))
    }

    @Test("every case file is either run here or listed as waiting for eddsa-rdfc-2022")
    func inventory() throws {
        var all: Set<String> = []
        for folder in ["valid", "invalid"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: try Fixture.url("di-cases/\(folder)").path) {
                all.insert("\(folder)/\(name)")
            }
        }
        #expect(all.count == 30)
        #expect(all == Self.rdfcDependent.union(Self.jcsCases))
        #expect(Self.rdfcDependent.isDisjoint(with: Self.jcsCases))
    }

    @Test("eddsa-jcs-2022 cases: valid/ verifies, invalid/ is rejected with a named failure", arguments: jcsCases)
    func jcsCase(_ name: String) throws {
        let verification = CredentialVerifier().verify(bytes: try Fixture.bytes("di-cases/\(name)"), context: try Self.context())
        if name.hasPrefix("valid/") {
            #expect(verification.result.isValid, "\(verification.checks.filter { $0.status == .failed })")
        } else {
            guard case .invalid(let failures) = verification.result else {
                Issue.record("\(name) was accepted")
                return
            }
            #expect(!failures.isEmpty && failures.allSatisfy { !$0.check.isEmpty && !$0.message.isEmpty })
        }
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
