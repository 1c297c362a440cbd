@testable import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// The fast paths that reuse canonical forms (JCS is compositional) against the obvious path: `JCS.canonicalize`
/// of the whole document, `DataIntegrity.sign` suite by suite, `DataIntegrity.verifyProofs` without forms.
@Suite("Canonical forms assembled from parts equal JCS of the whole")
struct CanonicalAssemblyTests {
    static func jcs(_ object: JSONObject) throws -> [UInt8] { try JCS.canonicalize(.object(object)) }

    /// A jcs export's credentials with their proofs removed: what the exporter signs.
    static func unsignedParts(includeName: Bool = true) throws -> (outer: JSONObject, embedded: [JSONObject]) {
        var outer = try #require(try SamplePortfolio.export(includeName: includeName, cryptosuite: .jcs).credential.objectValue)
        outer["proof"] = nil
        let embedded = try #require(outer["credentialSubject"]?["verifiableCredential"]?.arrayValue).map { item in
            var credential = try #require(item.objectValue)
            credential["proof"] = nil
            return credential
        }
        return (outer, embedded)
    }

    static func replacingEmbedded(_ outer: JSONObject, with embedded: [JSONObject]) throws -> JSONObject {
        var outer = outer
        var subject = try #require(outer["credentialSubject"]?.objectValue)
        subject["verifiableCredential"] = .array(embedded.map { .object($0) })
        outer["credentialSubject"] = .object(subject)
        return outer
    }

    @Test("the exporter signs exactly JCS of each credential and of the ClrCredential, and its output equals DataIntegrity.sign's",
        arguments: [1, 2])
    func exporterBytesAreJCS(_ proofCount: Int) throws {
        let (outer, embedded) = try Self.unsignedParts()
        #expect(embedded.count == 25)
        let suites: [any Cryptosuite] = Array(repeating: EddsaJcs2022(), count: proofCount)
        let signer = ExportSigner(key: SamplePortfolio.key, now: SamplePortfolio.now, suites: suites)
        func slow(_ document: JSONObject) throws -> JSONObject {
            var secured = document
            for suite in suites {
                secured = try DataIntegrity.sign(secured, key: SamplePortfolio.key, created: SamplePortfolio.now, suite: suite, asProofSet: true)
            }
            return secured
        }
        let signed = try embedded.map { try signer.signEmbedded($0) }
        for (credential, result) in zip(embedded, signed) {
            let form = try #require(result.form)
            #expect(form.bytes(without: "proof") == (try Self.jcs(credential)))
            #expect(form.bytes == (try Self.jcs(result.document)))
            #expect(try Self.jcs(result.document) == (try Self.jcs(try slow(credential))))
        }
        let unsignedOuter = try Self.replacingEmbedded(outer, with: signed.map(\.document))
        let secured = try signer.signOuter(unsignedOuter, embedded: signed)
        let form = try #require(secured.form)
        #expect(form.bytes(without: "proof") == (try Self.jcs(unsignedOuter)))
        #expect(form.bytes == (try Self.jcs(secured.document)))
        #expect(try Self.jcs(secured.document) == (try Self.jcs(try slow(unsignedOuter))))
    }

    @Test("a whole jcs export equals the one built by signing each credential with DataIntegrity.sign")
    func wholeExportMatchesSlowPath() throws {
        let fast = try #require(try SamplePortfolio.export(cryptosuite: .jcs).credential.objectValue)
        let (outer, embedded) = try Self.unsignedParts(includeName: false)
        let signed = try embedded.map {
            try DataIntegrity.sign($0, key: SamplePortfolio.key, created: SamplePortfolio.now, suite: EddsaJcs2022(), asProofSet: true)
        }
        let slow = try DataIntegrity.sign(
            try Self.replacingEmbedded(outer, with: signed), key: SamplePortfolio.key, created: SamplePortfolio.now,
            suite: EddsaJcs2022(), asProofSet: true)
        #expect(try Self.jcs(fast) == (try Self.jcs(slow)))
        // The bytes handed back for writing are JCS of the result; an rdfc-only export assembles none.
        let result = try SamplePortfolio.export(cryptosuite: .both)
        #expect(result.canonicalBytes == (try JCS.canonicalize(result.credential)))
        #expect(try SamplePortfolio.export(cryptosuite: .jcs).canonicalBytes == (try Self.jcs(fast)))
        #expect(try SamplePortfolio.export(cryptosuite: .rdfc).canonicalBytes == nil)
    }

    @Test("members are ordered by UTF-16 code units, set adds or replaces, and nested forms splice in unchanged")
    func objectOrderAndSplicing() throws {
        // U+E000 sorts after U+1F600 in UTF-16 (a surrogate pair starts with 0xD83D), before it in code points.
        let inner: JSONObject = JSONObject([
            ("\u{E000}", 1), ("😀", 2), ("b", [1.5, "é\n", nil]), ("a", ["z": true, "y": -0.0]), ("q\"uote", "x"),
            ("back\\slash", 1e-7), ("tab\there", 2e21), ("\u{7F}del", false),
        ])
        var outer = JSONObject([("z", "last"), ("inner", .object(inner)), ("list", [.object(inner), 3])])
        let innerForm = try CanonicalObject(inner, depth: 2)
        #expect(innerForm.bytes == (try Self.jcs(inner)))
        var form = try CanonicalObject(
            outer, precomputed: ["list": CanonicalObject.array([innerForm.bytes, Array("3".utf8)])])
        #expect(form.bytes == (try Self.jcs(outer)))
        try form.set("proof", value: ["type": "DataIntegrityProof"])
        try form.set("z", value: 1e21)
        outer["proof"] = ["type": "DataIntegrityProof"]
        outer["z"] = 1e21
        #expect(form.bytes == (try Self.jcs(outer)))
        outer["proof"] = nil
        #expect(form.bytes(without: "proof") == (try Self.jcs(outer)))
    }

    @Test("a part refuses exactly the nesting and numbers JCS of the whole document refuses")
    func limitsMatchWholeDocument() throws {
        func nested(_ levels: Int) -> JSONValue {
            var value: JSONValue = "leaf"
            for _ in 0..<levels { value = .array([value]) }
            return value
        }
        // At depth 3 in the document, a member's value sits at depth 4.
        for levels in [JCS.maxDepth - 6, JCS.maxDepth - 5, JCS.maxDepth - 4, JCS.maxDepth - 3] {
            let part = JSONObject([("deep", nested(levels))])
            let whole: JSONValue = ["credentialSubject": ["verifiableCredential": [.object(part)]]]
            let wholeRefuses = (try? JCS.canonicalize(whole)) == nil
            let partRefuses = (try? CanonicalObject(part, depth: 3)) == nil
            #expect(wholeRefuses == partRefuses, "levels \(levels)")
        }
        let unsafe = JSONObject([("n", 9_007_199_254_740_994)])
        #expect(throws: JSONError.self) { try CanonicalObject(unsafe, depth: 3) }
    }

    @Test("the verifier's proof results with assembled forms equal those without, for a good and for tampered exports")
    func verifierMatchesSlowPath() throws {
        let export = try #require(try SamplePortfolio.export(cryptosuite: .jcs).credential.objectValue)
        var variants: [JSONObject] = [export]
        func editingEmbedded(_ index: Int, _ edit: (inout JSONObject) -> Void) throws -> JSONObject {
            var outer = export
            var subject = try #require(outer["credentialSubject"]?.objectValue)
            var list = try #require(subject["verifiableCredential"]?.arrayValue)
            var credential = try #require(list[index].objectValue)
            edit(&credential)
            list[index] = .object(credential)
            subject["verifiableCredential"] = .array(list)
            outer["credentialSubject"] = .object(subject)
            return outer
        }
        variants.append(try editingEmbedded(0) { $0["name"] = "Kompeten in every unit" })
        variants.append(try editingEmbedded(3) { $0["bekalNote"] = 9_007_199_254_740_994 })
        variants.append(try editingEmbedded(5) { $0["proof"] = "not a proof" })
        variants.append(try editingEmbedded(24) { $0["\u{E000}"] = "private use" })
        var outerEdited = export
        outerEdited["name"] = "Another portfolio"
        variants.append(outerEdited)
        for (number, document) in variants.enumerated() {
            let forms = CanonicalForms(document)
            let fast = DataIntegrity.verifyProofs(in: document, registry: .standard, canonical: forms.outer)
            #expect(fast == DataIntegrity.verifyProofs(in: document), "variant \(number): outer")
            let embedded = document["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? []
            for (index, item) in embedded.enumerated() {
                let credential = try #require(item.objectValue)
                let fastEmbedded = DataIntegrity.verifyProofs(in: credential, registry: .standard, canonical: forms.embedded[index])
                #expect(fastEmbedded == DataIntegrity.verifyProofs(in: credential), "variant \(number): embedded \(index)")
            }
        }
        #expect(DataIntegrity.verifyProofs(in: variants[0]).allVerified)
        #expect(!DataIntegrity.verifyProofs(in: variants[1]).allVerified)
        #expect(CanonicalForms(variants[2]).outer == nil)
    }
}
