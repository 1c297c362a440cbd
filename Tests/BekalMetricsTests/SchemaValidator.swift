import Foundation

/// Validates JSON documents against a repository schema with Python's `jsonschema` (draft 2020-12), in a
/// subprocess, so the schema is checked by an independent implementation.
enum SchemaValidator {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Exit 0: valid; exit 10: invalid, one line per error; exit 3: the validator could not run. A Python crash
    /// exits 1, so only 0 and 10 are verdicts.
    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError as error:
            print("validator-unavailable:", error)
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(json.load(sys.stdin)), key=lambda e: list(e.path))
        for e in errors:
            print(list(e.absolute_path), e.message[:200])
        sys.exit(10 if errors else 0)
        """

    /// The validator did not give a verdict (not installed, crashed): the test must fail, never count it as
    /// "invalid".
    struct NotRun: Error, CustomStringConvertible {
        var status: Int32
        var output: String
        var description: String { "the schema validator did not run (exit \(status)): \(output)" }
    }

    /// The validation errors (empty when valid).
    /// - Throws: `NotRun` when the validator gave no verdict.
    static func errors(_ document: Data, schema: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, repositoryRoot.appendingPathComponent("schemas/\(schema)").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(document)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        switch process.terminationStatus {
        case 0 where lines.isEmpty: return []
        case 10 where !lines.isEmpty: return lines
        default: throw NotRun(status: process.terminationStatus, output: text)
        }
    }
}
