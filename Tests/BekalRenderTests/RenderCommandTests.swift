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

    /// The instant every run happens at (`BEKAL_NOW`), whatever today's date: when the sample exports and trust
    /// lists are signed, `SampleRecord.now` (2026-11-27T06:20:00Z). `--at`, where a test gives it, still sets the
    /// verification time; `BEKAL_NOW` is the clock for everything else (reading signed lists, the demo's dates).
    static let now = "2026-11-27T06:20:00Z"

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BEKAL_NOW"] = Self.now
        environment.removeValue(forKey: "BEKAL_LOG_LEVEL")
        process.environment = environment
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

    @Test("every run happens at the fixed instant, the sample's signing time")
    func fixedInstant() throws {
        #expect(try Date.ISO8601FormatStyle().parse(Self.now) == SampleRecord.now)
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
        #expect(outcome.output.hasPrefix("VALID WITH EXCEPTIONS — issued by "))
        #expect(outcome.output.hasSuffix(" Page written.\n"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains(#"data-verdict="VALID-WITH-EXCEPTIONS""#))
        #expect(html.contains(#"<html lang="en">"#))
        #expect(html.contains("Checked at: 27 November 2026, 06:20 UTC"))
        // No temporary file left next to the page.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["export.json", "page.html"])
    }

    @Test("a tampered export still gets a page, INVALID, and exits 1")
    func tampered() throws {
        let (directory, file) = try exportFile(tamper: true)
        let page = directory.appendingPathComponent("page.html")
        let outcome = try run(["render", file.path, "--out", page.path, "--issuer", try SampleRecord.key.didKey.did])
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("INVALID — "))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains(#"<li data-check="proof"><b>tanda tangan</b> [credential]"#))
    }

    @Test("usage errors exit 2 and write nothing", arguments: [
        ["--lang", "fr"], ["--at", "yesterday"], ["--issuer", "did:web:example.org"], ["--evidence-dir", "/nonexistent/evidence"],
        ["--trust", "/nonexistent/trust.json"], ["--trust-authority", "did:web:example.org"],
        ["--verification-code-file", "/nonexistent/code.txt"],
    ])
    func usage(extra: [String]) throws {
        let (directory, file) = try exportFile()
        let page = directory.appendingPathComponent("page.html")
        let outcome = try run(["render", file.path, "--out", page.path] + extra)
        #expect(outcome.status == 2)
        #expect(!outcome.error.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: page.path))
    }

    @Test("a missing export exits 3 (not found, as for every input file); an unwritable page exits 6")
    func files() throws {
        let directory = try RenderFixture.temporaryDirectory()
        let missing = try run(["render", directory.appendingPathComponent("none.json").path, "--out", directory.appendingPathComponent("p.html").path])
        #expect(missing.status == 3)
        #expect(missing.error.contains("cannot read the export file"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("p.html").path))
        let (_, file) = try exportFile()
        let unwritable = try run(["render", file.path, "--out", "/nonexistent-directory/p.html"])
        #expect(unwritable.status == 6)
        #expect(unwritable.error.contains("could not be written"))
    }

    @Test("render takes several --trust lists, --register-number-file and --verification-code-file, names the facility, and refuses a look-alike")
    func trustAndIdentity() throws {
        var random = SeededRandom(state: 12)
        let code = VerificationCode.generate(using: &random)
        let directory = try RenderFixture.temporaryDirectory()
        func write(_ value: JSONValue, _ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try Data(JSONWriter.serialize(value, pretty: true)).write(to: url)
            return url.path
        }
        let export = try write(.object(try SampleRecord.export(try SampleRecord.portfolio(), code: code)), "export.json")
        let lapas = try write(try SampleRecord.trustList.signed(with: try SampleRecord.key, created: SampleRecord.now), "lapas.json")
        let rutanKey = try IssuerKey(seed: Array(repeating: 0x31, count: 32))
        let rutanList = TrustList.facility(
            issuerID: nil, name: "Rutan Kelas IIB Banyumas", code: "RUTAN-BMS",
            ring: KeyRing(current: rutanKey, currentValidFrom: SampleRecord.now.addingTimeInterval(-86_400)))
        let rutan = try write(try rutanList.signed(with: rutanKey, created: SampleRecord.now), "rutan.json")
        let number = directory.appendingPathComponent("rn.txt")
        try Data("BI.2024.0117\n".utf8).write(to: number)
        let codeFile = directory.appendingPathComponent("code.txt")
        try Data(code.formatted.utf8).write(to: codeFile)
        let page = directory.appendingPathComponent("page.html")
        let outcome = try run([
            "render", export, "--out", page.path, "--trust", lapas, "--trust", rutan, "--register-number-file", number.path,
            "--verification-code-file", codeFile.path, "--at", "2026-11-27T06:20:00Z",
        ])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.hasPrefix("VALID WITH EXCEPTIONS — issued by Lapas Kelas IIA Purwokerto: 3 competencies, 2 certificates;"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains(">Sah dengan pengecualian — diterbitkan oleh Lapas Kelas IIA Purwokerto, 3 kompetensi, 2 sertifikat;"))
        #expect(html.contains(#"data-identity="matched""#))
        #expect(!html.contains("BI.2024.0117") && !html.contains(code.canonical))

        // A look-alike: a forger's key calling itself the same facility, with only the genuine lists trusted.
        let forger = try IssuerKey(seed: Array(repeating: 0x66, count: 32))
        var forgerRandom = SeededRandom(state: 13)
        let fake = try PortfolioExporter.export(
            try SampleRecord.portfolio(), key: forger,
            options: ExportOptions(statusAllocation: StatusAllocation(listURL: SampleRecord.listURL)), now: SampleRecord.now,
            random: &forgerRandom)
        let fakeFile = try write(fake.credential, "fake.json")
        let fakePage = directory.appendingPathComponent("fake.html")
        let refused = try run(["render", fakeFile, "--out", fakePage.path, "--trust", lapas, "--trust", rutan, "--at", "2026-11-27T06:20:00Z"])
        #expect(refused.status == 1)
        let fakeHTML = try String(contentsOf: fakePage, encoding: .utf8)
        #expect(fakeHTML.contains(#"data-verdict="INVALID""#))
        #expect(fakeHTML.contains(">Tidak sah — penerbit \(forger.didKey.did) (menyebut dirinya “Lapas Kelas IIA Purwokerto”; nama ini tidak dikonfirmasi daftar kepercayaan) tidak tepercaya.</p>"))

        try Data("not a code".utf8).write(to: codeFile)
        let mistyped = try run([
            "render", export, "--out", page.path, "--trust", lapas, "--register-number-file", number.path,
            "--verification-code-file", codeFile.path,
        ])
        #expect(mistyped.status == 2)
        #expect(mistyped.error.contains("verification code"))
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
