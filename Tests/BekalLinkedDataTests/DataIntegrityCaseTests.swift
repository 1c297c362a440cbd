import BekalJSON
import Foundation
import Testing

@testable import BekalLinkedData

/// The di-cases whose proofs are eddsa-rdfc-2022: valid ones verify, invalid ones fail for the stated reason.
@Suite("Data Integrity cases (eddsa-rdfc-2022)")
struct DataIntegrityCaseTests {
    let suite = RDFCProofAlgorithms()

    @Test("valid rdfc cases verify", arguments: [
        "w3c_signedDataInt.json", "selfmade_ob3_rdfc.json", "selfmade_clr_rdfc.json", "w3c_signedProofSet2.json",
        "w3c_signedProofChain2.json",
    ])
    func valid(_ name: String) throws {
        #expect(try TestFiles.verifyAll(try TestFiles.json("di-cases/valid/" + name), suite: suite))
    }

    @Test("altered rdfc cases fail verification", arguments: [
        "w3c_signedDataInt_1char.json", "selfmade_clr_rdfc_embedded_1char.json",
        "selfmade_clr_rdfc_embedded_proofValue_1char.json", "selfmade_clr_rdfc_embedded_proof_removed.json",
        "w3c_signedProofSet2_1char.json", "w3c_signedProofSet2_second_proof_altered.json",
        "w3c_signedProofChain2_previous_removed.json",
    ])
    func altered(_ name: String) throws {
        #expect(try !TestFiles.verifyAll(try TestFiles.json("di-cases/invalid/" + name), suite: suite))
    }

    @Test("the poison clique stops at the work limit")
    func poison() throws {
        let document = try TestFiles.json("di-cases/invalid/poison_clique_rdfc.json")
        #expect(throws: LinkedDataError(.canonicalizationWorkLimit, "")) {
            try TestFiles.verifyAll(document, suite: suite)
        }
    }

    @Test("a term JSON-LD would drop is refused in safe mode, and signs over less without it",
        arguments: ["selfmade_ob3_rdfc_undefined_type_unsafe_signed.json", "w3c_signedDataInt_dropped_member.json"])
    func safeMode(_ name: String) throws {
        let document = try TestFiles.json("di-cases/invalid/" + name)
        #expect(throws: LinkedDataError(.undefinedTerm, "")) { try TestFiles.verifyAll(document, suite: suite) }
        #expect(try TestFiles.verifyAll(document, suite: RDFCProofAlgorithms(safeMode: false)))
    }

    @Test("a context that is not bundled is refused")
    func unbundledContext() throws {
        let document = try TestFiles.json("di-cases/invalid/w3c_signedDataInt_unbundled_context.json")
        #expect(throws: LinkedDataError(.unknownContext, "")) { try TestFiles.verifyAll(document, suite: suite) }
    }

    @Test("a proof of another cryptosuite is refused")
    func otherCryptosuite() throws {
        let document = try TestFiles.json("di-cases/invalid/w3c_signedDataInt_other_cryptosuite.json")
        #expect(throws: LinkedDataError(.invalidProof, "")) { try TestFiles.verifyAll(document, suite: suite) }
    }
}
