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

    /// Runs one entry: a negative test must fail with its error code in `operation` (the suite's own algorithm,
    /// `expand` or `toRdf`); a positive one is checked by `body`.
    static func run(
        _ entry: Entry, prefix: String, operation: (JSONLD, JSONValue) throws(LinkedDataError) -> Void,
        body: (JSONLD, JSONValue) throws -> Outcome
    ) -> Outcome {
        if let reason = skipReason(entry, prefix: prefix) { return .skip(reason) }
        do {
            let input = try FixtureLoader.json(entry.input)
            let jsonld = try processor(entry)
            if entry.types.contains("jld:NegativeEvaluationTest") {
                do {
                    try operation(jsonld, input)
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

    struct Tally: Equatable {
        var inManifest = 0
        var passed = 0
        var applicable = 0
        var negative = 0
        /// The ids of the tests skipped, in manifest order.
        var skippedIDs: [String] = []
    }

    static func report(_ name: String, _ results: [(entry: Entry, outcome: Outcome)]) -> Tally {
        var tally = Tally(inManifest: results.count)
        for (entry, outcome) in results {
            switch outcome {
            case .pass:
                tally.passed += 1
                tally.applicable += 1
                if entry.types.contains("jld:NegativeEvaluationTest") { tally.negative += 1 }
            case .fail(let why):
                tally.applicable += 1
                print("\(name) FAIL \(entry.id): \(why.prefix(300))")
            case .skip(let why):
                tally.skippedIDs.append(entry.id)
                print("\(name) SKIP \(entry.id): \(why)")
            }
        }
        print("\(name): \(tally.passed)/\(tally.applicable) applicable passed (\(results.count) in manifest)")
        return tally
    }

    /// The figures docs/linked-data.md states: every applicable test passes, the manifest holds this many tests,
    /// and exactly these are skipped (json-ld-1.0 only, or generalized RDF for toRdf te075).
    @Test("the expand suite passes every applicable test, as docs/linked-data.md states")
    func expandSuite() throws {
        let results = try Self.entries("expand-manifest.jsonld").map { entry in
            (entry: entry, outcome: Self.run(entry, prefix: "expand", operation: { (jsonld, input) throws(LinkedDataError) in _ = try jsonld.expand(input) }) { jsonld, input in
                let expected = try FixtureLoader.json(entry.expect ?? "")
                let actual = JSONValue.array(try jsonld.expand(input))
                return jsonLDEqual(actual, expected)
                    ? .pass : .fail("got \(String(decoding: JSONWriter.serialize(actual), as: UTF8.self))")
            })
        }
        let tally = Self.report("expand", results)
        #expect(tally.inManifest == 385)
        #expect(tally.applicable == 376 && tally.passed == 376)
        #expect(tally.negative == Self.expandNegative)
        #expect(tally.skippedIDs == ["#t0026", "#t0038", "#t0071", "#t0115", "#t0116", "#ter02", "#ter03", "#ter24", "#ter32"])
    }

    @Test("the toRdf suite passes every applicable test, as docs/linked-data.md states")
    func toRdfSuite() throws {
        let results = try Self.entries("toRdf-manifest.jsonld").map { entry in
            (entry: entry, outcome: Self.run(entry, prefix: "toRdf", operation: { (jsonld, input) throws(LinkedDataError) in _ = try jsonld.toRDF(input) }) { jsonld, input in
                let dataset = try jsonld.toRDF(input)
                if entry.types.contains("jld:PositiveSyntaxTest") { return .pass }
                let expected = try RDFCanonicalizer().canonicalize(nquads: FixtureLoader.text(entry.expect ?? "")).nquads
                let actual = try RDFCanonicalizer().canonicalize(dataset).nquads
                return actual == expected ? .pass : .fail("got\n\(actual)\nexpected\n\(expected)")
            })
        }
        let tally = Self.report("toRdf", results)
        #expect(tally.inManifest == 467)
        #expect(tally.applicable == 455 && tally.passed == 455)
        #expect(tally.negative == Self.toRdfNegative)
        #expect(tally.skippedIDs == [
            "#t0118", "#te014", "#te026", "#te038", "#te071", "#te075", "#te115", "#te116", "#ter02", "#ter03", "#ter24",
            "#ter32",
        ])
    }

    /// Negative tests that passed by failing with the expected error code.
    static let expandNegative = 103
    static let toRdfNegative = 100
}
