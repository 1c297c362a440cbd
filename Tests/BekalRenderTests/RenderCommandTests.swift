import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// Runs the built `bekal render` and `bekal portfolio --html` and checks files, output and exit codes.
@Suite("bekal render and bekal portfolio --html")
struct RenderCommandTests {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    static var executable: URL {
        get throws {
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                Bundle.main.bundleURL,
                Bundle.main.bundleURL.deletingLastPathComponent(),
            ].map { $0.appendingPathComponent("bekal") }
            return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        }
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: err, as: UTF8.self))
    }

    func exportFile(tamper: Bool = false) throws -> (directory: URL, file: URL) {
        var document = try SampleRecord.export(try SampleRecord.portfolio())
        if tamper { document["validFrom"] = "2020-01-01T00:00:00Z" }
        let directory = try RenderFixture.temporaryDirectory()
        let file = directory.appendingPathComponent("export.json")
        try Data(JSONWriter.serialize(.object(document), pretty: true)).write(to: file)
        return (directory, file)
    }

    @Test("a genuine export renders VALID and exits 0")
    func valid() throws {
        let (directory, file) = try exportFile()
        let page = directory.appendingPathComponent("page.html")
        let outcome = try run([
            "render", file.path, "--out", page.path, "--issuer", try SampleRecord.key.didKey.did,
            "--at", "2026-11-27T06:20:00Z", "--lang", "en",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.output == "VALID: page written\n")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains(#"data-verdict="VALID""#))
        #expect(html.contains(#"<html lang="en">"#))
        #expect(html.contains("Checked at: 2026-11-27T06:20:00Z"))
        // No temporary file left next to the page.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["export.json", "page.html"])
    }

    @Test("a tampered export still gets a page, INVALID, and exits 1")
    func tampered() throws {
        let (directory, file) = try exportFile(tamper: true)
        let page = directory.appendingPathComponent("page.html")
        let outcome = try run(["render", file.path, "--out", page.path, "--issuer", try SampleRecord.key.didKey.did])
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("INVALID ("))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains("<li><b>proof</b> [credential]"))
    }

    @Test("usage errors exit 2 and write nothing", arguments: [
        ["--lang", "fr"], ["--at", "yesterday"], ["--issuer", "did:web:example.org"], ["--evidence-dir", "/nonexistent/evidence"],
        ["--trust", "/nonexistent/trust.json"],
    ])
    func usage(extra: [String]) throws {
        let (directory, file) = try exportFile()
        let page = directory.appendingPathComponent("page.html")
        let outcome = try run(["render", file.path, "--out", page.path] + extra)
        #expect(outcome.status == 2)
        #expect(!outcome.error.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: page.path))
    }

    @Test("an unreadable export exits 2; an unwritable page exits 6")
    func files() throws {
        let directory = try RenderFixture.temporaryDirectory()
        let missing = try run(["render", directory.appendingPathComponent("none.json").path, "--out", directory.appendingPathComponent("p.html").path])
        #expect(missing.status == 2)
        #expect(missing.error.contains("cannot read the export file"))
        let (_, file) = try exportFile()
        let unwritable = try run(["render", file.path, "--out", "/nonexistent-directory/p.html"])
        #expect(unwritable.status == 6)
        #expect(unwritable.error.contains("could not be written"))
    }

    @Test("bekal portfolio --html prints the draft page of the demo person with every unit")
    func draft() throws {
        let home = try RenderFixture.temporaryDirectory().appendingPathComponent("home")
        let demo = try run(["demo", "--home", home.path, "--people", "2"])
        try #require(demo.status == 0, "bekal demo failed: \(demo.error)")
        let outcome = try run(["portfolio", "DEMO-0001/2026", "--home", home.path, "--html"])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("<!DOCTYPE html>"))
        #expect(outcome.output.contains(#"data-verdict="DRAFT""#))
        #expect(outcome.output.contains("DRAF — belum diekspor"))
        #expect(outcome.output.components(separatedBy: #"<tr class="unit "#).count - 1 == 8)  // the sample framework's units
        #expect(!outcome.output.contains("DEMO-0001/2026"))  // the register number stays off the page
    }
}
