import BekalJSON
import Foundation

@testable import BekalLinkedData

/// Serves the W3C JSON-LD test suite's remote documents from the copied fixture folder.
struct FixtureLoader: DocumentLoader {
    static let prefix = "https://w3c.github.io/json-ld-api/tests/"
    static let folder = Bundle.module.url(forResource: "json-ld-api", withExtension: nil, subdirectory: "Fixtures")!

    func load(_ url: String) throws(LinkedDataError) -> JSONValue {
        guard url.hasPrefix(Self.prefix) else {
            throw LinkedDataError(.unknownContext, "not a test-suite document", specCode: "loading remote context failed")
        }
        let path = String(url.dropFirst(Self.prefix.count))
        guard let data = try? Data(contentsOf: Self.folder.appendingPathComponent(path)),
            let value = try? JSONParser.parse(data)
        else {
            throw LinkedDataError(.unknownContext, "no such test document", specCode: "loading remote context failed")
        }
        return value
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: folder.appendingPathComponent(path)))
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }
}

/// JSON-LD result comparison: objects by members, arrays as multisets (the suite's expand results do not
/// depend on array order except inside lists, which the suite never reorders).
func jsonLDEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
        guard x.count == y.count else { return false }
        for (key, value) in x {
            guard let other = y[key], jsonLDEqual(value, other) else { return false }
        }
        return true
    case (.array(let x), .array(let y)):
        guard x.count == y.count else { return false }
        if zip(x, y).allSatisfy({ jsonLDEqual($0, $1) }) { return true }
        var remaining = y
        for item in x {
            guard let index = remaining.firstIndex(where: { jsonLDEqual(item, $0) }) else { return false }
            remaining.remove(at: index)
        }
        return true
    default:
        return a == b
    }
}
