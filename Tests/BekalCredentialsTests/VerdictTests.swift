import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation
import Testing

/// The three verdicts, what each names, and what the summary says was not checked.
@Suite("Three verdicts: VALID, VALID WITH EXCEPTIONS, INVALID")
struct VerdictTests {
    static let issuerURL = "https://lapas-purwokerto.example/issuer"
    static let ring = KeyRing(current: SamplePortfolio.key, currentValidFrom: Timestamp.parse("2026-01-01T00:00:00Z")!)
    static let trustList = TrustList.facility(
        issuerID: issuerURL, name: "Lapas Kelas IIA Purwokerto", code: "LAPAS-PWT", ring: ring)
    static var trust: TrustAnchors { TrustAnchors(trustList: trustList) }

    /// The sample portfolio without its lapsed certificate: nothing in it is revoked or expired.
    static func current() -> Portfolio {
        var portfolio = SamplePortfolio.make(units: 9)
        portfolio.certificates.removeAll { $0.number == "BTK-2023-0007" }
        return portfolio
    }

    static func statusList(revoking ids: [String], allocation: StatusAllocation) throws -> VerifiedStatusList {
        let list = try allocation.statusList(revoked: Set(ids))
        let document = try StatusListCredential.make(
            id: SamplePortfolio.listURL, issuer: issuerURL, list: list, key: SamplePortfolio.key, now: SamplePortfolio.now)
        return try CredentialVerifier().statusList(document, trust: trust, at: SamplePortfolio.now)
    }

    @Test("an export with nothing revoked or expired is VALID, naming the facility from the trust list and the counts")
    func valid() throws {
        let export = try SamplePortfolio.export(Self.current(), issuerID: Self.issuerURL)
        let lists = [try Self.statusList(revoking: [], allocation: export.statusAllocation)]
        let verification = SamplePortfolio.verify(export.credential, trust: Self.trust, statusLists: lists)
        #expect(verification.result.verdict == .valid)
        let summary = verification.summary
        #expect(summary.issuer == .init(
            id: Self.issuerURL, name: "Lapas Kelas IIA Purwokerto", nameIsConfirmed: true, facilityCode: "LAPAS-PWT"))
        #expect((summary.contents.competencies, summary.contents.certificates, summary.contents.records) == (9, 1, 1))
        #expect(summary.revocation.isComplete)
        #expect(summary.revocation.checked == 12)
        #expect(summary.exceptions.isEmpty && summary.failures.isEmpty && summary.invalidCause == nil)
    }

    @Test("a revoked certificate is VALID WITH EXCEPTIONS naming that certificate; every other credential stands")
    func revokedCertificate() throws {
        let export = try SamplePortfolio.export(Self.current(), issuerID: Self.issuerURL)
        let certificateID = export.embeddedCredentialIDs[9]
        let lists = [try Self.statusList(revoking: [certificateID], allocation: export.statusAllocation)]
        let verification = SamplePortfolio.verify(export.credential, trust: Self.trust, statusLists: lists)
        #expect(verification.result.verdict == .validWithExceptions)
        #expect(verification.result.isValid)
        let exception = try #require(verification.result.exceptions.first)
        #expect(verification.result.exceptions.count == 1)
        #expect(exception.kind == .revoked)
        #expect(exception.check == "revocation")
        #expect(exception.credential.kind == .certificate)
        #expect(exception.credential.id == certificateID)
        #expect(exception.credential.index == 9)
        #expect(exception.credential.scheme == "Tukang Cap")
        #expect(exception.credential.certificateNumber == "BTK-2026-0042")
        #expect(verification.checks.filter { $0.status == .failed }.isEmpty)
        // Every other credential's bit was read and is clear.
        #expect(verification.checks.filter { $0.check == "revocation" && $0.status == .passed }.count == 11)
    }

    @Test("a revoked competency is an exception naming its unit code")
    func revokedCompetency() throws {
        let export = try SamplePortfolio.export(Self.current(), issuerID: Self.issuerURL)
        let lists = [try Self.statusList(revoking: [export.embeddedCredentialIDs[2]], allocation: export.statusAllocation)]
        let verification = SamplePortfolio.verify(export.credential, trust: Self.trust, statusLists: lists)
        #expect(verification.result.verdict == .validWithExceptions)
        #expect(verification.result.exceptions.map(\.credential.unitCode) == ["C.13BTK01.003.2"])
        #expect(verification.result.exceptions.map(\.credential.kind) == [.competency])
    }

    @Test("the export itself revoked is INVALID: its issuer withdrew the whole file, and the cause says withdrawn, not altered")
    func exportRevoked() throws {
        let export = try SamplePortfolio.export(Self.current(), issuerID: Self.issuerURL)
        let exportID = try #require(export.credential["id"]?.stringValue)
        let lists = [try Self.statusList(revoking: [exportID], allocation: export.statusAllocation)]
        let verification = SamplePortfolio.verify(export.credential, trust: Self.trust, statusLists: lists)
        #expect(verification.result.verdict == .invalid)
        let failure = try #require(verification.result.failures.first)
        #expect(verification.result.failures.count == 1)
        #expect(failure.check == "revocation" && failure.code == .revoked)
        #expect(failure.credential.kind == .export)
        #expect(verification.summary.invalidCause == .withdrawn)
    }

    @Test("an altered embedded credential is INVALID, the failure naming the credential's unit code, not only its urn:uuid")
    func alteredEmbedded() throws {
        let export = try SamplePortfolio.export(Self.current(), issuerID: Self.issuerURL)
        var text = String(decoding: JSONWriter.serialize(export.credential), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"2026-06-03\"", with: "\"2026-06-02\"")
        let verification = SamplePortfolio.verify(try JSONParser.parse(Array(text.utf8)), trust: Self.trust)
        #expect(verification.result.verdict == .invalid)
        #expect(verification.summary.invalidCause == .alteredOrForged)
        let named = verification.result.failures.filter { $0.credential.index != nil }.map(\.credential)
        #expect(named.map(\.unitCode) == ["C.13BTK01.003.2"])
        #expect(named.first?.kind == .competency)
    }

    @Test("an expired embedded credential of any kind is an exception; the export itself expired is INVALID")
    func expiry() throws {
        let export = try SamplePortfolio.export(Self.current(), issuerID: Self.issuerURL)
        let late = Timestamp.parse("2029-09-01T00:00:00Z")!
        let verification = SamplePortfolio.verify(export.credential, trust: Self.trust, at: late)
        #expect(verification.result.verdict == .validWithExceptions)
        #expect(verification.result.exceptions.map(\.kind) == [.expired(on: Timestamp.parse("2029-08-01T00:00:00Z")!)])
    }

    @Test("revocation not checked is said in the summary: no list, or a list for another URL")
    func revocationCoverage() throws {
        let export = try SamplePortfolio.export(Self.current(), issuerID: Self.issuerURL)
        let none = SamplePortfolio.verify(export.credential, trust: Self.trust)
        #expect(none.summary.revocation.isNone)
        #expect(none.summary.revocation.reasons == [.noStatusList])
        #expect(none.summary.revocation.notChecked[.noStatusList] == 12)
        let other = try StatusListCredential.make(
            id: "https://elsewhere.example/status/9", issuer: Self.issuerURL, list: StatusList(), key: SamplePortfolio.key,
            now: SamplePortfolio.now)
        let otherList = try CredentialVerifier().statusList(other, trust: Self.trust)
        let elsewhere = SamplePortfolio.verify(export.credential, trust: Self.trust, statusLists: [otherList])
        #expect(elsewhere.summary.revocation.reasons == [.otherStatusList])
        #expect(elsewhere.result.verdict == .valid)
    }

    @Test("a file signed by a key trusted with --issuer gives only the name it claims, marked unconfirmed")
    func unconfirmedName() throws {
        let export = try SamplePortfolio.export(Self.current())
        let verification = SamplePortfolio.verify(export.credential)
        #expect(verification.result.verdict == .valid)
        #expect(verification.summary.issuer?.name == "Lapas Kelas IIA Purwokerto")
        #expect(verification.summary.issuer?.nameIsConfirmed == false)
    }

    @Test("an untrusted issuer is INVALID with the cause untrusted issuer")
    func untrusted() throws {
        let export = try SamplePortfolio.export(Self.current())
        let verification = SamplePortfolio.verify(export.credential, trust: TrustAnchors())
        #expect(verification.summary.invalidCause == .untrustedIssuer)
    }
}
