import BekalJSON
import Foundation
import Testing

@testable import BekalLinkedData

/// Every shortcut taken for speed against the slow, obviously-correct path it replaced, over the W3C suites'
/// inputs and Bekal's own credentials: a wrong fast path fails here even where both sides would canonicalize
/// to the same thing.
@Suite("Fast paths agree with the reference paths")
struct FastPathTests {
    static let canonFolder = Bundle.module.url(forResource: "rdf-canon", withExtension: nil, subdirectory: "Fixtures")!

    /// The RDFC suite's input datasets (those that parse).
    static func canonInputs() throws -> [(String, RDFDataset)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: canonFolder.appendingPathComponent("rdfc10").path)
            .filter { $0.hasSuffix("-in.nq") }.sorted()
        return try names.compactMap { name in
            let text = try String(contentsOf: canonFolder.appendingPathComponent("rdfc10/" + name), encoding: .utf8)
            return (try? NQuadsParser().parse(text)).map { (name, $0) }
        }
    }

    /// Literals with every escape class, non-ASCII text and canonically equivalent spellings.
    static let trickyDataset = RDFDataset([
        RDFQuad(.blankNode("x"), .iri("http://example.org/p"), .literal(RDFLiteral("\u{0}\u{1}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{1F}\u{7F}"))),
        RDFQuad(.blankNode("x"), .iri("http://example.org/p"), .literal(RDFLiteral("quote \" backslash \\ end"))),
        RDFQuad(.blankNode("y"), .iri("http://example.org/p"), .literal(RDFLiteral("caf\u{E9}", language: "id"))),
        RDFQuad(.blankNode("y"), .iri("http://example.org/p"), .literal(RDFLiteral("cafe\u{301}", language: "id"))),
        RDFQuad(.iri("urn:x"), .iri("http://example.org/q"), .literal(RDFLiteral("Batik 😀 ꦧꦠꦶꦏ꧀", datatype: "http://example.org/t")),
                graph: .blankNode("g")),
        RDFQuad(.iri("urn:x"), .iri("http://example.org/q"), .blankNode("y"), graph: .iri("urn:graph")),
    ])

    @Test("byte-level N-Quads lines equal the scalar-by-scalar reference, escapes and non-ASCII included")
    func serializerMatchesReference() throws {
        var checked = 0
        for (_, dataset) in try Self.canonInputs() + [("tricky", Self.trickyDataset)] {
            for quad in dataset.quads {
                #expect(NQuadsSerializer.lineBytes(quad) == Array(ReferenceNQuads.line(quad).utf8))
                checked += 1
            }
        }
        #expect(checked > 300)
        #expect(NQuadsSerializer.line(Self.trickyDataset.quads[0])
            == "_:x <http://example.org/p> \"\\u0000\\u0001\\u0007\\b\\t\\n\\u000B\\f\\r\\u001F\\u007F\" .\n")
    }

    @Test("canonical N-Quads equal relabelling, writing and sorting every quad the slow way")
    func canonicalLinesMatchReference() throws {
        var checked = 0
        for (name, dataset) in try Self.canonInputs() + [("tricky", Self.trickyDataset)] {
            guard let result = try? RDFCanonicalizer().canonicalize(dataset) else { continue }
            let reference = ReferenceNQuads.canonicalDocument(dataset, issued: result.issuedIdentifiers)
            #expect(Array(result.nquads.utf8) == reference, "\(name)")
            checked += 1
        }
        #expect(checked > 60)
    }

    @Test("the dataset keeps canonically equivalent literals apart and drops exact repeats")
    func datasetSetSemantics() {
        var dataset = Self.trickyDataset
        let before = dataset.count
        for quad in Self.trickyDataset.quads { dataset.insert(quad) }
        #expect(dataset.count == before)
        #expect(before == 6)
    }

    @Test("interned terms keep canonically equivalent literals and IRIs apart, and each quad's line is the serializer's")
    func internedTermsAreExact() {
        let dataset = RDFDataset(Self.trickyDataset.quads + [
            RDFQuad(.iri("urn:caf\u{E9}"), .iri("http://example.org/p"), .literal(RDFLiteral("1"))),
            RDFQuad(.iri("urn:cafe\u{301}"), .iri("http://example.org/p"), .literal(RDFLiteral("1"))),
            RDFQuad(.iri("urn:x"), .blankNode("p"), .blankNode("x")),
        ])
        var interned = InternedDataset(dataset)
        #expect(interned.count == 9)
        for quad in interned.quads { interned.insert(quad) }
        #expect(interned.count == 9, "exact repeats are dropped")
        let labels = interned.blankNodeLabels ?? []
        #expect(labels == ["x", "y", "g"], "blank nodes numbered in order of first appearance; a blank predicate is not one")
        let state = CanonicalizationState(algorithm: .sha256, limits: .init(), dataset: interned)
        for (quad, original) in zip(interned.quads, dataset.quads) {
            var line: [UInt8] = []
            state.appendLine(quad, to: &line) { node, out in out.append(contentsOf: labels[node].utf8) }
            #expect(line == Array(ReferenceNQuads.line(original).utf8))
        }
    }

    @Test("IRIs met again, as the same strings or as equal copies, get their own term and never another's")
    func recentIRIs() {
        var dataset = InternedDataset()
        // Same length, so only the storage tells them apart; more than the 64 recent slots, so slots are reused.
        let iris = (0..<300).map { "https://example.org/vocab#term" + String(format: "%05d", $0) }
        var terms: [String: InternedDataset.Term] = [:]
        for iri in iris { terms[iri] = dataset.iri(iri) }
        #expect(Set(terms.values).count == iris.count)
        for round in 0..<3 {
            // A fixed order unlike the first (7 and 300 share no factor), so a failure repeats.
            for iri in iris.indices.map({ iris[($0 * 7 + round) % iris.count] }) {
                let copy = String(decoding: Array(iri.utf8), as: UTF8.self)
                let met = round == 1 ? copy : iri
                #expect(dataset.iri(met) == terms[iri], "\(iri)")
                #expect(dataset.knownASCIIIRI(met) == terms[iri], "\(iri)")
                let form = dataset.formBytes[dataset.formRange(terms[iri]!)]
                #expect(Array(form) == Array(("<" + iri + ">").utf8))
            }
        }
        #expect(dataset.knownASCIIIRI("https://example.org/vocab#term99999") == nil)
    }

    @Test("a literal stored at each mention still makes one statement when the statement repeats, and only then")
    func repeatedLiteralStatements() {
        var dataset = InternedDataset()
        let subject = dataset.iri("urn:s")
        let predicate = dataset.iri("http://example.org/p")
        func add(_ literal: RDFLiteral, graph: InternedDataset.Term = .defaultGraph) {
            let object = dataset.term(.literal(literal))
            dataset.insert(.init(subject: subject, predicate: predicate, object: object, graph: graph))
        }
        for _ in 0..<3 { add(RDFLiteral("Batik cap")) }
        #expect(dataset.count == 1)
        add(RDFLiteral("caf\u{E9}"))
        add(RDFLiteral("cafe\u{301}"))
        add(RDFLiteral("Batik cap", language: "id"))
        add(RDFLiteral("Batik cap"), graph: dataset.iri("urn:g"))
        add(RDFLiteral("caf\u{E9}"))
        #expect(dataset.count == 5, "canonically equivalent, language-tagged and other-graph literals are other statements")
        // Enough statements to grow the table several times: each found again after every growth.
        for number in 0..<2_000 { add(RDFLiteral(String(number))) }
        for number in 0..<2_000 { add(RDFLiteral(String(number))) }
        #expect(dataset.count == 2_005)
    }

    /// toRDF with the node map's value sets on (the specification's algorithm) or off (the fast path).
    static func dataset(_ jsonld: JSONLD, _ input: JSONValue, deduplicating: Bool) throws(LinkedDataError) -> RDFDataset {
        let expanded = try jsonld.expand(input)
        var nodeMap = NodeMap(deduplicatesValues: deduplicating)
        var none: [JSONValue]?
        try nodeMap.generate(.array(expanded), graph: "@default", list: &none)
        var deserializer = RDFDeserializer(nodeMap: nodeMap, options: jsonld.options)
        try deserializer.run()
        return deserializer.dataset
    }

    /// The positive toRdf suite entries and Bekal's credential fixtures, each with the processor to use.
    static func documents() throws -> [(String, JSONLD, JSONValue)] {
        var documents: [(String, JSONLD, JSONValue)] = []
        for entry in try JSONLDSuiteTests.entries("toRdf-manifest.jsonld")
        where !entry.types.contains("jld:NegativeEvaluationTest") && JSONLDSuiteTests.skipReason(entry, prefix: "toRdf") == nil {
            guard let jsonld = try? JSONLDSuiteTests.processor(entry), let input = try? FixtureLoader.json(entry.input)
            else { continue }
            documents.append((entry.id, jsonld, input))
        }
        for name in ["examples/full_ex.json", "examples/minimal_valid_obv3.json", "di-cases/valid/selfmade_clr_rdfc.json",
                     "di-cases/valid/selfmade_ob3_rdfc.json", "vc-di-eddsa/unsigned.json"] {
            documents.append((name, JSONLD(), try TestFiles.json(name)))
        }
        return documents
    }

    @Test("RDF without the node map's value sets is the very dataset the specification's node map gives")
    func nodeMapValueSets() throws {
        var compared = 0
        for (name, jsonld, input) in try Self.documents() {
            let slow: RDFDataset
            do {
                slow = try Self.dataset(jsonld, input, deduplicating: true)
            } catch {
                #expect(throws: error) { try Self.dataset(jsonld, input, deduplicating: false) }
                continue
            }
            let fast = try Self.dataset(jsonld, input, deduplicating: false)
            #expect(NQuadsSerializer.document(fast) == NQuadsSerializer.document(slow), "\(name)")
            compared += 1
        }
        #expect(compared > 300)
    }

    @Test("expansion with memoized scoped contexts and names equals expansion that processes every one afresh")
    func scopedContextMemo() throws {
        var compared = 0
        for (name, jsonld, input) in try Self.documents() {
            let reference = JSONLD(
                loader: jsonld.loader, options: jsonld.options, cache: ContextCache(memoizes: false))
            // Twice through the memoizing processor, so the second run reads what the first stored.
            for _ in 0..<2 {
                let fast = try? jsonld.expand(input)
                let slow = try? reference.expand(input)
                #expect(fast == slow, "\(name)")
            }
            compared += 1
        }
        #expect(compared > 300)
    }
}
