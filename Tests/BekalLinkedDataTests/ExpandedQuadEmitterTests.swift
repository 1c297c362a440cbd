import BekalJSON
import Foundation
import Testing

@testable import BekalLinkedData

/// The direct route from the expanded form to quads (``ExpandedQuadEmitter``) against the specification's route
/// (node map, then RDF conversion): the same canonical N-Quads wherever it answers, and no answer where only the
/// node map knows what to drop, merge or refuse.
@Suite("Quads straight from the expanded form agree with the node map")
struct ExpandedQuadEmitterTests {
    /// Canonical N-Quads of a dataset, or the error's code when RDFC-1.0 refuses it.
    static func canonical(_ dataset: RDFDataset) -> String {
        do {
            return try RDFCanonicalizer().canonicalize(dataset).nquads
        } catch {
            return "refused: \(error.code)"
        }
    }

    /// The same for an interned dataset (what the direct route gives).
    static func canonical(_ dataset: InternedDataset) -> String {
        do {
            return String(decoding: try RDFCanonicalizer().canonicalBytes(dataset), as: UTF8.self)
        } catch {
            return "refused: \(error.code)"
        }
    }

    @Test("every toRdf suite document and Bekal credential it covers canonicalizes exactly as through the node map")
    func sameCanonicalForm() throws {
        var covered: [String] = []
        for (name, jsonld, input) in try FastPathTests.documents() {
            guard let expanded = try? jsonld.expand(input), let reference = try? jsonld.dataset(expanded: expanded) else {
                continue
            }
            guard let direct = ExpandedQuadEmitter.dataset(of: expanded, options: jsonld.options) else { continue }
            #expect(direct.count == reference.count, "\(name)")
            #expect(Self.canonical(direct) == Self.canonical(reference), "\(name)")
            covered.append(name)
        }
        // The suite's lists, reverse properties, named graphs, @included and @json are all among them.
        #expect(covered.count > 250)
        for name in ["examples/full_ex.json", "di-cases/valid/selfmade_clr_rdfc.json", "vc-di-eddsa/unsigned.json"] {
            #expect(covered.contains(name), "Bekal's own credentials take the direct route: \(name)")
        }
    }

    @Test("Bekal's credentials in safe mode take the direct route and canonicalize as the node map's dataset does",
        arguments: ["examples/full_ex.json", "examples/minimal_valid_obv3.json", "di-cases/valid/selfmade_clr_rdfc.json",
                    "di-cases/valid/selfmade_ob3_rdfc.json", "vc-di-eddsa/unsigned.json"])
    func bekalCredentials(_ path: String) throws {
        let jsonld = JSONLD(options: JSONLDOptions(safeMode: true))
        let expanded = try jsonld.expand(try TestFiles.json(path))
        let direct = try #require(ExpandedQuadEmitter.dataset(of: expanded, options: jsonld.options))
        #expect(Self.canonical(direct) == Self.canonical(try jsonld.toRDF(try TestFiles.json(path))))
    }

    /// Documents only the node map may answer for: something dropped, merged by canonical equivalence, or refused.
    static let declined: [(String, String)] = [
        ("relative subject", #"{"@id": "relative", "http://example.org/p": "v"}"#),
        ("relative property value", #"{"@id": "urn:s", "http://example.org/p": {"@id": "relative"}}"#),
        ("relative type", #"{"@id": "urn:s", "@type": "relative", "http://example.org/p": "v"}"#),
        ("bad datatype", #"{"http://example.org/p": {"@value": "v", "@type": "bad datatype"}}"#),
        ("bad language", #"{"http://example.org/p": {"@value": "v", "@language": "not a tag"}}"#),
        ("direction", #"{"http://example.org/p": {"@value": "v", "@language": "id", "@direction": "ltr"}}"#),
        ("node index", #"{"@id": "urn:s", "@index": "i", "http://example.org/p": "v"}"#),
        ("conflicting indexes", #"[{"@id": "urn:s", "@index": "a"}, {"@id": "urn:s", "@index": "b"}]"#),
        ("non-ASCII subject", #"{"@id": "urn:caf\u00e9", "http://example.org/p": "v"}"#),
        ("canonically equivalent subjects",
         #"[{"@id": "urn:caf\u00e9", "http://example.org/p": "1"}, {"@id": "urn:cafe\u0301", "http://example.org/p": "2"}]"#),
        ("non-ASCII property", #"{"http://example.org/caf\u00e9": "v"}"#),
        ("blank-node property", #"{"@id": "urn:s", "_:p": "v"}"#),
    ]

    @Test("documents with dropped, merged or refused parts are declined and canonicalize as the node map decides")
    func declinesWhatOnlyTheNodeMapDecides() throws {
        for safeMode in [false, true] {
            let jsonld = JSONLD(options: JSONLDOptions(safeMode: safeMode))
            for (name, text) in Self.declined {
                let input = try JSONParser.parse(Array(text.utf8))
                guard let expanded = try? jsonld.expand(input) else { continue }
                #expect(ExpandedQuadEmitter.dataset(of: expanded, options: jsonld.options) == nil, "\(name)")
                let viaNodeMap = Self.outcome { () throws(LinkedDataError) in Self.canonical(try jsonld.toRDF(input)) }
                let forCanonicalization = Self.outcome { () throws(LinkedDataError) in
                    Self.canonical(try jsonld.datasetForCanonicalization(input))
                }
                #expect(forCanonicalization == viaNodeMap, "\(name) (safe mode \(safeMode))")
            }
        }
    }

    /// The canonical N-Quads `route` gives, or the error it throws.
    static func outcome(_ route: () throws(LinkedDataError) -> String) -> String {
        do {
            return try route()
        } catch {
            return "error: \(error.code) \(error.message)"
        }
    }

    @Test("a tampered credential whose id is relative is refused in safe mode, as before")
    func tamperedCredentialRefused() throws {
        guard case .object(var document) = try TestFiles.json("di-cases/valid/selfmade_clr_rdfc.json") else {
            Issue.record("fixture is not an object")
            return
        }
        document["id"] = "not-an-iri"
        do {
            _ = try RDFCProofAlgorithms().canonicalize(.object(document))
            Issue.record("a credential with a relative id was canonicalized")
        } catch {
            #expect(error.code == .undefinedTerm)
        }
    }
}
