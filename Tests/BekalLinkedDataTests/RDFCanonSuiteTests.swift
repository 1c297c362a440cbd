import Foundation
import Testing

@testable import BekalLinkedData

/// The W3C RDFC-1.0 test suite (rdf-canon), run in full from the copied manifest.
@Suite("RDFC-1.0 W3C test suite")
struct RDFCanonSuiteTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var id: String
        var type: String
        var action: String
        var result: String?
        var hashAlgorithm: String?
        var testDescription: String { id }
    }

    static let folder = Bundle.module.url(forResource: "rdf-canon", withExtension: nil, subdirectory: "Fixtures")!

    static func entries() throws -> [Entry] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.jsonld"))
        let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let items = manifest?["entries"] as? [[String: Any]] ?? []
        return items.map {
            Entry(
                id: $0["id"] as? String ?? "?", type: $0["type"] as? String ?? "?", action: $0["action"] as? String ?? "",
                result: $0["result"] as? String, hashAlgorithm: $0["hashAlgorithm"] as? String)
        }
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    static func canonicalizer(_ entry: Entry) -> RDFCanonicalizer {
        RDFCanonicalizer(hashAlgorithm: entry.hashAlgorithm == "SHA384" ? .sha384 : .sha256)
    }

    @Test("the manifest lists 64 eval, 21 map and 1 negative test")
    func manifestShape() throws {
        let entries = try Self.entries()
        #expect(entries.filter { $0.type == "rdfc:RDFC10EvalTest" }.count == 64)
        #expect(entries.filter { $0.type == "rdfc:RDFC10MapTest" }.count == 21)
        #expect(entries.filter { $0.type == "rdfc:RDFC10NegativeEvalTest" }.count == 1)
    }

    @Test("every eval test yields the expected canonical N-Quads", arguments: try entries().filter { $0.type == "rdfc:RDFC10EvalTest" })
    func evalTest(_ entry: Entry) throws {
        let input = try Self.read(entry.action)
        let expected = try Self.read(try #require(entry.result))
        let result = try Self.canonicalizer(entry).canonicalize(nquads: input)
        #expect(result.nquads == expected)
    }

    @Test("every map test yields the expected blank-node map", arguments: try entries().filter { $0.type == "rdfc:RDFC10MapTest" })
    func mapTest(_ entry: Entry) throws {
        let input = try Self.read(entry.action)
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(try #require(entry.result)))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        let result = try Self.canonicalizer(entry).canonicalize(nquads: input)
        #expect(result.issuedIdentifiers == expected)
    }

    @Test("the poison clique fails with the work-limit error", arguments: try entries().filter { $0.type == "rdfc:RDFC10NegativeEvalTest" })
    func negativeTest(_ entry: Entry) throws {
        let input = try Self.read(entry.action)
        #expect(throws: LinkedDataError(.canonicalizationWorkLimit, "")) {
            try Self.canonicalizer(entry).canonicalize(nquads: input)
        }
    }

    @Test("the default work limit is at least ten times what the hardest positive test needs")
    func workHeadroom() throws {
        var most = 0
        for entry in try Self.entries() where entry.type == "rdfc:RDFC10EvalTest" {
            let result = try Self.canonicalizer(entry).canonicalize(nquads: try Self.read(entry.action))
            most = max(most, result.work)
        }
        print("rdf-canon: most N-degree work in a positive test = \(most); limit = \(RDFCanonicalizer.Limits().maxWork)")
        #expect(most * 10 <= RDFCanonicalizer.Limits().maxWork)
    }
}
