import Foundation
import Testing

/// A demo facility made by the built binary, and helpers to export, publish trust and verify with it.
struct ExportFixture {
    let cli: CLI

    /// `bekal demo` in a fresh home (small, so the debug binary stays quick).
    static func demo(people: Int = 4) throws -> ExportFixture {
        let cli = try CLI()
        let demo = try cli.run("demo", "--people", String(people), "--seed", "7")
        try #require(demo.status == 0, "\(demo.stderr)")
        return ExportFixture(cli: cli)
    }

    var root: URL { cli.root }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Persons as `person list --json` prints them.
    func persons(status: String? = nil) throws -> [[String: Any]] {
        let result = try cli.run(["person", "list", "--json"] + (status.map { ["--status", $0] } ?? []))
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try result.json() as? [[String: Any]])
    }

    /// An active person with at least one Kompeten unit (the demo always has some).
    func exportablePerson() throws -> (id: String, register: String, name: String) {
        let person = try #require(try persons(status: "active").first)
        return (try #require(person["id"] as? String), try #require(person["registerNumber"] as? String),
                try #require(person["fullName"] as? String))
    }

    func trustList(_ name: String = "trust.json") throws -> String {
        let result = try cli.run("keys", "trust-list", "--out", path(name))
        try #require(result.status == 0, "\(result.stderr)")
        return path(name)
    }

    @discardableResult
    func export(_ person: String, to name: String, _ extra: [String] = []) throws -> CLI.Result {
        try cli.run(["export", person, "--out", path(name)] + extra)
    }

    func verify(_ file: String, _ extra: [String] = []) throws -> CLI.Result {
        try cli.run(["verify", file] + extra)
    }

    func json(_ file: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
    }

    func embeddedIDs(_ file: String) throws -> [String] {
        let subject = try #require(try json(file)["credentialSubject"] as? [String: Any])
        let embedded = try #require(subject["verifiableCredential"] as? [[String: Any]])
        return embedded.compactMap { $0["id"] as? String }
    }

    /// Writes a copy of `file` with the first occurrence of `target` replaced.
    func tampered(_ file: String, replacing target: String, with replacement: String, name: String) throws -> String {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let range = try #require(text.range(of: target), "\(target) not in the export")
        try Data(text.replacingCharacters(in: range, with: replacement).utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    /// The repository's checkout, for `schemas/` and the credentials tests' Python helpers and OB 3.0 schema.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the credentials tests' `validate_schema.py` (Python `jsonschema`).
    static func validateSchema(_ schema: String, _ document: String, embedded: Bool = false) throws
        -> (status: Int32, output: String)
    {
        let script = repositoryRoot.appendingPathComponent("Tests/BekalCredentialsTests/Fixtures/validate_schema.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, schema, document] + (embedded ? ["--embedded"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
