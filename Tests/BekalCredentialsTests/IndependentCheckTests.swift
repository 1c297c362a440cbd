import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// Real exports checked by independent tools: Python `jsonschema` against Bekal's schemas and the OB 3.0 schema,
/// and a Python eddsa-jcs-2022 verifier built on PyPI `jcs` + `cryptography`.
@Suite("Independent checks with Python")
struct IndependentCheckTests {
    func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProcess("/usr/bin/env", ["python3", try Fixture.url(script).path] + arguments)
    }

    @Test("a real export is valid against schemas/export.schema.json")
    func exportSchema() throws {
        let file = try writeTemporary(try SamplePortfolio.export(includeName: true).credential, name: "export.json")
        let schema = Fixture.repositoryRoot.appendingPathComponent("schemas/export.schema.json").path
        let run = try python("validate_schema.py", [schema, file.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("validated 1 instance(s) with Draft202012Validator: 0 error(s)"))
    }

    @Test("each embedded AchievementCredential is valid against the OB 3.0 schema")
    func ob3Schema() throws {
        let file = try writeTemporary(try SamplePortfolio.export().credential, name: "export.json")
        let run = try python("validate_schema.py", [try Fixture.url("ob3/ob_v3p0_achievementcredential_schema.json").path, file.path, "--embedded"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("validated 25 instance(s)"))
    }

    @Test("the schemas reject an export that leaks the register number in clear")
    func schemaCatchesLeak() throws {
        var export = try #require(try SamplePortfolio.export().credential.objectValue)
        guard case .object(var subject)? = export["credentialSubject"] else { Issue.record(); return }
        subject["identifier"] = [["type": "IdentityObject", "identityHash": "BI.2024.0117", "identityType": "identifier", "hashed": false]]
        export["credentialSubject"] = .object(subject)
        let file = try writeTemporary(.object(export), name: "leak.json")
        let schema = Fixture.repositoryRoot.appendingPathComponent("schemas/export.schema.json").path
        let run = try python("validate_schema.py", [schema, file.path])
        // 10 is the validator's "invalid" verdict; a validator that did not run exits 3 (or 1 if Python crashed).
        #expect(run.status == 10, "\(run.output)")
        #expect(run.output.contains("instance 0: credentialSubject/identifier/0"), "\(run.output)")
    }

    @Test("trust list and status list documents are valid against their schemas")
    func otherSchemas() throws {
        var ring = KeyRing(current: SamplePortfolio.key, currentValidFrom: SamplePortfolio.now)
        ring.rotate(now: SamplePortfolio.now.addingTimeInterval(10))
        let trust = try writeTemporary(TrustList.facility(issuerID: "https://lapas.example/issuer", name: "Lapas", ring: ring).json, name: "trust.json")
        let run1 = try python("validate_schema.py", [Fixture.repositoryRoot.appendingPathComponent("schemas/trust-list.schema.json").path, trust.path])
        #expect(run1.status == 0, "\(run1.output)")
        let list = try StatusListCredential.make(
            id: SamplePortfolio.listURL, issuer: SamplePortfolio.key.didKey.did, list: StatusList(), key: SamplePortfolio.key, now: SamplePortfolio.now)
        let statusFile = try writeTemporary(.object(list), name: "status.json")
        let run2 = try python("validate_schema.py", [Fixture.repositoryRoot.appendingPathComponent("schemas/status-list.schema.json").path, statusFile.path])
        #expect(run2.status == 0, "\(run2.output)")
    }

    @Test("an independent Python eddsa-jcs-2022 verifier accepts the outer and all 25 embedded proofs of a jcs export, and rejects a tampered export")
    func pythonVerifier() throws {
        let export = try SamplePortfolio.export(cryptosuite: .jcs).credential
        let file = try writeTemporary(export, name: "export.json")
        let run = try python("verify_export.py", [file.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("26 of 26 credentials verified"))

        var tampered = try #require(export.objectValue)
        tampered["name"] = "Batik cap skills portfolio from somewhere else"
        let bad = try python("verify_export.py", [try writeTemporary(.object(tampered), name: "bad.json").path])
        #expect(bad.status == 1)
        #expect(bad.output.contains("outer: FAILED"))
    }
}
