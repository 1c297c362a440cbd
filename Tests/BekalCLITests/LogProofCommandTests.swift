import Foundation
import Testing

/// The log leaves the facility in exports and reports, checked from outside: Python's RFC 9162 check
/// (`Fixtures/rfc9162_check.py`, with the independent C2SP reader of the log tests) and the witness.
@Suite("Checkpoints and log proofs in exports and reports, through the CLI")
struct LogProofCommandTests {
    static let checker = WitnessedFacility.checker

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try CLI.output("/usr/bin/env", ["python3", checker] + arguments)
    }

    static func verifierKey(_ cli: CLI) throws -> String {
        let result = try cli.run("ledger", "checkpoint", "--verifier-key")
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    @Test("an export's inclusion proofs verify against its checkpoint in Python and match the ledger's events")
    func exportProofs() throws {
        let fixture = try ExportFixture.demo()
        defer { fixture.cli.cleanUp() }
        let person = try fixture.exportablePerson()
        #expect(try fixture.export(person.register, to: "export.json").status == 0)
        let export = try fixture.json(fixture.path("export.json"))
        #expect((export["@context"] as? [String])?.last == "https://bekal.id/contexts/log/v1")
        let log = try #require(export["ledgerLog"] as? [String: Any])
        let records = try #require(log["records"] as? [[String: Any]])
        #expect(records.count == (try fixture.embeddedIDs(fixture.path("export.json")).count) + 1)
        let database = fixture.cli.home.appendingPathComponent("bekal.sqlite").path
        let key = try Self.verifierKey(fixture.cli)
        let checked = try Self.python(["export", fixture.path("export.json"), key, database])
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("inclusion proofs verified and matched to the ledger"))
        #expect(checked.output.contains("checkpoint bekal.id/ledger/"))

        let verified = try fixture.verify(fixture.path("export.json"), ["--trust", try fixture.trustList()])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("PASS  ledger-log  [credential]  the checkpoint of"))
        let schema = try ExportFixture.validateSchema(
            ExportFixture.repositoryRoot.appendingPathComponent("schemas/export.schema.json").path, fixture.path("export.json"))
        #expect(schema.status == 0, "\(schema.output)")

        // One hash of one inclusion proof changed: the Python check and the verifier both refuse the file.
        let proof = try #require(((records.last?["events"] as? [[String: Any]])?.first?["inclusionProof"] as? String)?
            .split(separator: " ").first.map(String.init))
        let flipped = (proof.first == "A" ? "B" : "A") + proof.dropFirst()
        let tampered = try fixture.tampered(fixture.path("export.json"), replacing: proof, with: flipped, name: "tampered.json")
        #expect(try Self.python(["export", tampered, key]).status == 1)
        let refused = try fixture.verify(tampered, ["--trust", try fixture.trustList()])
        #expect(refused.status == 1)
        #expect(refused.stdout.hasPrefix("INVALID"))
        #expect(refused.stdout.contains("FAIL  ledger-log"))
    }

    @Test("a look-alike facility's real export (with its ledger log proof), verified and rendered with another facility's trust list: INVALID because the issuer is not trusted, never \"may have been altered\"")
    func lookAlikeExport() throws {
        let genuine = try ExportFixture.demo()
        defer { genuine.cli.cleanUp() }
        let lookAlike = try ExportFixture.demo()
        defer { lookAlike.cli.cleanUp() }
        let trust = try genuine.trustList()
        let person = try lookAlike.exportablePerson()
        #expect(try lookAlike.export(person.id, to: "fake.json").status == 0)
        let fake = lookAlike.path("fake.json")
        #expect(try lookAlike.json(fake)["ledgerLog"] != nil, "a real export carries its ledger log proof")

        let verified = try lookAlike.verify(fake, ["--trust", trust])
        #expect(verified.status == 1, "\(verified.stdout)")
        #expect(verified.stdout.hasPrefix("INVALID — the issuer "), "\(verified.stdout)")
        #expect(verified.stdout.contains("is not trusted"), "\(verified.stdout)")
        #expect(!verified.stdout.contains("may have been altered"), "\(verified.stdout)")
        #expect(verified.stdout.contains("FAIL  ledger-log  [credential]  no key trusted for the issuer"), "\(verified.stdout)")
        let json = try lookAlike.cli.run("verify", fake, "--trust", trust, "--json")
        #expect(json.stdout.contains("checkpoint-issuer-untrusted"), "\(json.stdout)")
        #expect(!json.stdout.contains("checkpoint-not-signed"), "\(json.stdout)")

        let page = lookAlike.path("fake.html")
        let rendered = try lookAlike.cli.run("render", fake, "--out", page, "--trust", trust)
        #expect(rendered.status == 1, "\(rendered.stderr)")
        #expect(!rendered.stdout.contains("may have been altered"), "\(rendered.stdout)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains(#"data-verdict="INVALID""#))
        #expect(html.contains("tidak tepercaya"))
        #expect(!html.contains("mungkin telah diubah"))
    }

    @Test("an event changed after the export: the export's leaf no longer matches the ledger, and no new export is made")
    func laterEdit() throws {
        let fixture = try ExportFixture.demo()
        defer { fixture.cli.cleanUp() }
        let person = try fixture.exportablePerson()
        #expect(try fixture.export(person.register, to: "export.json").status == 0)
        let records = try #require((try fixture.json(fixture.path("export.json"))["ledgerLog"] as? [String: Any])?["records"]
            as? [[String: Any]])
        let sequence = try #require((records.first?["events"] as? [[String: Any]])?.first?["sequence"] as? Int)
        let database = fixture.cli.home.appendingPathComponent("bekal.sqlite").path
        let status = try CLI.shell("/usr/bin/env", ["python3", WitnessedFacility.attacker, database, "sql",
            "UPDATE ledger_event SET recorded_at = '2026-01-01T00:00:00.000Z' WHERE sequence = \(sequence)", "rechain"])
        try #require(status == 0)
        let checked = try Self.python(["export", fixture.path("export.json"), try Self.verifierKey(fixture.cli), database])
        #expect(checked.status == 1)
        #expect(checked.output.contains("event \(sequence) in the ledger does not have the export's leaf entry"))
        let again = try fixture.export(person.register, to: "again.json")
        #expect(again.status == 6)
        #expect(again.stderr.contains("event \(sequence) no longer matches the ledger's log tree"))
    }

    @Test("consecutive reports carry checkpoints and a consistency proof that Python and a witness accept")
    func reports() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        // 7 events at the first report (facility, its first account, framework, person, their verification code,
        // two trainings), 10 at the second: a proof of five hashes, whose order matters.
        for day in ["01", "02"] {
            #expect(try cli.run("train", CLI.register, "--date", "2026-09-\(day)", "--hours", "3", "--topic", "M",
                                "--trainer", "T").status == 0)
        }
        let first = try cli.run("stats", "--period", "2026-09", "--queue", "--json")
        #expect(first.status == 0, "\(first.stderr)")
        for day in ["01", "02", "03"] {
            #expect(try cli.run("train", CLI.register, "--date", "2026-10-\(day)", "--hours", "3", "--topic", "M",
                                "--trainer", "T").status == 0)
        }
        let second = try cli.run("stats", "--period", "2026-10", "--queue", "--json")
        #expect(second.status == 0, "\(second.stderr)")
        let old = try cli.write("report-1.json", first.stdout)
        let new = try cli.write("report-2.json", second.stdout)
        let body = try #require(try second.json() as? [String: Any])
        #expect(body["formatVersion"] as? Int == 2)
        let consistency = try #require((body["ledgerLog"] as? [String: Any])?["consistency"] as? [String: Any])
        #expect(consistency["fromSize"] as? Int == 7)
        #expect((consistency["proof"] as? [String])?.count == 5)
        for report in [old, new] {
            let schema = try ExportFixture.validateSchema(
                ExportFixture.repositoryRoot.appendingPathComponent("schemas/metrics-report.schema.json").path, report)
            #expect(schema.status == 0, "\(schema.output)")
        }
        let key = try Self.verifierKey(cli)
        let checked = try Self.python(["reports", old, new, key])
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("consistent 7 10"))

        // The ministry's receiver as a witness: the first report's checkpoint on trust, the second by its proof.
        let state = cli.root.appendingPathComponent("ministry").path
        #expect(try cli.run("witness", "init", "--state", state, "--name", "kemenkumham.example/metrics").status == 0)
        #expect(try cli.run("witness", "trust", "--state", state, "--key", key).status == 0)
        #expect(try cli.run("witness", "add", "--state", state, "--report", old).status == 0)
        let added = try cli.run("witness", "add", "--state", state, "--report", new)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("— kemenkumham.example/metrics "))

        // A proof hash changed in the body: both refuse it (the witness as a fork, with the evidence).
        let hash = try #require((consistency["proof"] as? [String])?.first)
        let broken = try cli.write("report-2-broken.json", second.stdout.replacingOccurrences(
            of: hash, with: (hash.first == "A" ? "B" : "A") + hash.dropFirst()))
        #expect(try Self.python(["reports", old, broken, key]).status == 1)
        let other = cli.root.appendingPathComponent("ministry-2").path
        #expect(try cli.run("witness", "init", "--state", other, "--name", "kemenkumham.example/other").status == 0)
        #expect(try cli.run("witness", "trust", "--state", other, "--key", key).status == 0)
        #expect(try cli.run("witness", "add", "--state", other, "--report", old).status == 0)
        #expect(try cli.run("witness", "add", "--state", other, "--report", broken).status == 10)
    }
}
