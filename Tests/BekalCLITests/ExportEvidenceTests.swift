import Foundation
import Testing

@Suite("bekal export --evidence-dir")
struct ExportEvidenceTests {
    @Test("copies each exported evidence file named by its SHA-256, whose hash the export names")
    func copiesEvidence() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let photo = try cli.write("cloth.jpg", CLI.jpegBytes("a stamped cloth"))
        let assess = try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                                 "--assessor", "A", "--role", "bnsp-assessor", "--method", "observation",
                                 "--date", "2026-03-02", "--evidence", photo)
        #expect(assess.status == 0, "\(assess.stderr)")
        let out = cli.root.appendingPathComponent("e.json").path
        let evidence = cli.root.appendingPathComponent("evidence-out")
        let run = try cli.run("export", CLI.register, "--out", out, "--evidence-dir", evidence.path)
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: evidence.path)
        #expect(names.count == 1)
        let name = try #require(names.first)
        // sha256 of the bytes written above, computed independently with coreutils.
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sum.arguments = ["sha256sum", photo]
        let pipe = Pipe()
        sum.standardOutput = pipe
        try sum.run()
        let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        sum.waitUntilExit()
        #expect(name == String(digest))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("ni:///sha-256;"))
        #expect(try Data(contentsOf: evidence.appendingPathComponent(name)) == Data(contentsOf: URL(fileURLWithPath: photo)))
    }

    @Test("evidence missing from the store fails (exit 3, nothing written) unless --allow-missing-evidence")
    func missingEvidence() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        // The demo stores a placeholder file for every evidence hash it records: take them all away.
        let store = demo.cli.home.appendingPathComponent("evidence")
        for prefix in try FileManager.default.contentsOfDirectory(atPath: store.path) {
            try FileManager.default.removeItem(at: store.appendingPathComponent(prefix))
        }
        var person: String?
        for candidate in try demo.persons() {
            guard let id = candidate["id"] as? String else { continue }
            let portfolio = try demo.cli.run("portfolio", id, "--json")
            if portfolio.stdout.range(of: #""evidenceCount" : [1-9]"#, options: .regularExpression) != nil {
                person = id
                break
            }
        }
        let id = try #require(person)
        let refused = try demo.export(id, to: "m.json", ["--evidence-dir", demo.path("ev")])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("not in the evidence store"))
        #expect(!FileManager.default.fileExists(atPath: demo.path("m.json")))
        let allowed = try demo.export(id, to: "m.json", ["--evidence-dir", demo.path("ev"), "--allow-missing-evidence"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("warning:"))
        #expect(FileManager.default.fileExists(atPath: demo.path("m.json")))
    }
}
