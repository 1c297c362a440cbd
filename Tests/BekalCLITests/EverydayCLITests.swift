import Foundation
import Testing

/// Issue 12 through the binary: what a counselor types and sees, and the defects found by using Bekal for real.
@Suite("Everyday work at the command line")
struct EverydayCLITests {
    @Test("certify --scan stores the scan (it failed with an ArgumentParser error and exit 1)")
    func certifyScan() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let scan = try cli.write("sertifikat.pdf", Data("%PDF-1.4 scan of a certificate".utf8))
        let run = try cli.run("certify", CLI.register, "--issuer", "LSP Batik", "--scheme", "Tukang Cap", "--number",
                              "C-9", "--issued", "1 April 2026", "--scan", scan)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Recorded certificate.recorded"))
    }

    @Test("usage errors never repeat a typed value: unquoted names and bad option values")
    func usageWithoutValues() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let unquoted = try cli.run("person", "add", "--register-number", "SECRET-777/2026", "--name", "Rahasia", "Santoso",
                                   "--admitted", "2025-01-01", "--release", "2027-01-01")
        #expect(unquoted.status == 2)
        #expect(!unquoted.stderr.contains("Rahasia") && !unquoted.stderr.contains("Santoso"), "\(unquoted.stderr)")
        let badHours = try cli.run("train", CLI.register, "--date", "2026-02-01", "--hours", "SECRET-777/2026",
                                   "--topic", "x", "--trainer", "y")
        #expect(badHours.status == 4)
        #expect(!badHours.stderr.contains("SECRET-777"), "\(badHours.stderr)")
        let badPeople = try cli.run("demo", "--people", "SECRET-777")
        #expect(badPeople.status == 2)
        #expect(!badPeople.stderr.contains("SECRET-777"), "\(badPeople.stderr)")
        #expect(badPeople.stderr.contains("--people"))
    }

    @Test("usage errors hide names with apostrophes, quotes and spaces, keep the --help hint and say bekal:",
          arguments: [
              (["person", "add", "--register-number", "AII-0099/2026", "--name", "Ma'ruf", "Amin", "Syafi'i",
                "--admitted", "2025-01-01", "--release", "2027-01-01"], "bekal person add"),
              (["export", "--all", "--out-dir", "keluar", "--due-within", "Ma'ruf"], "bekal export"),
              (["portfolio", "AII-0099/2026", "Jum'at", "Syafi\"i Ma'ruf"], "bekal portfolio"),
              (["demo", "--people", "Ma'ruf Amin"], "bekal demo"),
              (["person", "add", "--register-number=AII-0099/2026", "--name=Jum'at 'Amin'", "--admitted",
                "2025-01-01", "--release", "2027-01-01", "--nama=Ma’ruf Syafi'i"], "bekal person add"),
              (["person", "add", "--register-number", "Ma'ruf \"Syafi'i\"\nAmin", "--name", "Jum’at",
                "--admitted", "2025-01-01"], "bekal person add"),
          ])
    func usageWithApostrophes(arguments: [String], command: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let run = try cli.run(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        for fragment in ["Ma", "ruf", "Amin", "Syafi", "Jum", "AII-0099", "‹value›i", "‹value›at"] {
            #expect(!run.stderr.contains(fragment), "\(fragment): \(run.stderr)")
        }
        #expect(run.stderr.hasPrefix("bekal: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Error:"), "\(run.stderr)")
        #expect(run.stderr.contains("See '\(command) --help' for more information."), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("a missing input file exits 3 (not found) for verify, render and canonicalize as for import; no path shown")
    func missingInputFile() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        // A file name can be a person's name: it never appears in the message.
        let missing = cli.root.appendingPathComponent("Rahmat Pengujian.json").path
        let page = cli.root.appendingPathComponent("halaman.html").path
        let commands = [
            ["verify", missing], ["verify", missing, "--json"], ["render", missing, "--out", page],
            ["canonicalize", missing], ["import", missing, "--kind", "training"], ["framework", "import", missing],
        ]
        for arguments in commands {
            let run = try cli.run(arguments)
            #expect(run.status == 3, "\(arguments[0]): \(run.stderr)")
            #expect(!run.stderr.contains("Rahmat") && !run.stdout.contains("Rahmat"), "\(run.stderr)")
        }
        let json = try cli.run("verify", missing, "--json")
        let report = try #require(try json.json() as? [String: Any])
        let error = try #require(report["error"] as? [String: Any])
        #expect(error["exitCode"] as? Int == 3)
        #expect(error["code"] as? String == "notFound")
        #expect(!FileManager.default.fileExists(atPath: page))
    }

    @Test("Indonesian words, the decimal comma and Indonesian dates are accepted; unknown units list the valid ones")
    func indonesianInput() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        #expect(try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.002", "--outcome", "Kompeten",
                            "--assessor", "Ibu Asesor", "--role", "asesor", "--method", "observasi",
                            "--date", "2 Maret 2026").status == 0)
        #expect(try cli.run("train", CLI.register, "--date", "01-02-2026", "--hours", "3,5", "--topic", "Malam",
                            "--trainer", "Mentor").status == 0)
        let portfolio = try cli.run("portfolio", CLI.register, "--json")
        #expect(portfolio.stdout.contains("\"hours\" : 3.5"))
        let unknown = try cli.run("assess", CLI.register, "--unit", "NO.SUCH", "--outcome", "K", "--assessor", "A",
                                  "--role", "asesor", "--method", "observasi", "--date", "2026-03-02")
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("SAMPLE.BTKCAP.001"))
    }

    @Test("person list has a header row and never breaks its columns; person show finds part of a name")
    func findPeople() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let list = try cli.run("person", "list")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.first == "register_number\tname\texpected_release\tstatus\tid")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 5 })
        let show = try cli.run("person", "show", "pengujian")
        #expect(show.status == 0 && show.stdout.contains(CLI.register))
        #expect(try cli.run("person", "show", "Budi").status == 3)
    }

    @Test("history shows every event id; remisi moves the release date; attach adds evidence to an assessment")
    func historyRemisiAttach() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let assess = try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                                 "--assessor", "A", "--role", "asesor", "--method", "observasi", "--date", "2026-03-02")
        let assessID = try #require(CLI.eventID(assess))
        let remisi = try cli.run("remisi", CLI.register, "--decree", "SK-17/2026", "--date", "17 Agustus 2026",
                                 "--months", "1", "--days", "10")
        #expect(remisi.status == 0, "\(remisi.stderr)")
        #expect(remisi.stdout.contains("from 2026-12-20 to 2026-11-10"))
        let photo = try cli.write("kain.jpg", CLI.jpegBytes("later"))
        #expect(try cli.run("attach", assessID, "--evidence", photo).status == 0)
        let history = try cli.run("history", CLI.register, "--json")
        let entries = try #require(try history.json() as? [[String: Any]])
        #expect(entries.contains { $0["eventID"] as? String == assessID && $0["kind"] as? String == "assessment.recorded" })
        #expect(entries.contains { $0["kind"] as? String == "person.remission-granted" })
        #expect(entries.contains { $0["kind"] as? String == "evidence.attached" })
        #expect(entries.allSatisfy { $0["account"] as? String == "petugas.uji" })
        let text = try cli.run("history", CLI.register)
        #expect(text.stdout.contains(assessID))
    }

    @Test("readiness --json and portfolio --json name the assessments they show; attach and correct take those ids")
    func recordIDsInJSON() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        #expect(try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K", "--assessor", "A",
                            "--role", "asesor", "--method", "observasi", "--date", "2026-03-02").status == 0)
        func missing() throws -> [[String: Any]] {
            let lines = try #require(try cli.run("readiness", CLI.register, "--json").json() as? [[String: Any]])
            let report = try #require(lines.first?["report"] as? [String: Any])
            return report["missing"] as? [[String: Any]] ?? []
        }
        let noEvidence = try #require(try missing().first { $0["kind"] as? String == "evidence-missing" })
        let fromReadiness = try #require(noEvidence["assessmentID"] as? String)
        let portfolio = try #require(try cli.run("portfolio", CLI.register, "--json").json() as? [String: Any])
        let units = try #require((portfolio["standing"] as? [String: Any])?["units"] as? [[String: Any]])
        let unit = try #require(units.first { $0["code"] as? String == "SAMPLE.BTKCAP.001" })
        #expect((unit["assessmentID"] as? String)?.lowercased() == fromReadiness.lowercased())
        // The record id is not the event id (history shows that one), and both name the assessment.
        let history = try #require(try cli.run("history", CLI.register, "--json").json() as? [[String: Any]])
        #expect(!history.contains { ($0["eventID"] as? String)?.lowercased() == fromReadiness.lowercased() })
        let photo = try cli.write("kain.jpg", CLI.jpegBytes("record-id"))
        let attached = try cli.run("attach", fromReadiness, "--evidence", photo)
        #expect(attached.status == 0, "\(attached.stderr)")
        #expect(try !missing().contains { $0["kind"] as? String == "evidence-missing" })
        let corrected = try cli.run("correct", fromReadiness, "--outcome", "BK", "--reason", "salah catat")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let notYet = try #require(try missing().first { $0["kind"] as? String == "unit-not-yet-competent" })
        #expect((notYet["assessmentID"] as? String)?.lowercased() == fromReadiness.lowercased())
        // An id that names nothing is refused as not found.
        let unknown = try cli.run("correct", UUID().uuidString, "--outcome", "K", "--reason", "x")
        #expect(unknown.status == 3, "\(unknown.stderr)")
    }

    @Test("release prints the person's verification code; records dated after it are refused")
    func release() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let release = try cli.run("release", CLI.register, "--date", "2026-10-01", "--kind", "PB")
        #expect(release.status == 0)
        #expect(release.stdout.range(of: "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]", options: .regularExpression) != nil)
        let late = try cli.run("train", CLI.register, "--date", "2026-10-02", "--hours", "1", "--topic", "x", "--trainer", "y")
        #expect(late.status == 4)
        #expect(late.stderr.contains("dateAfterExit"))
    }

    @Test("records dated after a transfer are refused as after a release (exit 4, nothing written); those dated up to it are accepted")
    func recordsAfterTransfer() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let moved = try cli.run("transfer", CLI.register, "--to", "LAPAS-LAIN", "--date", "2026-05-01")
        #expect(moved.status == 0, "\(moved.stderr)")
        let before = try cli.eventCount()
        for arguments in [
            ["train", CLI.register, "--date", "2026-05-02", "--hours", "1", "--topic", "x", "--trainer", "y"],
            ["assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K", "--assessor", "A", "--role",
             "asesor", "--method", "observasi", "--date", "2026-05-02"],
            ["produce", CLI.register, "--date", "2026-05-02", "--motif", "Lumbon", "--cap", "CAP-1", "--quantity", "12",
             "--grade", "A", "--hours", "6"],
        ] {
            let late = try cli.run(arguments)
            #expect(late.status == 4, "\(arguments[0]): \(late.stdout)\(late.stderr)")
            #expect(late.stderr.contains("dateAfterExit"), "\(arguments[0]): \(late.stderr)")
            #expect(late.stderr.contains("The date is after the person left the facility (released or transferred)."),
                    "\(arguments[0]): \(late.stderr)")
        }
        #expect(try cli.eventCount() == before)
        // Before the transfer, and on its day, records are still accepted.
        let earlier = try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                                  "--assessor", "A", "--role", "asesor", "--method", "observasi", "--date", "2026-04-30")
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let sameDay = try cli.run("train", CLI.register, "--date", "2026-05-01", "--hours", "1", "--topic", "x",
                                  "--trainer", "y")
        #expect(sameDay.status == 0, "\(sameDay.stderr)")
        #expect(try cli.eventCount() == before + 2)
    }

    @Test("export --all without --out-dir names the missing option; one export and --all count credentials alike; --all copies evidence")
    func exportAllMessages() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let photo = try cli.write("kain.jpg", CLI.jpegBytes("a"))
        #expect(try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K", "--assessor", "A",
                            "--role", "asesor", "--method", "observasi", "--date", "2026-03-02", "--evidence", photo).status == 0)
        let missing = try cli.run("export", "--all")
        #expect(missing.status == 2 && missing.stderr.contains("--all needs --out-dir"), "\(missing.stderr)")
        let one = try cli.run("export", CLI.register, "--out", cli.root.appendingPathComponent("one.json").path)
        let all = try cli.run("export", "--all", "--out-dir", cli.root.appendingPathComponent("all").path,
                              "--evidence-dir", cli.root.appendingPathComponent("ev").path)
        #expect(one.stdout.contains("Exported 2 credential(s)"), "\(one.stdout)")
        #expect(all.status == 0 && all.stdout.contains("1 portfolio(s) with 2 credential(s)") && all.stdout.contains("1 evidence file(s)"),
                "\(all.stdout) \(all.stderr)")
    }

    @Test("keys did prints the DID usable as --issuer; keys trust-list says what it wrote")
    func keysOutput() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let did = try cli.run("keys", "did").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(did.hasPrefix("did:key:z6Mk") && !did.contains("{"))
        #expect(try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K", "--assessor", "A",
                            "--role", "asesor", "--method", "observasi", "--date", "2026-03-02").status == 0)
        let out = cli.root.appendingPathComponent("e.json").path
        #expect(try cli.run("export", CLI.register, "--out", out).status == 0)
        let verify = try cli.run("verify", out, "--issuer", did)
        #expect(verify.status == 0, "\(verify.stdout)")
        let trust = try cli.run("keys", "trust-list", "--out", cli.root.appendingPathComponent("t.json").path)
        #expect(trust.status == 0 && trust.stdout.contains("Trust list for Lapas Uji written"))
    }

    @Test("an empty, foreign, newer or damaged ledger file is refused for writing with a clear message")
    func damagedLedgers() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let file = cli.home.appendingPathComponent("bekal.sqlite")
        let train = ["train", CLI.register, "--date", "2026-02-01", "--hours", "1", "--topic", "x", "--trainer", "y"]
        // Newer: a user_version this Bekal does not know.
        #expect(try CLI.sqlite(file.path, "PRAGMA user_version = 999").status == 0)
        let newer = try cli.run(train)
        #expect(newer.status == 6 && newer.stderr.contains("newer version of Bekal"))
        #expect(try CLI.sqlite(file.path, "PRAGMA user_version = 7").status == 0)
        #expect(try cli.run(train).status == 0)
        // Damaged: random bytes over the pages after the first (the schema page stays, so SQLite still opens it);
        // `train` may still find the pages it needs, but `ledger verify` finds the damage and marks the file.
        let data = try Data(contentsOf: file)
        var damaged = data
        for offset in 16_384..<min(data.count, 16_384 * 4) { damaged[offset] = UInt8.random(in: 0...255) }
        try damaged.write(to: file)
        let verify = try cli.run("ledger", "verify")
        #expect(verify.status == 6, "\(verify.stdout)\(verify.stderr)")
        let after = try cli.run(train)
        #expect(after.status == 6 && after.stderr.contains("closed for writing"), "\(after.stderr)")
        // Empty and foreign files.
        let other = try CLI()
        defer { other.cleanUp() }
        try FileManager.default.createDirectory(at: other.home, withIntermediateDirectories: true)
        let otherFile = other.home.appendingPathComponent("bekal.sqlite")
        FileManager.default.createFile(atPath: otherFile.path, contents: Data())
        let empty = try other.run("ledger", "verify")
        #expect(empty.status == 6 && empty.stderr.contains("empty"))
        try FileManager.default.removeItem(at: otherFile)
        #expect(try CLI.sqlite(otherFile.path, "CREATE TABLE notes (x TEXT)").status == 0)
        let foreign = try other.run(train)
        #expect(foreign.status == 6 && foreign.stderr.contains("not a Bekal ledger"))
    }

    @Test("a failed init leaves nothing behind, so the next init succeeds")
    func initLeavesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // The home path's parent is a file: the data directory cannot be built, and nothing may remain.
        let blocker = cli.root.appendingPathComponent("blocker")
        FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8))
        let home = blocker.appendingPathComponent("home").path
        let failed = try cli.run(["init", "--home", home, "--facility-code", "L", "--facility-name", "Lapas"])
        #expect(failed.status == 7, "the data directory cannot be made under a file: permission. \(failed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.root.path).filter { $0.contains("init") }.isEmpty)
        // A data directory left empty (as an interrupted init would) is accepted.
        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true)
        #expect(try cli.run("init", "--facility-code", "L", "--facility-name", "Lapas").status == 0)
        #expect(try cli.run("init", "--facility-code", "L", "--facility-name", "Lapas").status == 5)
    }

    @Test("an init whose writes fail part-way (a file size limit) exits 6 and leaves nothing, so the next init succeeds")
    func initWriteFailureLeavesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Through /bin/sh: a file size limit of 20 blocks, far below the size of a new ledger, so writing the
        // database fails part-way; SIGXFSZ is ignored (and stays ignored across exec) so the write fails with EFBIG
        // instead of killing the process. "$0" "$@" are bekal and its arguments, appended by CLI.start.
        let limited = ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 20; exec \"$0\" \"$@\""]
        let initialize = ["init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji"]
        // What is in the test directory besides the home and the runs' output files (e.g. a staging directory).
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cli.root.path)
                .filter { $0 != "home" && !$0.hasSuffix(".out") && !$0.hasSuffix(".err") }
        }
        let failed = try cli.run(initialize, wrapper: limited)
        #expect(failed.status == 6, "\(failed.stdout)\(failed.stderr)")
        #expect(failed.stderr.contains("the disk is full or failed"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.home.path), "a failed init left the data directory")
        let afterFirst = try leftovers()
        #expect(afterFirst.isEmpty, "\(afterFirst)")

        // The same into an empty data directory that already exists: it stays, empty.
        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true)
        let again = try cli.run(initialize, wrapper: limited)
        #expect(again.status == 6, "\(again.stdout)\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home.path).isEmpty)
        let afterSecond = try leftovers()
        #expect(afterSecond.isEmpty, "\(afterSecond)")

        // Without the limit, init succeeds and the facility works.
        let initialized = try cli.run(initialize)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(try cli.run("framework", "import", "--sample").status == 0)
        #expect(try cli.eventCount() == 3)  // the facility, its first account, the framework
    }

    @Test("canonicalize writes finite doubles beyond 2^53 as ECMAScript does")
    func canonicalizeLargeNumbers() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = try cli.write("n.json", "[-3.333333333333333e+20, 333333333333333300000, 1e21]")
        let run = try cli.run("canonicalize", file)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "[-333333333333333300000,333333333333333300000,1e+21]")
    }

    @Test("every kind of export is valid against schemas/export.schema.json (Python jsonschema): Belum Kompeten units, names, both suites, after a revocation")
    func exportSchemaEveryKind() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        for (unit, outcome) in [("SAMPLE.BTKCAP.001", "K"), ("SAMPLE.BTKCAP.002", "BK"), ("SAMPLE.BTKCAP.003", "K")] {
            #expect(try cli.run("assess", CLI.register, "--unit", unit, "--outcome", outcome, "--assessor", "A",
                                "--role", "asesor", "--method", "observasi", "--date", "2026-03-02").status == 0)
        }
        #expect(try cli.run("certify", CLI.register, "--issuer", "LSP Batik", "--scheme", "Tukang Cap", "--number", "C-1",
                            "--issued", "2026-04-01", "--units", "SAMPLE.BTKCAP.001").status == 0)
        #expect(try cli.run("train", CLI.register, "--date", "2026-02-01", "--hours", "3,5", "--topic", "Malam",
                            "--trainer", "Mentor").status == 0)
        let schema = ExportFixture.repositoryRoot.appendingPathComponent("schemas/export.schema.json").path
        var files: [String] = []
        for (name, options) in [("plain", [String]()), ("named", ["--include-name"]), ("both", ["--cryptosuite", "both"]),
                                ("jcs", ["--cryptosuite", "eddsa-jcs-2022"])] {
            let out = cli.root.appendingPathComponent("\(name).json").path
            #expect(try cli.run(["export", CLI.register, "--out", out] + options).status == 0)
            files.append(out)
        }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: files[0]))) as? [String: Any])
        let embedded = try #require(((first["credentialSubject"] as? [String: Any])?["verifiableCredential"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try cli.run("revoke", embedded, "--reason", "error").status == 0)
        let revoked = cli.root.appendingPathComponent("revoked.json").path
        #expect(try cli.run("export", CLI.register, "--out", revoked).status == 0)
        files.append(revoked)
        for file in files {
            let run = try ExportFixture.validateSchema(schema, file)
            #expect(run.status == 0 && run.output.contains("0 error(s)"), "\(file): \(run.output)")
        }
        // A control: the same validator refuses what is not an export (exit 10), so one that did not really check
        // (a stub, a validator that ignores its schema) fails this test instead of passing it.
        let notAnExport = try cli.write("not-an-export.json", "{\"type\": [\"VerifiableCredential\"]}")
        let control = try ExportFixture.validateSchema(schema, notAnExport)
        #expect(control.status == 10, "\(control.output)")
        // Belum Kompeten units are in the competency map as InProgress results, which the schema must admit.
        #expect(try String(contentsOfFile: files[0], encoding: .utf8).contains("\"InProgress\""))
    }
}
