@testable import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// When the verifier is handed an export's bytes and they are already RFC 8785 (as Bekal writes them), the proofs
/// are checked against slices of those bytes instead of forms assembled from the parsed value. The slices must be
/// the assembled bytes exactly, and every verdict must be the one the parsed value gets.
@Suite("Verifying canonical bytes: sliced forms equal assembled ones, and verdicts do not change")
struct CanonicalSliceTests {
    static let context = VerificationContext(at: SamplePortfolio.now.addingTimeInterval(3600), trust: SamplePortfolio.trust())

    /// Every check record, as text, so two verifications compare record by record.
    static func records(_ verification: CredentialVerification) -> [String] {
        verification.checks.map { "\($0.check)|\($0.subject)|\($0.status)|\($0.code)|\($0.detail)" }
    }

    /// The bytes verified as bytes (slices when canonical) and as the value parsed from them (assembled forms).
    static func expectSameVerdict(_ bytes: [UInt8], _ what: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> CredentialVerification
    {
        let fromBytes = CredentialVerifier().verify(bytes: bytes, context: context)
        let parsed = try? UnverifiedCredential(parsing: bytes)
        let fromValue = parsed.map { CredentialVerifier().verify($0, context: context) }
        #expect(fromValue.map(records) == records(fromBytes), "\(what)", sourceLocation: sourceLocation)
        return fromBytes
    }

    static func isSliced(_ form: CanonicalDocument?) -> Bool {
        if case .slice? = form { true } else { false }
    }

    @Test("an export's canonical bytes give sliced forms equal to the assembled ones and to JCS without the proof")
    func slicesEqualAssembled() throws {
        let export = try #require(try SamplePortfolio.export(cryptosuite: .jcs).credential.objectValue)
        let bytes = try JCS.canonicalize(.object(export))
        let sliced = CanonicalForms(export, parsedFrom: bytes)
        let assembled = CanonicalForms(export)
        #expect(Self.isSliced(sliced.outer))
        #expect(!Self.isSliced(assembled.outer))
        var unsecured = export
        unsecured["proof"] = nil
        let outerBytes = try #require(sliced.outer?.bytes(without: "proof"))
        #expect(outerBytes == (try JCS.canonicalize(.object(unsecured))))
        #expect(outerBytes == assembled.outer?.bytes(without: "proof"))
        #expect(sliced.embedded.count == 25)
        #expect(Set(sliced.embedded.keys) == Set(assembled.embedded.keys))
        for (index, form) in assembled.embedded {
            #expect(Self.isSliced(sliced.embedded[index]))
            #expect(sliced.embedded[index]?.bytes(without: "proof") == form.bytes(without: "proof"), "embedded \(index)")
            #expect(sliced.embedded[index]?.bytes(without: nil) == form.bytes(without: nil), "embedded \(index)")
        }
        let verification = Self.expectSameVerdict(bytes, "the export")
        #expect(verification.result.isValid)
        #expect(verification.checks.filter { $0.check == "proof" }.count == 26)
        #expect(verification.checks.filter { $0.check == "proof" }.allSatisfy { $0.status == .passed })
    }

    /// The outer object with its last member (`validFrom`) moved to the front: the same document, out of order.
    static func lastMemberFirst(_ text: String) -> String {
        guard let cut = text.range(of: ",\"validFrom\":", options: .backwards) else { return text }
        let member = text[text.index(after: cut.lowerBound)..<text.index(before: text.endIndex)]
        return "{" + member + "," + text[text.index(after: text.startIndex)..<cut.lowerBound] + "}"
    }

    @Test("written pretty, in insertion order, with 1.0 or an escaped letter, nothing is sliced and the verdict is the parsed value's")
    func notCanonicalFallsBack() throws {
        let export = try #require(try SamplePortfolio.export(SamplePortfolio.make(units: 3), cryptosuite: .jcs).credential.objectValue)
        let canonical = try JCS.canonicalize(.object(export))
        let text = String(decoding: canonical, as: UTF8.self)
        let variants: [(String, [UInt8])] = [
            ("pretty", JSONWriter.serialize(.object(export), pretty: true)),
            ("a space after the first colon", Array(text.replacingOccurrences(of: "\":", with: "\": ", options: [], range: text.range(of: "\":")).utf8)),
            ("names out of order", Array(Self.lastMemberFirst(text).utf8)),
            ("an escaped letter", Array(text.replacingOccurrences(of: "\"type\":\"DataIntegrityProof\"", with: "\"type\":\"DataIntegrityProo\\u0066\"").utf8)),
            ("a number written 1.0", Array(text.replacingOccurrences(of: "\"credentialSubject\":{", with: "\"credentialSubject\":{\"bekalCount\":1.0,").utf8)),
        ]
        for (what, bytes) in variants {
            #expect(bytes != canonical, "\(what) is a different text")
            let document = try #require((try? UnverifiedCredential(parsing: bytes))?.document, "\(what) parses")
            let forms = CanonicalForms(document, parsedFrom: bytes)
            #expect(!Self.isSliced(forms.outer), "\(what)")
            #expect(!forms.embedded.values.contains { Self.isSliced($0) }, "\(what)")
            _ = Self.expectSameVerdict(bytes, what)
        }
        // The escaped letter decodes to the same document, so its signatures still hold; the added member does not.
        #expect(Self.expectSameVerdict(variants[3].1, "escape").result.isValid)
        #expect(!Self.expectSameVerdict(variants[4].1, "1.0").result.isValid)
    }

    @Test("every leaf of an export changed, given as canonical bytes, is INVALID with exactly the checks the parsed value gets")
    func everyLeafFromBytes() throws {
        let small = AttackTests.small
        let paths = AttackTests.leaves(small)
        #expect(paths.count > 400)
        for path in paths {
            let tampered = AttackTests.modify(small, at: path[...], AttackTests.mutate)
            let bytes = try JCS.canonicalize(tampered)
            let verification = Self.expectSameVerdict(bytes, path.map(\.description).joined(separator: "/"))
            #expect(!verification.result.isValid, "\(path.map(\.description).joined(separator: "/")) accepted")
        }
        for path in AttackTests.members(small) {
            let bytes = try JCS.canonicalize(AttackTests.modify(small, at: path[...], { _ in nil }))
            #expect(!Self.expectSameVerdict(bytes, "dropped \(path)").result.isValid)
        }
    }
}
