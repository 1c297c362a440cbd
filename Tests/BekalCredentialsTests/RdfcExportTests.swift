import BekalCredentials
import BekalJSON
import BekalLinkedData
import Foundation
import Testing

/// Exports signed with eddsa-rdfc-2022 (the default), eddsa-jcs-2022 or both, and the safe-mode check that keeps
/// an export from carrying members its signature would not cover.
@Suite("eddsa-rdfc-2022 exports")
struct RdfcExportTests {
    static func proofs(_ document: JSONValue?) -> [String] {
        (document?["proof"]?.arrayValue ?? []).compactMap { $0["cryptosuite"]?.stringValue }
    }

    static func allCredentials(_ export: JSONValue) -> [JSONValue] {
        [export] + (export["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? [])
    }

    @Test("by default every credential of an export carries one eddsa-rdfc-2022 proof and the export verifies VALID")
    func defaultIsRdfc() throws {
        let export = try SamplePortfolio.export().credential
        let credentials = Self.allCredentials(export)
        #expect(credentials.count == 26)
        for credential in credentials { #expect(Self.proofs(credential) == ["eddsa-rdfc-2022"]) }
        let verification = SamplePortfolio.verify(export)
        #expect(verification.result.isValid, "\(verification.checks.filter { $0.status == .failed })")
        #expect(verification.checks.filter { $0.check == "proof" && $0.status == .passed }.count == 26)
    }

    @Test("--cryptosuite both gives every credential a proof set [rdfc, jcs] whose two proofs each verify")
    func bothAsProofSet() throws {
        let export = try SamplePortfolio.export(cryptosuite: .both).credential
        for credential in Self.allCredentials(export) {
            #expect(Self.proofs(credential) == ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
            // Neither proof chains to the other: a verifier knowing one suite can check its proof alone.
            #expect(credential["proof"]?.arrayValue?.allSatisfy { $0["previousProof"] == nil } == true)
        }
        let verification = SamplePortfolio.verify(export)
        #expect(verification.result.isValid)
        #expect(verification.checks.filter { $0.check == "proof" && $0.status == .passed }.count == 52)
    }

    @Test("an eddsa-jcs-2022 export still verifies, and the suite names parse from the CLI spelling")
    func jcsExport() throws {
        let export = try SamplePortfolio.export(cryptosuite: .jcs).credential
        #expect(Self.proofs(export) == ["eddsa-jcs-2022"])
        #expect(SamplePortfolio.verify(export).result.isValid)
        #expect(ExportCryptosuite(rawValue: "eddsa-rdfc-2022") == .rdfc)
        #expect(ExportCryptosuite(rawValue: "both") == .both)
        #expect(ExportCryptosuite(rawValue: "Ed25519Signature2020") == nil)
    }

    @Test("a changed value in an rdfc-signed embedded credential is INVALID for it and for the CLR around it")
    func tamperedEmbedded() throws {
        var export = try #require(try SamplePortfolio.export().credential.objectValue)
        var subject = try #require(export["credentialSubject"]?.objectValue)
        var embedded = try #require(subject["verifiableCredential"]?.arrayValue)
        var first = try #require(embedded[0].objectValue)
        first["name"] = "Kompeten in every unit"
        embedded[0] = .object(first)
        subject["verifiableCredential"] = .array(embedded)
        export["credentialSubject"] = .object(subject)
        let verification = SamplePortfolio.verify(.object(export))
        let failed = verification.checks.filter { $0.check == "proof" && $0.status == .failed }
        #expect(failed.map(\.subject).contains("credential"))
        #expect(failed.contains { $0.subject.hasPrefix("embedded[0]") && $0.detail.contains("signature-mismatch") })
    }

    @Test("a member added after signing, which JSON-LD would drop, is refused as undefined-term, not ignored")
    func addedUndefinedMember() throws {
        var export = try #require(try SamplePortfolio.export().credential.objectValue)
        export["bekalNote"] = "added later"
        let verification = SamplePortfolio.verify(.object(export))
        #expect(!verification.result.isValid)
        #expect(verification.checks.contains { $0.check == "proof" && $0.detail.contains("undefined-term") })
    }

    @Test("safe mode: an issuer id that is not an absolute IRI is refused before anything is signed, for every suite",
        arguments: ExportCryptosuite.allCases)
    func relativeIssuerRefused(_ suite: ExportCryptosuite) throws {
        #expect(throws: CredentialError(.termNotCovered, "")) {
            try SamplePortfolio.export(issuerID: "lapas-purwokerto", cryptosuite: suite)
        }
        #expect(throws: Never.self) { try SamplePortfolio.export(issuerID: "https://lapas-purwokerto.example", cryptosuite: suite) }
    }

    @Test("safe mode: an extension field no context defines is refused with termNotCovered, naming the term")
    func extensionFieldRefused() throws {
        var document = try #require(try SamplePortfolio.export(cryptosuite: .jcs).credential.objectValue)
        document["proof"] = nil
        var subject = try #require(document["credentialSubject"]?.objectValue)
        subject["wbpBlock"] = "C"
        document["credentialSubject"] = .object(subject)
        do {
            _ = try DataIntegrity.sign(document, key: SamplePortfolio.key, created: SamplePortfolio.now, suite: EddsaRdfc2022())
            Issue.record("a document with an undefined term was signed")
        } catch {
            #expect(error.code == .termNotCovered)
            #expect(error.message.contains("wbpBlock"))
            #expect(!error.message.contains("\"C\""))
        }
        #expect(throws: CredentialError(.termNotCovered, "")) { try EddsaRdfc2022().checkCoverage(document) }
        subject["wbpBlock"] = nil
        document["credentialSubject"] = .object(subject)
        #expect(throws: Never.self) { try EddsaRdfc2022().checkCoverage(document) }
    }

    @Test("safe and plain JSON-LD agree on a full export (name, certificates, evidence, results, map, status)")
    func fullExportCovered() throws {
        var export = try #require(try SamplePortfolio.export(includeName: true).credential.objectValue)
        let kinds = Set((export["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? [])
            .compactMap { $0["credentialSubject"]?["achievement"]?["achievementType"]?.stringValue })
        #expect(kinds.isSuperset(of: ["Competency", "Certificate"]))
        export["proof"] = nil
        let safe = try RDFCProofAlgorithms(safeMode: true).canonicalize(.object(export))
        let plain = try RDFCProofAlgorithms(safeMode: false).canonicalize(.object(export))
        #expect(safe == plain)
        #expect(safe.contains("<https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019>"))
        #expect(safe.contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject>"))
        #expect(safe.contains("BitstringStatusListEntry"))
    }
}
