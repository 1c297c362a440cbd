import BekalJSON
import Testing

@testable import BekalLinkedData

/// A loader over documents held in memory, for contexts that refer to each other.
struct MemoryLoader: DocumentLoader {
    var documents: [String: JSONValue]

    func load(_ url: String) throws(LinkedDataError) -> JSONValue {
        guard let document = documents[url] else {
            throw LinkedDataError(.unknownContext, "not in memory", specCode: "loading remote context failed")
        }
        return document
    }
}

@Suite("Bad input gives specific errors, never a hang or a crash")
struct BadInputTests {
    static let credentialsV2: JSONValue = "https://www.w3.org/ns/credentials/v2"

    @Test("a document that expands to nothing cannot be canonicalized for signing")
    func emptyExpansion() throws {
        let document: JSONValue = ["@context": Self.credentialsV2, "notATerm": "value"]
        #expect(throws: LinkedDataError(.emptyExpansion, "")) {
            try RDFCProofAlgorithms(safeMode: false).canonicalize(document)
        }
        #expect(throws: LinkedDataError(.undefinedTerm, "")) { try RDFCProofAlgorithms().canonicalize(document) }
    }

    @Test("safe mode refuses an undefined term next to defined ones, and plain mode drops it")
    func safeModeUndefinedTerm() throws {
        let document: JSONValue = [
            "@context": Self.credentialsV2, "id": "urn:uuid:1", "type": ["VerifiableCredential"], "undefinedTerm": "x",
        ]
        #expect(throws: LinkedDataError(.undefinedTerm, "")) { try RDFCProofAlgorithms().canonicalize(document) }
        let plain = try RDFCProofAlgorithms(safeMode: false).canonicalize(document)
        #expect(plain == "<urn:uuid:1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/2018/credentials#VerifiableCredential> .\n")
    }

    @Test("safe mode refuses a type that stays a relative IRI")
    func safeModeRelativeType() throws {
        let document: JSONValue = ["@context": Self.credentialsV2, "id": "urn:uuid:1", "type": ["UndefinedType"]]
        #expect(throws: LinkedDataError(.undefinedTerm, "")) { try RDFCProofAlgorithms().canonicalize(document) }
    }

    @Test("an IRI mapping that is not an IRI is an invalid-IRI error")
    func invalidIRIMapping() throws {
        let document: JSONValue = ["@context": ["term": ["@id": "not an iri"]], "term": "x"]
        #expect(throws: LinkedDataError(.invalidIRI, "")) { try JSONLD().expand(document) }
        let vocab: JSONValue = ["@context": ["@vocab": 5], "term": "x"]
        #expect(throws: LinkedDataError(.invalidIRI, "")) { try JSONLD().expand(vocab) }
    }

    @Test("contexts that load each other in a loop are a context-cycle error")
    func remoteContextCycle() throws {
        let loader = MemoryLoader(documents: [
            "https://example.org/a": ["@context": ["https://example.org/b", ["a": "https://example.org/a#"]]],
            "https://example.org/b": ["@context": ["https://example.org/a"]],
        ])
        let document: JSONValue = ["@context": "https://example.org/a", "a": "x"]
        #expect(throws: LinkedDataError(.contextCycle, "")) { try JSONLD(loader: loader).expand(document) }
    }

    @Test("terms defined through each other are a context-cycle error")
    func termCycle() throws {
        let document: JSONValue = ["@context": ["a": "b:x", "b": "a:y"], "a": "value"]
        #expect(throws: LinkedDataError(.contextCycle, "")) { try JSONLD().expand(document) }
    }

    @Test("a context that is not bundled is an unknown-context error naming no document content")
    func unknownContext() throws {
        let document: JSONValue = ["@context": "https://example.org/not-bundled", "name": "Budi"]
        do {
            _ = try JSONLD().expand(document)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownContext)
            #expect(!error.message.contains("Budi"))
        }
    }

    @Test("nesting deeper than the limit is a depth error")
    func deepNesting() throws {
        var value: JSONValue = ["http://example.org/p": "leaf"]
        for _ in 0..<200 { value = ["http://example.org/p": value] }
        #expect(throws: LinkedDataError(.depthLimit, "")) { try JSONLD().toRDF(value) }
    }

    @Test("more quads than the limit is an output-limit error")
    func outputLimit() throws {
        var object = JSONObject()
        for index in 0..<50 { object["http://example.org/p\(index)"] = .string("v") }
        var options = JSONLDOptions()
        options.limits.maxQuads = 20
        #expect(throws: LinkedDataError(.outputLimit, "")) { try JSONLD(options: options).toRDF(.object(object)) }
    }

    @Test("broken N-Quads are syntax errors", arguments: [
        "<urn:a> <urn:b> <urn:c>\n", "<urn:a> <urn:b> \"x\\q\" .\n", "<a> <urn:b> <urn:c> .\n", "<urn:a> <urn:b> \"open .\n",
        "_:a <urn:b> <urn:c> <urn:d> <urn:e> .\n",
    ])
    func brokenNQuads(_ text: String) throws {
        #expect(throws: LinkedDataError(.nquadsSyntax, "")) { try NQuadsParser().parse(text) }
    }

    @Test("a larger blank-node clique is also stopped by the work limit")
    func largerClique() throws {
        var text = ""
        for a in 0..<14 { for b in 0..<14 { text += "_:n\(a) <urn:p> _:n\(b) .\n" } }
        #expect(throws: LinkedDataError(.canonicalizationWorkLimit, "")) { try RDFCanonicalizer().canonicalize(nquads: text) }
    }
}

@Suite("Safe-mode errors help fix the context")
struct SafeModeMessageTests {
    @Test("the error names the undefined term and type, never the values")
    func namesTermAndType() throws {
        let term: JSONValue = ["@context": "https://www.w3.org/ns/credentials/v2", "nickname": "Budi"]
        do {
            _ = try JSONLD(options: JSONLDOptions(safeMode: true)).toRDF(term)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .undefinedTerm)
            #expect(error.message.contains("'nickname'"))
            #expect(!error.message.contains("Budi"))
        }
        let type: JSONValue = [
            "@context": "https://www.w3.org/ns/credentials/v2", "type": ["VerifiableCredential"],
            "credentialSchema": ["id": "https://example.org/schema", "type": "1EdTechJsonSchemaValidator2019"],
        ]
        do {
            _ = try JSONLD(options: JSONLDOptions(safeMode: true)).toRDF(type)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("'1EdTechJsonSchemaValidator2019'"))
        }
    }
}

@Suite("Canonically equivalent strings stay distinct in RDF")
struct CodePointIdentityTests {
    @Test("é precomposed and decomposed are two literals, as in pyld and the RDF model")
    func normalizationForms() throws {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        let document: JSONValue = ["@id": "urn:x", "http://example.org/name": [.string(composed), .string(decomposed)]]
        let dataset = try JSONLD().toRDF(document)
        #expect(dataset.count == 2)
        let nquads = try RDFCanonicalizer().canonicalize(dataset).nquads
        #expect(nquads.utf8.count == 2 * "<urn:x> <http://example.org/name> \"\" .\n".utf8.count + composed.utf8.count + decomposed.utf8.count)
    }
}

@Suite("Numbers become canonical literals")
struct NumberLiteralTests {
    func literal(_ number: Double) throws -> String {
        let dataset = try JSONLD().toRDF(["@id": "urn:x", "http://example.org/n": .number(number)])
        guard case .literal(let literal)? = dataset.quads.first?.object else { return "" }
        return literal.lexicalForm + "^^" + literal.datatype.split(separator: "#").last.map(String.init)!
    }

    @Test("integers beyond Int64 and below 10^21 stay integers, without a trap")
    func largeIntegers() throws {
        #expect(try literal(1e20) == "100000000000000000000^^integer")
        #expect(try literal(-9.3e18) == "-9300000000000000000^^integer")
        #expect(try literal(-0.0) == "0^^integer")
        #expect(try literal(42) == "42^^integer")
    }

    @Test("fractions and 10^21 and above are canonical doubles")
    func doubles() throws {
        #expect(try literal(1e21) == "1.0E21^^double")
        #expect(try literal(5.3) == "5.3E0^^double")
        #expect(try literal(-0.00012) == "-1.2E-4^^double")
    }
}
