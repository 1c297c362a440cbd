import Foundation
import Testing

/// Runs the built `bekal canonicalize` and checks its bytes, messages and exit codes.
@Suite("bekal canonicalize")
struct CanonicalizeCommandTests {
    private struct Outcome {
        var status: Int32
        var output: [UInt8]
        var error: String
    }

    private static var executable: URL {
        get throws {
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                Bundle.main.bundleURL,
                Bundle.main.bundleURL.deletingLastPathComponent(),
            ].map { $0.appendingPathComponent("bekal") }
            return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        }
    }

    private func run(_ arguments: [String], stdin: [UInt8] = []) throws -> Outcome {
        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = ["canonicalize"] + arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: Array(out), error: String(decoding: err, as: UTF8.self))
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-canonicalize-\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("prints the canonical bytes of a file with no trailing newline")
    func canonicalizesFile() throws {
        let file = try temporaryFile(Array(#"{ "b": [1.0, 1e21, "\u00e9/"], "a": null }"#.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try run([file.path])
        #expect(outcome.status == 0)
        #expect(outcome.output == Array(#"{"a":null,"b":[1,1e+21,"é/"]}"#.utf8))
        #expect(outcome.error.isEmpty)
    }

    @Test("reads standard input when given '-'")
    func canonicalizesStandardInput() throws {
        let outcome = try run(["-"], stdin: Array(#"{"\u20ac":1,"\r":2}"#.utf8))
        #expect(outcome.status == 0)
        #expect(outcome.output == Array("{\"\\r\":2,\"€\":1}".utf8))
    }

    @Test("exits 4 with the error code and offset, but no content, on invalid JSON")
    func rejectsInvalidJSON() throws {
        let outcome = try run(["-"], stdin: Array(#"{"name":"Siti Rahayu","name":"Siti Rahayu"}"#.utf8))
        #expect(outcome.status == 4)
        #expect(outcome.output.isEmpty)
        #expect(outcome.error.contains("duplicateKey"))
        #expect(outcome.error.contains("byte 22"))
        #expect(!outcome.error.contains("Siti"))
        let lone = try run(["-"], stdin: Array(#"["\ud800"]"#.utf8))
        #expect(lone.status == 4)
        #expect(lone.error.contains("loneSurrogate"))
    }

    @Test("exits 4 on a document over the 8 MiB limit")
    func rejectsOversizedFile() throws {
        let file = try temporaryFile([UInt8](repeating: UInt8(ascii: " "), count: (8 << 20) + 1))
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try run([file.path])
        #expect(outcome.status == 4)
        #expect(outcome.error.contains("tooLarge"))
    }

    @Test("exits 3 (not found, as for every input file) when the file does not exist or cannot be read")
    func rejectsUnreadableFile() throws {
        let missing = try run(["/nonexistent/bekal-\(UUID().uuidString).json"])
        #expect(missing.status == 3)
        #expect(missing.error.contains("cannot read"))
        let directory = try run([FileManager.default.temporaryDirectory.path])
        #expect(directory.status == 3)
        #expect(directory.error.contains("directory"))
    }
}
