import Foundation
import Testing

@Suite("bekal init, person, framework and the record commands, end to end")
struct RecordingCommandTests {
    @Test("help exits 0 with sentences; an unknown subcommand or missing option exits 2")
    func helpAndUsage() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let help = try cli.run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("Records, exports and verifies"))
        let subcommandHelp = try cli.run("readiness", "--help")
        #expect(subcommandHelp.status == 0)
        #expect(subcommandHelp.stdout.contains("--due-within"))
        #expect(try cli.run("no-such-command").status == 2)
        let missing = try cli.run("train", "AII-1", "--date", "2026-01-01")
        #expect(missing.status == 2)
        #expect(!missing.stderr.contains("unexpected failure"))
    }

    @Test("init creates the data directory with keys/ at 0700, and a second init exits 5")
    func initTwice() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let first = try cli.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji")
        #expect(first.status == 0)
        let keys = cli.home.appendingPathComponent("keys").path
        #expect(try FileManager.default.attributesOfItem(atPath: keys)[.posixPermissions] as? Int == 0o700)
        let second = try cli.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji")
        #expect(second.status == 5)
        #expect(second.stderr.contains("already holds a ledger"))
        #expect(try cli.run("init", "--facility-code", "bad code!", "--facility-name", "x").status == 2)
    }

    @Test("person add, list and show, in text and JSON, by register number and by id")
    func persons() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let list = try cli.run("person", "list", "--json")
        #expect(list.status == 0)
        let persons = try #require(try list.json() as? [[String: Any]])
        #expect(persons.count == 1)
        #expect(persons.first?["registerNumber"] as? String == CLI.register)
        let id = try #require(persons.first?["id"] as? String)
        let byID = try cli.run("person", "show", id.lowercased(), "--json")
        let byNumber = try cli.run("person", "show", CLI.register, "--json")
        #expect(byID.status == 0)
        #expect(byID.stdout == byNumber.stdout)
        #expect(try cli.run("person", "show", CLI.register).stdout.contains(CLI.name))
        #expect((try cli.run("person", "list", "--status", "released", "--json").json() as? [Any])?.isEmpty == true)
        let unknown = try cli.run("person", "show", "NOBODY-1")
        #expect(unknown.status == 3)
        #expect(!unknown.stderr.contains("NOBODY-1"))
        let duplicate = try cli.run("person", "add", "--register-number", CLI.register, "--name", "Lain",
                                    "--admitted", "2025-01-01", "--release", "2026-01-01")
        #expect(duplicate.status == 5)
        #expect(!duplicate.stderr.contains(CLI.register))
    }

    @Test("assess records a unit; a bad outcome, unknown unit or impossible date exits non-zero and writes nothing")
    func assess() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        func assess(_ overrides: [String: String]) throws -> CLI.Result {
            var options = ["--unit": "SAMPLE.BTKCAP.001", "--outcome": "K", "--assessor": "Ibu Asesor",
                           "--role": "bnsp-assessor", "--method": "observation", "--date": "2026-03-02"]
            options.merge(overrides) { $1 }
            return try cli.run(["assess", CLI.register] + options.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        }
        let evidence = try cli.write("checklist.txt", "observation checklist")
        let ok = try cli.run(["assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                              "--assessor", "Ibu Asesor", "--role", "bnsp-assessor", "--method", "observation",
                              "--date", "2026-03-02", "--evidence", evidence])
        #expect(ok.status == 0)
        let before = try cli.eventCount()
        let outcome = try assess(["--outcome": "X"])
        #expect(outcome.status == 4)
        #expect(outcome.stderr.contains("--outcome"))
        let unit = try assess(["--unit": "NO.SUCH.UNIT"])
        #expect(unit.status == 3)
        let impossible = try assess(["--date": "2026-02-30"])
        #expect(impossible.status == 4)
        #expect(impossible.stderr.contains("--date"))
        let beforeAdmission = try assess(["--date": "2025-01-15"])
        #expect(beforeAdmission.status == 4)
        #expect(beforeAdmission.stderr.contains("admission"))
        let future = try assess(["--date": "2026-11-16"])  // the day after CLI.now
        #expect(future.status == 4)
        #expect(future.stderr.contains("after today"), "\(future.stderr)")
        let stranger = try cli.run(["assess", "NOBODY-9", "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                                    "--assessor", "x", "--role", "bnsp-assessor", "--method", "observation",
                                    "--date", "2026-03-02"])
        #expect(stranger.status == 3)
        #expect(try cli.eventCount() == before)
        // The boundary is CLI.now's day in the facility's time zone (10:00 WIB on 15 November 2026), not the
        // machine's clock: that day is accepted, whatever today's date.
        let sameDay = try assess(["--date": "2026-11-15"])
        #expect(sameDay.status == 0, "\(sameDay.stderr)")
        #expect(try cli.eventCount() == before + 1)
    }

    @Test("the stored evidence is named by its SHA-256 under evidence/<2 hex>/")
    func evidenceFile() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let evidence = try cli.write("photo.txt", "abc")
        #expect(try cli.run(["assess", CLI.register, "--unit", "SAMPLE.BTKCAP.002", "--outcome", "K",
                             "--assessor", "A", "--role", "partner-mentor", "--method", "demonstration",
                             "--date", "2026-03-02", "--evidence", evidence]).status == 0)
        let path = cli.home.appendingPathComponent(
            "evidence/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad").path
        #expect(FileManager.default.contents(atPath: path) == Data("abc".utf8))
    }

    @Test("a symbolic link to a readable file, given as evidence or a scan, is refused with exit 4: no event, nothing in evidence/, the target's bytes nowhere there")
    func symlinkedEvidence() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let assessed = try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                                   "--assessor", "A", "--role", "asesor", "--method", "observasi", "--date", "2026-03-02")
        let assessment = try #require(CLI.eventID(assessed), "\(assessed.stderr)")
        // The target is a file bekal could read and would accept (a JPEG) if it were given directly.
        let marker = "link-target-\(UUID().uuidString)"
        let target = try cli.write("target.jpg", CLI.jpegBytes(marker))
        let link = cli.root.appendingPathComponent("kain.jpg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try #require(FileManager.default.contents(atPath: link) == CLI.jpegBytes(marker), "the link reads as its target")
        let evidence = cli.home.appendingPathComponent("evidence")
        // Every entry under evidence/ (hidden ones too), and the regular files among them that hold `marker`.
        func stored() -> [String] {
            (FileManager.default.enumerator(atPath: evidence.path)?.allObjects as? [String] ?? []).sorted()
        }
        func holdingMarker() -> [String] {
            stored().filter {
                FileManager.default.contents(atPath: evidence.appendingPathComponent($0).path)?
                    .range(of: Data(marker.utf8)) != nil
            }
        }
        let before = try cli.eventCount()
        let storedBefore = stored()
        for arguments in [
            ["assess", CLI.register, "--unit", "SAMPLE.BTKCAP.002", "--outcome", "K", "--assessor", "A", "--role",
             "asesor", "--method", "observasi", "--date", "2026-03-02", "--evidence", link],
            ["attach", assessment, "--evidence", link],
            ["certify", CLI.register, "--issuer", "LSP Batik", "--scheme", "Tukang Cap", "--number", "C-1", "--issued",
             "2026-04-01", "--scan", link],
        ] {
            let run = try cli.run(arguments)
            #expect(run.status == 4, "\(arguments[0]): \(run.stdout)\(run.stderr)")
            #expect(run.stderr == "bekal: an evidence file must be a regular file, not a symbolic link\n",
                    "\(arguments[0]): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(arguments[0]): \(run.stdout)")
        }
        #expect(try cli.eventCount() == before)
        #expect(stored() == storedBefore, "\(stored())")
        #expect(holdingMarker().isEmpty, "\(holdingMarker())")
        // The scan can find the bytes: the target itself, given directly, is stored and found.
        #expect(try cli.run("attach", assessment, "--evidence", target).status == 0)
        #expect(holdingMarker().count == 1, "\(stored())")
        #expect(try cli.eventCount() == before + 1)
    }

    @Test("certify, train and produce record; expiry before issue exits 4")
    func records() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        #expect(try cli.run("certify", CLI.register, "--issuer", "LSP Batik", "--scheme", "Tukang Cap",
                            "--number", "C-1", "--issued", "2026-04-01", "--units", "SAMPLE.BTKCAP.004").status == 0)
        let backwards = try cli.run("certify", CLI.register, "--issuer", "LSP Batik", "--scheme", "Tukang Cap",
                                    "--number", "C-2", "--issued", "2026-04-01", "--expires", "2026-03-01")
        #expect(backwards.status == 4)
        #expect(backwards.stderr.contains("expires: the expiry date is before the issue date"))
        #expect(try cli.run("train", CLI.register, "--date", "2026-02-01", "--hours", "3.5", "--topic", "Malam",
                            "--trainer", "Mentor").status == 0)
        #expect(try cli.run("produce", CLI.register, "--date", "2026-02-03", "--motif", "Lumbon", "--cap", "CAP-1",
                            "--quantity", "12", "--grade", "A", "--hours", "6", "--rejects", "1",
                            "--reject-reason", "uneven stamp").status == 0)
        let portfolio = try #require(try cli.run("portfolio", CLI.register, "--json").json() as? [String: Any])
        let standing = try #require(portfolio["standing"] as? [String: Any])
        #expect((standing["training"] as? [String: Any])?["hours"] as? Double == 3.5)
        #expect((standing["certificates"] as? [Any])?.count == 1)
        let totals = try #require(standing["productionTotals"] as? [[String: Any]])
        #expect(totals.first?["quantity"] as? Double == 12)
        #expect(totals.first?["rejects"] as? Int == 1)
    }

    @Test("framework import takes a valid JSON file and refuses one that fails the schema")
    func frameworkImport() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let valid = try cli.write("house.json", """
            {"id": "HOUSE-CAP", "version": "1", "title": {"id": "Standar rumah", "en": "House standard"},
             "units": [{"code": "H-01", "title": {"id": "Mengecap", "en": "Stamping"}}]}
            """)
        #expect(try cli.run("framework", "import", valid).status == 0)
        let invalid = try cli.write("bad.json", """
            {"id": "HOUSE-CAP", "version": "2", "title": {"id": "x", "en": "y"}, "units": [], "tittle": 1}
            """)
        let refused = try cli.run("framework", "import", invalid)
        #expect(refused.status == 4)
        let list = try #require(try cli.run("framework", "list", "--json").json() as? [[String: Any]])
        #expect(list.compactMap { $0["id"] as? String } == ["SAMPLE.BTKCAP", "HOUSE-CAP"])
        #expect(try cli.run("framework", "import", valid).status == 5)
    }

    @Test("correct replaces or retracts a record; transfer and release change the status")
    func correctTransferRelease() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let trained = try cli.run("train", CLI.register, "--date", "2026-02-01", "--hours", "8", "--topic", "Malam",
                                  "--trainer", "Mentor")
        let id = try #require(CLI.eventID(trained))
        #expect(try cli.run("correct", id, "--reason", "typo in hours", "--hours", "3").status == 0)
        var portfolio = try #require(try cli.run("portfolio", CLI.register, "--json").json() as? [String: Any])
        #expect(((portfolio["standing"] as? [String: Any])?["training"] as? [String: Any])?["hours"] as? Double == 3)
        #expect(try cli.run("correct", id, "--reason", "never happened", "--retract").status == 0)
        portfolio = try #require(try cli.run("portfolio", CLI.register, "--json").json() as? [String: Any])
        #expect(((portfolio["standing"] as? [String: Any])?["training"] as? [String: Any])?["hours"] as? Double == 0)
        #expect(try cli.run("correct", id, "--reason", "again", "--retract").status == 5)
        #expect(try cli.run("correct", "not-a-uuid", "--reason", "x", "--retract").status == 2)
        #expect(try cli.run("correct", UUID().uuidString, "--reason", "x", "--retract").status == 3)
        #expect(try cli.run("transfer", CLI.register, "--to", "LAPAS-LAIN", "--date", "2026-05-01").status == 0)
        #expect(try cli.run("release", CLI.register, "--date", "2026-05-02").status == 5)
        let shown = try #require(try cli.run("person", "show", CLI.register, "--json").json() as? [String: Any])
        #expect(shown["status"] as? String == "transferred")
        #expect(try cli.eventCount() == 9)  // the first account and the person's verification code are events too
    }

    @Test("release marks the person released")
    func release() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        #expect(try cli.run("release", CLI.register, "--date", "2026-05-02", "--kind", "parole").status == 0)
        let released = try #require(try cli.run("person", "list", "--status", "released", "--json").json() as? [Any])
        #expect(released.count == 1)
        #expect(try cli.run("release", CLI.register, "--date", "2026-05-03").status == 5)
        #expect(try cli.run("release", CLI.register, "--date", "2026-05-03", "--kind", "escape").status == 4)
    }
}
