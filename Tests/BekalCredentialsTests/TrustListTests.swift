import BekalCredentials
import BekalJSON
import Foundation
import Testing

@Suite("Signed trust lists and the trust registry")
struct TrustListTests {
    static let issuerURL = "https://lapas-purwokerto.example/issuer"
    static let start = Timestamp.parse("2026-01-01T00:00:00Z")!
    static let at = SamplePortfolio.now
    static let forger = try! IssuerKey(seed: Array(repeating: 0x66, count: 32))
    static let kanwil = try! IssuerKey(seed: Array(repeating: 0x42, count: 32))

    static func facilityList(_ ring: KeyRing, name: String = "Lapas Kelas IIA Purwokerto", code: String? = "LAPAS-PWT") -> TrustList {
        TrustList.facility(issuerID: issuerURL, name: name, code: code, ring: ring)
    }

    static var ring: KeyRing { KeyRing(current: SamplePortfolio.key, currentValidFrom: start) }

    @Test("a version 2 list carries the facility's name and code and round-trips; a version 1 list is still read")
    func versions() throws {
        let list = Self.facilityList(Self.ring)
        #expect(list.json["version"] == 2)
        #expect(list.json["issuers"]?.arrayValue?.first?["code"] == "LAPAS-PWT")
        #expect(try TrustList(json: list.json) == list)
        let v1: JSONValue = [
            "type": "BekalTrustList", "version": 1,
            "issuers": [[
                "id": .string(Self.issuerURL), "name": "Lapas Kelas IIA Purwokerto",
                "keys": [["publicKeyMultibase": .string(SamplePortfolio.key.didKey.publicKeyMultibase), "validFrom": "2026-01-01T00:00:00Z"]],
            ]],
        ]
        let read = try VerifiedTrustList(json: v1, at: Self.at)
        #expect(read.signature == .unsigned)
        #expect(read.list.issuers.first?.name == "Lapas Kelas IIA Purwokerto")
        #expect(read.list.issuers.first?.facilityCode == nil)
        #expect(throws: CredentialError(.trustListMalformed, "")) {
            try TrustList(json: ["type": "BekalTrustList", "version": 3, "issuers": []])
        }
    }

    @Test("a list signed with the facility's current key verifies as the facility's; altering it breaks the signature")
    func selfSigned() throws {
        let signed = try Self.facilityList(Self.ring).signed(with: SamplePortfolio.key, created: Self.at)
        #expect(signed["proof"]?["cryptosuite"] == "eddsa-jcs-2022")
        let verified = try VerifiedTrustList(json: signed, at: Self.at)
        #expect(verified.signature == .facility(key: SamplePortfolio.key.didKey, created: Self.at))
        // A look-alike in transit: the name changed, or a forger's key added.
        guard case .object(var altered) = signed, case .array(var issuers)? = altered["issuers"],
            case .object(var first) = issuers[0]
        else { Issue.record("not an object"); return }
        first["name"] = "Lapas Kelas IIA Purwokerto (baru)"
        issuers[0] = .object(first)
        altered["issuers"] = .array(issuers)
        #expect(throws: CredentialError(.trustListSignatureInvalid, "")) { try VerifiedTrustList(json: .object(altered), at: Self.at) }
    }

    @Test("a list signed by a key that is not in it is refused unless that key is a trusted authority")
    func authority() throws {
        let signed = try Self.facilityList(Self.ring).signed(with: Self.kanwil, created: Self.at)
        #expect(throws: CredentialError(.trustListSignatureInvalid, "")) { try VerifiedTrustList(json: signed, at: Self.at) }
        let authority = TrustListAuthority(
            name: "Kanwil Jawa Tengah", key: KeyValidity(didKey: Self.kanwil.didKey, validFrom: Self.start, validUntil: nil))
        let verified = try VerifiedTrustList(json: signed, authorities: [authority], at: Self.at)
        #expect(verified.signature == .authority(name: "Kanwil Jawa Tengah", key: Self.kanwil.didKey, created: Self.at))
        // The authority's key outside its window does not count.
        let lapsed = TrustListAuthority(
            name: "Kanwil Jawa Tengah", key: KeyValidity(didKey: Self.kanwil.didKey, validFrom: Self.start, validUntil: Self.start.addingTimeInterval(60)))
        #expect(throws: CredentialError(.trustListSignatureInvalid, "")) {
            try VerifiedTrustList(json: signed, authorities: [lapsed], at: Self.at)
        }
    }

    @Test("a list signed after the time of the check (beyond the clock skew) is refused")
    func signedInFuture() throws {
        let signed = try Self.facilityList(Self.ring).signed(with: SamplePortfolio.key, created: Self.at.addingTimeInterval(3600))
        #expect(throws: CredentialError(.trustListSignatureInvalid, "")) { try VerifiedTrustList(json: signed, at: Self.at) }
    }

    @Test("signed and unsigned lists are valid against the trust list schema (Python jsonschema)")
    func schema() throws {
        let schema = Fixture.repositoryRoot.appendingPathComponent("schemas/trust-list.schema.json").path
        for (name, document) in [
            ("signed.json", try Self.facilityList(Self.ring).signed(with: SamplePortfolio.key, created: Self.at)),
            ("unsigned.json", Self.facilityList(Self.ring, code: nil).json),
        ] {
            let run = try runProcess("/usr/bin/env", ["python3", try Fixture.url("validate_schema.py").path, schema, try writeTemporary(document, name: name).path])
            #expect(run.status == 0, "\(name): \(run.output)")
        }
    }

    @Test("the registry merges a facility's lists from before and after a key rotation, keeping the narrower window")
    func rotationMerge() throws {
        var ring = Self.ring
        let before = Self.facilityList(ring)
        ring.rotate(now: Self.at)
        let after = Self.facilityList(ring)
        var registry = TrustRegistry()
        try registry.add(VerifiedTrustList(unsigned: before))
        try registry.add(VerifiedTrustList(unsigned: after))
        #expect(registry.facilities.count == 1)
        let keys = registry.trustList.keys(for: Self.issuerURL)
        #expect(Set(keys.map(\.didKey)) == [SamplePortfolio.key.didKey, ring.current.didKey])
        // The old list left the first key open; the newer one closed it at the rotation: closed wins.
        #expect(keys.first { $0.didKey == SamplePortfolio.key.didKey }?.validUntil == Self.at.addingTimeInterval(1))
        // Added in the other order, the same result.
        var reversed = TrustRegistry()
        try reversed.add(VerifiedTrustList(unsigned: after))
        try reversed.add(VerifiedTrustList(unsigned: before))
        #expect(Set(reversed.trustList.keys(for: Self.issuerURL)) == Set(keys))
    }

    @Test("a second list calling itself the same facility with other keys is a look-alike and is refused")
    func lookAlike() throws {
        var registry = TrustRegistry()
        try registry.add(VerifiedTrustList(unsigned: Self.facilityList(Self.ring)))
        let forgerRing = KeyRing(current: Self.forger, currentValidFrom: Self.start)
        for name in ["Lapas Kelas IIA Purwokerto", "LAPAS  kelas IIA purwokerto", "Ｌａｐａｓ Kelas IIA Purwokerto"] {
            let fake = TrustList.facility(issuerID: nil, name: name, code: nil, ring: forgerRing)
            let conflicts = registry.conflicts(with: VerifiedTrustList(unsigned: fake))
            #expect(conflicts == [.lookAlike(name: name)], "\(name)")
        }
        // The same code under another name is a look-alike too.
        let sameCode = TrustList.facility(issuerID: nil, name: "Lapas Purwokerto", code: "LAPAS-PWT", ring: forgerRing)
        #expect(registry.conflicts(with: VerifiedTrustList(unsigned: sameCode)) == [.lookAlike(name: "Lapas Purwokerto")])
        do {
            try registry.add(VerifiedTrustList(unsigned: sameCode))
            Issue.record("a look-alike was added")
        } catch {
            #expect(error.code == .trustListConflict)
            #expect(error.message.contains("look-alike"))
        }
        #expect(registry.facilities.count == 1)
    }

    @Test("a key or issuer id another facility already has is refused; two distinct facilities live side by side")
    func claims() throws {
        var registry = TrustRegistry()
        try registry.add(VerifiedTrustList(unsigned: Self.facilityList(Self.ring)))
        let stolenKey = TrustList.facility(issuerID: "https://rutan.example/issuer", name: "Rutan Kelas IIB Banyumas", code: "RUTAN-BMS", ring: Self.ring)
        #expect(registry.conflicts(with: VerifiedTrustList(unsigned: stolenKey)) == [
            .keyClaimedByTwo(key: SamplePortfolio.key.didKey, facility: "Lapas Kelas IIA Purwokerto")
        ])
        let stolenID = TrustList.facility(
            issuerID: Self.issuerURL, name: "Rutan Kelas IIB Banyumas", code: "RUTAN-BMS",
            ring: KeyRing(current: Self.forger, currentValidFrom: Self.start))
        #expect(registry.conflicts(with: VerifiedTrustList(unsigned: stolenID)) == [
            .issuerClaimedByTwo(issuerID: Self.issuerURL, facility: "Lapas Kelas IIA Purwokerto")
        ])
        let other = TrustList.facility(
            issuerID: "https://rutan.example/issuer", name: "Rutan Kelas IIB Banyumas", code: "RUTAN-BMS",
            ring: KeyRing(current: Self.forger, currentValidFrom: Self.start))
        try registry.add(VerifiedTrustList(unsigned: other))
        #expect(registry.facilities.map(\.name) == ["Lapas Kelas IIA Purwokerto", "Rutan Kelas IIB Banyumas"])
    }

    @Test("verified through the registry, the verdict names each facility by its list's name")
    func namesFromRegistry() throws {
        var registry = TrustRegistry()
        try registry.add(VerifiedTrustList(unsigned: Self.facilityList(Self.ring)))
        let rutanKey = try IssuerKey(seed: Array(repeating: 0x31, count: 32))
        try registry.add(VerifiedTrustList(unsigned: TrustList.facility(
            issuerID: nil, name: "Rutan Kelas IIB Banyumas", code: "RUTAN-BMS", ring: KeyRing(current: rutanKey, currentValidFrom: Self.start))))
        let trust = TrustAnchors(trustList: registry.trustList)
        let lapas = SamplePortfolio.verify(try SamplePortfolio.export(issuerID: Self.issuerURL).credential, trust: trust)
        #expect(lapas.summary.issuer?.name == "Lapas Kelas IIA Purwokerto")
        #expect(lapas.summary.issuer?.nameIsConfirmed == true)
        // An export from the Rutan's key that calls itself "Lapas Kelas IIA Purwokerto" is named by the registry.
        let rutan = SamplePortfolio.verify(try SamplePortfolio.export(key: rutanKey).credential, trust: trust)
        #expect(rutan.result.isValid)
        #expect(rutan.summary.issuer?.name == "Rutan Kelas IIB Banyumas")
        #expect(rutan.summary.issuer?.facilityCode == "RUTAN-BMS")
    }
}
