import Foundation
import Testing
@testable import BekalJSON

/// Compares Bekal's canonical form with an independent implementation: the PyPI `jcs` package (installed by
/// scripts/bootstrap.sh from scripts/requirements-test.txt), run as a subprocess.
/// Runs wherever the suite runs: without python3 and `jcs` (scripts/bootstrap.sh installs them) it fails, never skips.
@Suite("Cross-check with Python jcs")
struct PythonCrossCheckTests {
    @Test("random documents with tricky names, strings and numbers canonicalize identically")
    func matchesPythonJCS() throws {
        var generator = SplitMix64(seed: 0xB0CA_1BA7)
        var documents: [JSONValue] = []
        for _ in 0..<40 { documents.append(Self.randomDocument(using: &generator, depth: 0)) }
        let document: JSONValue = .array(documents)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-jcs-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(JSONWriter.serialize(document, pretty: true)).write(to: file)

        let script = """
            import jcs, json, sys
            with open(sys.argv[1], encoding="utf-8") as f:
                sys.stdout.buffer.write(jcs.canonicalize(json.load(f)))
            """
        let python = try Python.run(["-c", script, file.path])
        try #require(python.status == 0, "python3 with the jcs package is required (scripts/bootstrap.sh): \(python.error)")
        let ours = try JCS.canonicalize(document)
        #expect(ours.count > 2_000, "the random document should be substantial")
        #expect(ours == python.output)
        if ours != python.output {
            let prefix = zip(ours, python.output).prefix { $0 == $1 }.count
            Issue.record("first difference at byte \(prefix)")
        }
    }

    static func randomDocument(using generator: inout SplitMix64, depth: Int) -> JSONValue {
        let names = ["a", "b", "", "\u{E000}", "\u{FB33}", "\u{1F602}", "\u{10000}", "é", "e\u{301}", "\u{7F}", "\u{80}",
                     "\n", "\"q\"", "/", "Z", "aa", "\u{FFFF}", "\u{10FFFF}"]
        switch depth < 3 ? generator.next() % 6 : 3 + generator.next() % 3 {
        case 0:
            var object = JSONObject()
            for _ in 0..<(generator.next() % 8) {
                object[names[Int(generator.next() % UInt64(names.count))]] = randomDocument(using: &generator, depth: depth + 1)
            }
            return .object(object)
        case 1, 2:
            return .array((0..<(generator.next() % 5)).map { _ in randomDocument(using: &generator, depth: depth + 1) })
        case 3:
            let scalars = (0..<(generator.next() % 6)).map { _ in names[Int(generator.next() % UInt64(names.count))] }
            return .string(scalars.joined() + String(UnicodeScalar(UInt8(generator.next() % 0x20))))
        default:
            // A random finite double (random bits), or a small integer; never an integer beyond 2^53 in plain form.
            let bits = generator.next()
            let value = bits % 3 == 0 ? Double(Int64(bitPattern: bits) % 1_000_000) : Double(bitPattern: bits)
            if !value.isFinite || ECMAScriptNumber.printsAsUnsafeInteger(value) { return .number(0.5) }
            return .number(value)
        }
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs python3 for independent checks.
enum Python {
    struct Outcome { var status: Int32; var output: [UInt8]; var error: String }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: Array(out), error: String(decoding: err, as: UTF8.self))
    }
}
