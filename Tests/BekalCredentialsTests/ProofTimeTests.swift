import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// A proof made after the time of the check (beyond the allowed clock skew), or past its `expires`, fails.
@Suite("Proof times")
struct ProofTimeTests {
    static let at = Timestamp.parse("2026-11-20T09:00:00Z")!

    /// The W3C unsigned credential signed at `created`, with `expires` when given.
    static func signed(created: Date, expires: String? = nil) throws -> JSONObject {
        var unsigned = try Fixture.object("vc-di-eddsa/unsigned.json")
        unsigned["issuer"] = .string(SamplePortfolio.key.didKey.did)
        unsigned["validFrom"] = nil
        var options = JSONObject([
            ("type", "DataIntegrityProof"), ("cryptosuite", "eddsa-jcs-2022"),
            ("created", .string(Timestamp.format(created))),
            ("verificationMethod", .string(SamplePortfolio.key.didKey.verificationMethodID)),
            ("proofPurpose", "assertionMethod"),
        ])
        if let expires { options["expires"] = .string(expires) }
        var document = unsigned
        document["proof"] = .object(try EddsaJcs2022().createProof(document: unsigned, options: options, key: SamplePortfolio.key))
        return document
    }

    func verify(_ document: JSONObject) -> CredentialVerification {
        SamplePortfolio.verify(.object(document), at: Self.at)
    }

    @Test("a proof created up to five minutes after the check passes (clock skew); six minutes after fails")
    func createdInFuture() throws {
        let within = verify(try Self.signed(created: Self.at.addingTimeInterval(4 * 60)))
        #expect(within.result.verdict == .valid, "\(within.result.failures)")
        #expect(within.checks.contains { $0.check == "proof-time" && $0.status == .passed })

        let beyond = verify(try Self.signed(created: Self.at.addingTimeInterval(6 * 60)))
        #expect(beyond.result.verdict == .invalid)
        let failure = try #require(beyond.result.failures.first)
        #expect(beyond.result.failures.count == 1)
        #expect(failure.check == "proof-time")
        #expect(failure.code == .proofCreatedInFuture)
        // The signature itself is fine: only its time fails.
        #expect(beyond.checks.contains { $0.check == "proof" && $0.status == .passed })
        #expect(ProofTimePolicy.allowedClockSkew == 300)
    }

    @Test("a real export keeps validFrom = its proof's created: checked 4 minutes early it is valid (the same clock skew), 6 minutes early not yet valid")
    func exportValidFromSkew() throws {
        let export = try SamplePortfolio.export()
        let validFrom = try #require(export.credential.objectValue?["validFrom"]?.stringValue.flatMap(Timestamp.parse))
        let within = SamplePortfolio.verify(export.credential, at: validFrom.addingTimeInterval(-4 * 60))
        #expect(within.result.isValid, "\(within.result.failures)")
        #expect(!within.checks.contains { $0.check == "validity" && $0.status == .failed })

        let beyond = SamplePortfolio.verify(export.credential, at: validFrom.addingTimeInterval(-6 * 60))
        #expect(!beyond.result.isValid)
        #expect(beyond.result.failures.contains { $0.check == "validity" && $0.code == .notYetValid },
                "\(beyond.result.failures)")
        #expect(beyond.checks.contains { $0.check == "validity" && $0.detail.hasPrefix("not yet valid") })
    }

    @Test("a proof whose expires has passed fails; one that expires later passes")
    func expired() throws {
        let created = Self.at.addingTimeInterval(-86_400)
        let lapsed = verify(try Self.signed(created: created, expires: "2026-11-20T08:59:59Z"))
        #expect(lapsed.result.verdict == .invalid)
        #expect(lapsed.result.failures.map(\.code) == [.proofExpired])
        #expect(lapsed.summary.invalidCause == .outsideValidity)
        let exact = verify(try Self.signed(created: created, expires: "2026-11-20T09:00:00Z"))
        #expect(exact.result.failures.map(\.code) == [.proofExpired])
        let current = verify(try Self.signed(created: created, expires: "2026-11-20T09:00:01Z"))
        #expect(current.result.verdict == .valid, "\(current.result.failures)")
    }

    @Test("an unreadable expires is a malformed proof")
    func malformedExpires() throws {
        let document = try Self.signed(created: Self.at, expires: "tomorrow")
        let result = verify(document)
        #expect(result.result.verdict == .invalid)
        #expect(result.result.failures.filter { $0.check == "proof" }.map(\.code) == ["proof-malformed"])
    }

    @Test("a status list whose proof was made after the check is not authentic")
    func statusListInFuture() throws {
        let document = try StatusListCredential.make(
            id: SamplePortfolio.listURL, issuer: SamplePortfolio.key.didKey.did, list: StatusList(), key: SamplePortfolio.key,
            now: Self.at.addingTimeInterval(3600))
        let list = try CredentialVerifier().statusList(document, trust: SamplePortfolio.trust(), at: Self.at)
        #expect(list.problem?.contains("later than the check") == true)
        #expect(try CredentialVerifier().statusList(document, trust: SamplePortfolio.trust(), at: Self.at.addingTimeInterval(7200)).problem == nil)
    }
}
