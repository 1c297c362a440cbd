import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation
import Testing

@Suite("Portfolio export and verification")
struct ExportVerifyTests {
    @Test("an export of 22 units, 2 certificates and the record embeds 25 signed credentials; its lapsed certificate makes it VALID WITH EXCEPTIONS")
    func roundTrip() throws {
        let result = try SamplePortfolio.export()
        let embedded = try #require(result.credential["credentialSubject"]?["verifiableCredential"]?.arrayValue)
        #expect(embedded.count == 25)
        #expect(result.embeddedCredentialIDs.count == 25)
        let verification = SamplePortfolio.verify(result.credential, register: "BI.2024.0117")
        #expect(verification.result.isValid, "\(verification.checks.filter { $0.status == .failed })")
        #expect(verification.result.verdict == .validWithExceptions)
        // 7 policies on the outer credential and on each embedded one, plus well-formed.
        #expect(verification.checks.filter { $0.check == "proof" && $0.status == .passed }.count == 26)
        #expect(verification.checks.filter { $0.check == "proof-time" && $0.status == .passed }.count == 26)
        // The expired Tukang Celup certificate is the one exception, with its date, not hidden.
        let exception = try #require(verification.result.exceptions.first)
        #expect(verification.result.exceptions.count == 1)
        #expect(exception.kind == .expired(on: Timestamp.parse("2026-01-10T00:00:00Z")!))
        #expect(exception.credential.kind == .certificate)
        #expect(exception.credential.scheme == "Tukang Celup")
        #expect(exception.credential.certificateNumber == "BTK-2023-0007")
        #expect(verification.checks.contains { $0.status == .exception && $0.detail == "certificate expired on 2026-01-10T00:00:00Z" })
        #expect(verification.checks.contains { $0.check == "revocation" && $0.detail.contains("no status list was given") })
        #expect(verification.summary.contents.competencies == 22)
        #expect(verification.summary.contents.certificates == 2)
        #expect(verification.summary.contents.records == 1)
    }

    @Test("the export never carries the register number, the name (by default) or the assessor's name")
    func privacy() throws {
        let result = try SamplePortfolio.export()
        let text = String(decoding: JSONWriter.serialize(result.credential), as: UTF8.self)
        #expect(!text.contains("BI.2024.0117"))
        #expect(!text.contains("Budi"))
        #expect(!text.contains("Asesor Secret Name"))
        #expect(text.contains("bnsp-assessor"))
        let named = try SamplePortfolio.export(includeName: true)
        #expect(String(decoding: JSONWriter.serialize(named.credential), as: UTF8.self).contains("Budi Santoso"))
    }

    @Test("without a verification code the older identity hash (sha256$ of register number and salt) is written; the right number matches, reported as the weaker form")
    func identityHash() throws {
        let result = try SamplePortfolio.export()
        let identifier = try #require(result.credential["credentialSubject"]?["identifier"]?.arrayValue?.first)
        let salt = try #require(identifier["salt"]?.stringValue)
        #expect(identifier["hashed"] == true)
        #expect(identifier["identityType"] == "identifier")
        // The documented formula, computed by Python's hashlib rather than by IdentityHash.
        #expect(identifier["identityHash"]?.stringValue == (try Self.pythonIdentityHash(register: "BI.2024.0117", salt: salt)))
        #expect(salt.count == 32)
        let right = SamplePortfolio.verify(result.credential, register: "BI.2024.0117")
        #expect(right.result.isValid)
        #expect(right.summary.identity == .matchedWeakForm)
        #expect(right.checks.contains { $0.check == "identity" && $0.status == .warning && $0.code == .identityMatchedWeakForm })
        let wrong = SamplePortfolio.verify(result.credential, register: "BI.2024.0118")
        #expect(!wrong.result.isValid)
        #expect(wrong.summary.identity == .mismatch)
        #expect(wrong.summary.invalidCause == .otherPerson)
        #expect(wrong.checks.contains { $0.check == "identity" && $0.status == .failed })
    }

    @Test("with a verification code the keyed identity hash is written, equal to the documented formula computed in Python")
    func keyedIdentityHash() throws {
        var codeRandom = SeededRandom(state: 2026)
        let code = VerificationCode.generate(using: &codeRandom)
        var random = SeededRandom(state: 42)
        let export = try PortfolioExporter.export(
            SamplePortfolio.make(), key: SamplePortfolio.key,
            options: ExportOptions(statusAllocation: StatusAllocation(listURL: SamplePortfolio.listURL), verificationCode: code),
            now: SamplePortfolio.now, random: &random
        ).credential
        let identifier = try #require(export["credentialSubject"]?["identifier"]?.arrayValue?.first)
        #expect(identifier["identityType"] == "ext:BekalRegisterNumberAndCode")
        let salt = try #require(identifier["salt"]?.stringValue)
        let expected = try Self.pythonIdentityHash(register: "BI.2024.0117", salt: salt, code: code.canonical)
        #expect(identifier["identityHash"]?.stringValue == expected)
        // The code is what keys it: the plain form of the same number and salt is another hash.
        #expect(expected != (try Self.pythonIdentityHash(register: "BI.2024.0117", salt: salt)))
        let verified = IdentityBindingTests.verify(export, register: "BI.2024.0117", code: code)
        #expect(verified.summary.identity == .matched)
    }

    /// `docs/credentials.md`, "Who the export is about", in Python: `sha256$` + hex SHA-256(identifier ‖ salt), the
    /// identifier being the register number (plain form) or hex HMAC-SHA-256 keyed with the code's canonical
    /// characters over "bekal-identity-v2:" ‖ register number (keyed form).
    static func pythonIdentityHash(register: String, salt: String, code: String? = nil) throws -> String {
        let script = """
            import hashlib, hmac, sys
            register, salt = sys.argv[1], sys.argv[2]
            identifier = register
            if len(sys.argv) > 3:
                identifier = hmac.new(sys.argv[3].encode("ascii"), ("bekal-identity-v2:" + register).encode("utf-8"),
                                      hashlib.sha256).hexdigest()
            print("sha256$" + hashlib.sha256((identifier + salt).encode("utf-8")).hexdigest())
            """
        let run = try runProcess("/usr/bin/env", ["python3", "-c", script, register, salt] + (code.map { [$0] } ?? []))
        try #require(run.status == 0, "\(run.output)")
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("two exports use different salts, so they cannot be linked by the identity hash")
    func saltsDiffer() throws {
        let a = try SamplePortfolio.export(seed: 1).credential["credentialSubject"]?["identifier"]
        let b = try SamplePortfolio.export(seed: 2).credential["credentialSubject"]?["identifier"]
        #expect(a != b)
    }

    @Test("a competency carries its alignment, criteria, result and hashed evidence")
    func competencyContent() throws {
        let result = try SamplePortfolio.export()
        let first = try #require(result.credential["credentialSubject"]?["verifiableCredential"]?.arrayValue?.first)
        let achievement = try #require(first["credentialSubject"]?["achievement"])
        #expect(achievement["achievementType"] == "Competency")
        let alignment = try #require(achievement["alignment"]?.arrayValue?.first)
        #expect(alignment["targetCode"] == "C.13BTK01.001.2")
        #expect(alignment["targetFramework"] == "sample-batik-cap 2026.1")
        #expect(achievement["criteria"]?["narrative"]?.stringValue?.isEmpty == false)
        let outcome = try #require(first["credentialSubject"]?["result"]?.arrayValue?.first)
        #expect(outcome["value"] == "K")
        let evidence = try #require(first["evidence"]?.arrayValue?.first)
        // sha256 of "00" * 32 bytes as RFC 6920: base64url of 32 zero bytes.
        #expect(evidence["id"] == "ni:///sha-256;AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        #expect(evidence["mediaType"] == "image/jpeg")
        #expect(first["credentialSchema"]?.arrayValue?.first?["type"] == "1EdTechJsonSchemaValidator2019")
        #expect(first["credentialStatus"]?["type"] == "BitstringStatusListEntry")
    }

    @Test("without any trusted issuer the export is INVALID, and a trust list binding an https issuer makes it VALID")
    func trust() throws {
        let plain = try SamplePortfolio.export()
        let untrusted = SamplePortfolio.verify(plain.credential, trust: TrustAnchors())
        #expect(!untrusted.result.isValid)
        #expect(untrusted.checks.contains { $0.check == "issuer-trust" && $0.status == .failed })

        let url = "https://lapas-purwokerto.example/issuer"
        let https = try SamplePortfolio.export(issuerID: url)
        #expect(https.credential["issuer"]?["id"]?.stringValue == url)
        let ring = KeyRing(current: SamplePortfolio.key, currentValidFrom: Timestamp.parse("2026-01-01T00:00:00Z")!)
        let list = TrustList.facility(issuerID: url, name: "Lapas", ring: ring)
        #expect(SamplePortfolio.verify(https.credential, trust: TrustAnchors(trustList: list)).result.isValid)
        // --issuer with the did:key does not make the key sign for the https issuer.
        #expect(!SamplePortfolio.verify(https.credential, trust: SamplePortfolio.trust()).result.isValid)
    }

    @Test("after rotation, an export signed by the retired key still verifies through the trust list, a new one with a key used outside its window does not")
    func rotation() throws {
        let url = "https://lapas-purwokerto.example/issuer"
        var ring = KeyRing(current: SamplePortfolio.key, currentValidFrom: Timestamp.parse("2026-01-01T00:00:00Z")!)
        let old = try SamplePortfolio.export(issuerID: url)
        ring.rotate(now: SamplePortfolio.now.addingTimeInterval(60))
        let list = TrustList.facility(issuerID: url, name: nil, ring: ring)
        let roundTripped = try TrustList(json: list.json)
        #expect(roundTripped == list)
        #expect(SamplePortfolio.verify(old.credential, trust: TrustAnchors(trustList: roundTripped)).result.isValid)
        // The old key signing after its retirement: outside its window.
        var random = SeededRandom(state: 9)
        let late = try PortfolioExporter.export(
            SamplePortfolio.make(), key: SamplePortfolio.key,
            options: ExportOptions(issuerID: url, statusAllocation: StatusAllocation(listURL: SamplePortfolio.listURL)),
            now: SamplePortfolio.now.addingTimeInterval(3600), random: &random)
        let verdict = SamplePortfolio.verify(late.credential, trust: TrustAnchors(trustList: roundTripped), at: SamplePortfolio.now.addingTimeInterval(7200))
        #expect(!verdict.result.isValid)
        #expect(verdict.checks.contains { $0.check == "issuer-trust" && $0.detail.contains("was not valid") })
        // The new key's export verifies.
        var random2 = SeededRandom(state: 10)
        let fresh = try PortfolioExporter.export(
            SamplePortfolio.make(), key: ring.current,
            options: ExportOptions(issuerID: url, statusAllocation: StatusAllocation(listURL: SamplePortfolio.listURL)),
            now: SamplePortfolio.now.addingTimeInterval(3600), random: &random2)
        #expect(SamplePortfolio.verify(fresh.credential, trust: TrustAnchors(trustList: roundTripped), at: SamplePortfolio.now.addingTimeInterval(7200)).result.isValid)
    }

    @Test("validity dates are checked at the given time (beyond the clock skew allowed)")
    func validityAt() throws {
        let result = try SamplePortfolio.export()
        let before = SamplePortfolio.verify(result.credential, at: SamplePortfolio.now.addingTimeInterval(-6 * 60))
        #expect(!before.result.isValid)
        #expect(before.checks.contains { $0.check == "validity" && $0.detail.hasPrefix("not yet valid") })
    }

    @Test("a revoked embedded credential is an exception (VALID WITH EXCEPTIONS) when its status list is given, with the list's own proof checked")
    func revocation() throws {
        let result = try SamplePortfolio.export()
        let target = result.embeddedCredentialIDs[3]
        let list = try result.statusAllocation.statusList(revoked: [target])
        let issuer = SamplePortfolio.key.didKey.did
        let listCredential = try StatusListCredential.make(
            id: SamplePortfolio.listURL, issuer: issuer, list: list, key: SamplePortfolio.key, now: SamplePortfolio.now)
        let verifier = CredentialVerifier()
        let verified = try verifier.statusList(listCredential, trust: SamplePortfolio.trust())
        #expect(verified.problem == nil)
        let verdict = SamplePortfolio.verify(result.credential, statusLists: [verified])
        #expect(verdict.result.verdict == .validWithExceptions)
        #expect(verdict.checks.filter { $0.status == .failed }.isEmpty)
        let revoked = verdict.result.exceptions.filter { $0.kind == .revoked }
        #expect(revoked.count == 1)
        #expect(revoked.first?.check == "revocation")
        #expect(revoked.first?.credential.id == target)
        #expect(revoked.first?.credential.index == 3)
        #expect(revoked.first?.credential.unitCode == "C.13BTK01.004.2")
        #expect(verdict.summary.revocation.isComplete)
        // An empty list: VALID, and every credential's revocation passed.
        let clean = try StatusListCredential.make(
            id: SamplePortfolio.listURL, issuer: issuer, list: StatusList(), key: SamplePortfolio.key, now: SamplePortfolio.now)
        let ok = SamplePortfolio.verify(result.credential, statusLists: [try verifier.statusList(clean, trust: SamplePortfolio.trust())])
        #expect(ok.result.isValid)
        #expect(ok.result.exceptions.allSatisfy { $0.kind != .revoked })
        #expect(ok.checks.filter { $0.check == "revocation" && $0.status == .passed }.count == 26)
        // A forged list (signed by another key) is not trusted: revocation was not checked, and the summary says so.
        let forger = try IssuerKey(seed: Array(repeating: 9, count: 32))
        let forged = try StatusListCredential.make(
            id: SamplePortfolio.listURL, issuer: issuer, list: StatusList(), key: forger, now: SamplePortfolio.now)
        let forgedList = try verifier.statusList(forged, trust: SamplePortfolio.trust())
        #expect(forgedList.problem != nil)
        let bad = SamplePortfolio.verify(result.credential, statusLists: [forgedList])
        #expect(bad.checks.filter { $0.check == "revocation" && $0.status == .passed }.isEmpty)
        #expect(bad.summary.revocation.notChecked[.statusListNotAuthentic] == 26)
        #expect(bad.summary.revocation.isNone)
    }

    @Test("an evidence hash that is not 64 hex digits stops the export with exportFailed")
    func badEvidenceHash() throws {
        var portfolio = SamplePortfolio.make(units: 3)
        portfolio.assessments[0].evidence[0].sha256 = "not-a-hash"
        #expect(throws: CredentialError(.exportFailed, "")) { try SamplePortfolio.export(portfolio) }
    }

    @Test("a second export reuses the status indices of credentials already allocated")
    func allocationReused() throws {
        let first = try SamplePortfolio.export()
        var random = SeededRandom(state: 3)
        let second = try PortfolioExporter.export(
            SamplePortfolio.make(), key: SamplePortfolio.key,
            options: ExportOptions(statusAllocation: first.statusAllocation), now: SamplePortfolio.now, random: &random)
        let unitID = first.embeddedCredentialIDs[0]
        #expect(second.statusAllocation.indices[unitID] == first.statusAllocation.indices[unitID])
        // Competency and certificate credentials keep their ids; the CLR and the record get new ones.
        #expect(second.statusAllocation.indices.count == first.statusAllocation.indices.count + 2)
    }
}

@Suite("Whole-facility export")
struct FacilityExportTests {
    @Test("exporting several portfolios in parallel gives distinct indices and every export verifies")
    func exportAll() throws {
        let portfolios = (1...6).map { SamplePortfolio.make(register: "BI.\($0)", name: "Person \($0)", units: 4, seed: UInt8($0)) }
        let (exports, allocation) = try FacilityExport.planAllocateAndExport(
            portfolios, key: SamplePortfolio.key, listURL: SamplePortfolio.listURL, now: SamplePortfolio.now)
        #expect(exports.count == 6)
        // 4 units + 2 certificates + record + CLR per person.
        #expect(allocation.indices.count == 6 * 8)
        #expect(Set(allocation.indices.values).count == 48)
        for (i, export) in exports.enumerated() {
            #expect(SamplePortfolio.verify(export.credential, register: "BI.\(i + 1)").result.isValid)
            let index = try #require(export.credential["credentialStatus"]?["statusListIndex"]?.stringValue)
            #expect(allocation.indices[try #require(export.credential["id"]?.stringValue)] == Int(index))
        }
    }
}
