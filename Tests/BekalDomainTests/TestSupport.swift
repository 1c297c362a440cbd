import Foundation
import Testing

@testable import BekalDomain

/// Paths and helpers shared by the domain tests.
enum TestSupport {
    /// The package root, found from this file, so tests check the schema and examples that ship.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var frameworkSchema: URL { packageRoot.appendingPathComponent("schemas/framework.schema.json") }
    static var sampleFrameworkFile: URL {
        packageRoot.appendingPathComponent("schemas/examples/sample-batik-cap-framework.json")
    }

    static func fixturesDirectory(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL)
        return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func fixture(_ directory: String, _ file: String) throws -> Data {
        try Data(contentsOf: try fixturesDirectory(directory).appendingPathComponent(file))
    }

    /// Validates each file against a JSON Schema with Python `jsonschema` (Draft 2020-12) in one subprocess.
    /// Returns, per file path, whether the schema accepts it.
    static func jsonSchemaAccepts(schema: URL, files: [URL]) throws -> [String: Bool] {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            result = {}
            for path in sys.argv[2:]:
                try:
                    document = json.load(open(path, encoding="utf-8"))
                except ValueError:
                    result[path] = False
                    continue
                result[path] = validator.is_valid(document)
            print(json.dumps(result))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path] + files.map(\.path)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python jsonschema failed: \(errorText)")
        return try JSONDecoder().decode([String: Bool].self, from: data)
    }

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }
}
