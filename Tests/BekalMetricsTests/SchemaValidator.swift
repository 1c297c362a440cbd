import Foundation

/// Validates JSON documents against a repository schema with Python's `jsonschema` (draft 2020-12), in a
/// subprocess, so the schema is checked by an independent implementation.
enum SchemaValidator {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(json.load(sys.stdin)), key=lambda e: list(e.path))
        for e in errors:
            print(list(e.absolute_path), e.message[:200])
        sys.exit(1 if errors else 0)
        """

    /// The validation errors (empty when valid).
    static func errors(_ document: Data, schema: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, repositoryRoot.appendingPathComponent("schemas/\(schema)").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(document)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        if process.terminationStatus != 0 && lines.isEmpty { return ["validator exited \(process.terminationStatus)"] }
        return lines
    }
}
