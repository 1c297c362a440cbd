import BekalJSON
import Foundation
import Testing

@testable import BekalLinkedData

/// The W3C JSON-LD 1.1 `expand` and `toRdf` suites, run from the copied manifests.
@Suite("JSON-LD 1.1 W3C test suites")
struct JSONLDSuiteTests {
    struct Entry {
        var id: String
        var types: [String]
        var input: String
        var expect: String?
        var errorCode: String?
        var option: JSONObject
    }

    enum Outcome { case pass, fail(String), skip(String) }

    /// Tests left out on purpose, by id, with the reason.
    static let skipped: [String: String] = [:]

    static func entries(_ manifest: String) throws -> [Entry] {
        let value = try FixtureLoader.json(manifest)
        return (value["sequence"]?.arrayValue ?? []).map { item in
            let types: [String] = item["@type"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return Entry(
                id: item["@id"]?.stringValue ?? "?", types: types, input: item["input"]?.stringValue ?? "",
                expect: item["expect"]?.stringValue, errorCode: item["expectErrorCode"]?.stringValue,
                option: item["option"]?.objectValue ?? JSONObject())
        }
    }

    static func skipReason(_ entry: Entry, prefix: String) -> String? {
        if let reason = skipped[prefix + entry.id] { return reason }
        if entry.option["specVersion"] == "json-ld-1.0" { return "json-ld-1.0 only" }
        if entry.option["produceGeneralizedRdf"] == .bool(true) { return "generalized RDF (deliberately unsupported)" }
        return nil
    }

    static func processor(_ entry: Entry) throws -> JSONLD {
        var options = JSONLDOptions()
        options.base = entry.option["base"]?.stringValue ?? (FixtureLoader.prefix + entry.input)
        if entry.option["processingMode"] == "json-ld-1.0" { options.jsonLD11 = false }
        if let context = entry.option["expandContext"]?.stringValue {
            options.expandContext = try FixtureLoader.json(context)
        }
        options.rdfDirection = entry.option["rdfDirection"]?.stringValue.flatMap(RDFDirection.init(rawValue:))
        return JSONLD(loader: FixtureLoader(), options: options)
    }

    static func run(_ entry: Entry, prefix: String, body: (JSONLD, JSONValue) throws -> Outcome) -> Outcome {
        if let reason = skipReason(entry, prefix: prefix) { return .skip(reason) }
        do {
            let input = try FixtureLoader.json(entry.input)
            let jsonld = try processor(entry)
            if entry.types.contains("jld:NegativeEvaluationTest") {
                do {
                    _ = try jsonld.toRDF(input)
                    return .fail("expected error \(entry.errorCode ?? "?")")
                } catch {
                    return error.specCode == entry.errorCode ? .pass : .fail("got \(error)")
                }
            }
            return try body(jsonld, input)
        } catch {
            return .fail("\(error)")
        }
    }

    static func report(_ name: String, _ results: [(String, Outcome)]) -> (passed: Int, applicable: Int) {
        var passed = 0
        var applicable = 0
        for (id, outcome) in results {
            switch outcome {
            case .pass:
                passed += 1
                applicable += 1
            case .fail(let why):
                applicable += 1
                print("\(name) FAIL \(id): \(why.prefix(300))")
            case .skip(let why):
                print("\(name) SKIP \(id): \(why)")
            }
        }
        print("\(name): \(passed)/\(applicable) applicable passed (\(results.count) in manifest)")
        return (passed, applicable)
    }

    @Test("the expand suite passes at least the recorded number of applicable tests")
    func expandSuite() throws {
        let results = try Self.entries("expand-manifest.jsonld").map { entry in
            (entry.id, Self.run(entry, prefix: "expand") { jsonld, input in
                let expected = try FixtureLoader.json(entry.expect ?? "")
                let actual = JSONValue.array(try jsonld.expand(input))
                return jsonLDEqual(actual, expected)
                    ? .pass : .fail("got \(String(decoding: JSONWriter.serialize(actual), as: UTF8.self))")
            })
        }
        let (passed, applicable) = Self.report("expand", results)
        #expect(applicable > 300)
        #expect(passed >= Self.expandFloor)
    }

    @Test("the toRdf suite passes at least the recorded number of applicable tests")
    func toRdfSuite() throws {
        let results = try Self.entries("toRdf-manifest.jsonld").map { entry in
            (entry.id, Self.run(entry, prefix: "toRdf") { jsonld, input in
                let dataset = try jsonld.toRDF(input)
                if entry.types.contains("jld:PositiveSyntaxTest") { return .pass }
                let expected = try RDFCanonicalizer().canonicalize(nquads: FixtureLoader.text(entry.expect ?? "")).nquads
                let actual = try RDFCanonicalizer().canonicalize(dataset).nquads
                return actual == expected ? .pass : .fail("got\n\(actual)\nexpected\n\(expected)")
            })
        }
        let (passed, applicable) = Self.report("toRdf", results)
        #expect(applicable > 400)
        #expect(passed >= Self.toRdfFloor)
    }

    static let expandFloor = 376
    static let toRdfFloor = 455
}
