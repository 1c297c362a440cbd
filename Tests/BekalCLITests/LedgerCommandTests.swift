import Foundation
import Testing

@Suite("bekal import, ledger, portfolio, readiness and demo, end to end")
struct LedgerCommandTests {
    @Test("a CSV import is all-or-nothing, names the bad row and field, and skips rows on re-import")
    func importCSV() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        let good = try cli.write("training.csv", """
            person,date,hours,topic,trainer\r
            \(CLI.register),2026-02-01,3,"Malam, panas",Mentor\r
            \(CLI.register),2026-02-02,2,Cap,Mentor\r

            """)
        let first = try cli.run("import", good, "--kind", "training")
        #expect(first.status == 0)
        #expect(first.stdout.contains("Imported 2"))
        let again = try cli.run("import", good, "--kind", "training")
        #expect(again.status == 0)
        #expect(again.stdout.contains("Imported 0 training rows; skipped 2"))
        let before = try cli.eventCount()
        let bad = try cli.write("bad.csv", """
            person,date,hours,topic,trainer
            \(CLI.register),2026-02-05,3,Malam,Mentor
            \(CLI.register),2026-02-06,lots,Malam,Mentor

            """)
        let refused = try cli.run("import", bad, "--kind", "training")
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("row 3, field 'hours'"))
        #expect(!refused.stderr.contains(CLI.register))
        let early = try cli.write("early.csv", "person,date,hours,topic,trainer\n\(CLI.register),2024-01-01,3,M,T\n")
        let beforeAdmission = try cli.run("import", early, "--kind", "training")
        #expect(beforeAdmission.status == 4)
        #expect(beforeAdmission.stderr.contains("row 2"))
        #expect(try cli.eventCount() == before)
        #expect(try cli.run("import", good, "--kind", "salaries").status == 4)
        #expect(try cli.run("import", cli.root.appendingPathComponent("none.csv").path, "--kind", "training").status == 3)
    }

    @Test("ledger verify exits 1 and names the event after the file is tampered with; rebuild replays")
    func verifyTampered() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        #expect(try cli.run("train", CLI.register, "--date", "2026-02-01", "--hours", "3", "--topic", "M",
                            "--trainer", "T").status == 0)
        // facility, its first account, framework, person, their verification code, training
        #expect(try cli.run("ledger", "rebuild").stdout.contains("from 6 events"))
        let database = cli.home.appendingPathComponent("bekal.sqlite").path
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", database, """
            DROP TRIGGER ledger_event_no_update;
            UPDATE ledger_event SET payload = replace(payload, '"hours":3', '"hours":30') WHERE sequence = 6;
            """]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)
        let verify = try cli.run("ledger", "verify", "--json")
        #expect(verify.status == 1)
        let report = try #require(try verify.json() as? [String: Any])
        #expect(report["intact"] as? Bool == false)
        #expect(report["sequence"] as? Int == 6)
        #expect(report["reason"] as? String == "edited-event")
    }

    @Test("a missing data directory, a newer schema and a corrupted file each exit with their code")
    func storageFaults() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let missing = try cli.run("person", "list")
        #expect(missing.status == 6)
        #expect(missing.stderr.contains("does not exist"))
        #expect(try cli.run("init", "--facility-code", "LAPAS-UJI", "--facility-name", "Lapas Uji").status == 0)
        let database = cli.home.appendingPathComponent("bekal.sqlite")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", database.path, "INSERT INTO grdb_migrations VALUES ('v2-future')"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let newer = try cli.run("person", "list")
        #expect(newer.status == 6)
        #expect(newer.stderr.contains("newer version"))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        try Data(repeating: 0x42, count: 4096).write(to: database)
        let corrupted = try cli.run("person", "list")
        #expect(corrupted.status == 6)
        #expect(corrupted.stderr.contains("damaged"))
        #expect(!corrupted.stderr.contains("Fatal error"))
    }

    @Test("a data directory or ledger file the user may not read or write exits 7, and nothing is written")
    func permissionFaults() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        // Root reads and writes any file whatever its mode (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH). As root,
        // setpriv drops both from the bounding set before it runs bekal, so bekal runs without them and obeys file
        // modes as any other user would. Any other user (who may not change the bounding set) runs bekal directly:
        // the modes below already hold for them.
        let withoutOverride: [String] = geteuid() == 0
            ? ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] : []
        let list = try cli.run(["person", "list"], wrapper: withoutOverride)
        #expect(list.status == 0, "bekal runs (under setpriv as root) with the modes intact: \(list.stderr)")
        let before = try cli.eventCount()
        let train = ["train", CLI.register, "--date", "2026-02-01", "--hours", "3", "--topic", "M", "--trainer", "T"]

        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: cli.home.path)
        let unreadable = try cli.run(["person", "list"], wrapper: withoutOverride)
        let unwritable = try cli.run(train, wrapper: withoutOverride)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: cli.home.path)
        #expect(unreadable.status == 7, "\(unreadable.stderr)")
        #expect(unreadable.stderr == "bekal: the data directory cannot be read and written\n")
        #expect(unwritable.status == 7, "\(unwritable.stderr)")

        let database = cli.home.appendingPathComponent("bekal.sqlite").path
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: database)
        let readOnly = try cli.run(train, wrapper: withoutOverride)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database)
        #expect(readOnly.status == 7, "\(readOnly.stderr)")
        #expect(readOnly.stderr.hasPrefix("bekal: the ledger file cannot be read and written"), "\(readOnly.stderr)")
        #expect(try cli.eventCount() == before)
    }

    @Test("portfolio and readiness print the standing and what is missing, ordered by release date")
    func portfolioAndReadiness() throws {
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        #expect(try cli.run("person", "add", "--register-number", "AII-0001/2026", "--name", "Kedua Uji",
                            "--admitted", "2025-10-01", "--release", "2026-12-01").status == 0)
        #expect(try cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K",
                            "--assessor", "A", "--role", "bnsp-assessor", "--method", "observation",
                            "--date", "2026-03-02").status == 0)
        let text = try cli.run("portfolio", CLI.register)
        #expect(text.status == 0)
        #expect(text.stdout.contains("[K ] SAMPLE.BTKCAP.001"))
        #expect(text.stdout.contains("1 Kompeten, 0 Belum Kompeten, 7 never assessed"))
        let readiness = try cli.run("readiness", "--json")
        let lines = try #require(try readiness.json() as? [[String: Any]])
        #expect(lines.compactMap { $0["registerNumber"] as? String } == ["AII-0001/2026", CLI.register])
        let report = try #require(lines.last?["report"] as? [String: Any])
        let kinds = (report["missing"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        #expect(kinds.contains("evidence-missing"))
        #expect(kinds.contains("training-hours"))
        #expect(report["ready"] as? Bool == false)
        let one = try #require(try cli.run("readiness", CLI.register, "--json").json() as? [Any])
        #expect(one.count == 1)
        let none = try #require(try cli.run("readiness", "--due-within", "0", "--json").json() as? [Any])
        #expect(none.isEmpty)
        #expect(try cli.run("readiness", "--due-within", "-1").status == 2)
        #expect(try cli.run("portfolio", "NOBODY").status == 3)
    }

    @Test("readiness --due-within lists an overdue person first, OVERDUE by the days counted from the fixed now; --json marks them overdue")
    func overdueFirst() throws {
        // CLI.withPerson's person is due 2026-12-20, 35 days after CLI.now (15 November 2026, 10:00 WIB): not listed.
        let cli = try CLI.withPerson()
        defer { cli.cleanUp() }
        func add(_ number: String, _ name: String, release: String) throws {
            let run = try cli.run("person", "add", "--register-number", number, "--name", name, "--admitted",
                                  "2025-01-10", "--release", release)
            try #require(run.status == 0, "\(run.stderr)")
        }
        // Added in another order than the list's, the overdue ones last.
        try add("AII-0010/2025", "Sepuluh Hari", release: "2026-11-25")  // in 10 days
        try add("AII-0011/2025", "Hari Ini", release: "2026-11-15")  // today: due, not overdue
        try add("AII-0012/2025", "Kemarin Uji", release: "2026-11-14")  // overdue by 1 day
        try add("AII-0007/2025", "Terlambat Uji", release: "2026-11-01")  // overdue by 14 days
        // Released: however far past their date, not overdue and not listed.
        try add("AII-0013/2025", "Sudah Bebas", release: "2026-10-20")
        #expect(try cli.run("release", "AII-0013/2025", "--date", "2026-10-20", "--kind", "bebas").status == 0)

        let text = try cli.run("readiness", "--due-within", "30")
        #expect(text.status == 0, "\(text.stderr)")
        // One line per person ("date (when)  register  name: N missing"), their missing items indented under it.
        let heads = text.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map(String.init)
        #expect(heads.count == 4, "\(text.stdout)")
        #expect(heads.first?.hasPrefix("2026-11-01 (OVERDUE by 14 days)  AII-0007/2025  Terlambat Uji: ") == true,
                "\(text.stdout)")
        #expect(heads.dropFirst().first?.hasPrefix("2026-11-14 (OVERDUE by 1 day") == true, "\(text.stdout)")
        #expect(heads.dropFirst(2).first?.hasPrefix("2026-11-15 (in 0 days)  AII-0011/2025  Hari Ini: ") == true,
                "\(text.stdout)")
        #expect(heads.dropFirst(3).first?.hasPrefix("2026-11-25 (in 10 days)  AII-0010/2025  Sepuluh Hari: ") == true,
                "\(text.stdout)")
        #expect(!text.stdout.contains("Sudah Bebas") && !text.stdout.contains(CLI.register))

        let json = try cli.run("readiness", "--due-within", "30", "--json")
        #expect(json.status == 0, "\(json.stderr)")
        let lines = try #require(try json.json() as? [[String: Any]])
        #expect(lines.compactMap { $0["registerNumber"] as? String }
            == ["AII-0007/2025", "AII-0012/2025", "AII-0011/2025", "AII-0010/2025"])
        #expect(lines.compactMap { $0["overdue"] as? Bool } == [true, true, false, false])
        let reports = lines.compactMap { $0["report"] as? [String: Any] }
        #expect(reports.compactMap { $0["daysUntilRelease"] as? Int } == [-14, -1, 0, 10])
        #expect(reports.compactMap { $0["expectedReleaseDate"] as? String }
            == ["2026-11-01", "2026-11-14", "2026-11-15", "2026-11-25"])
    }

    @Test("a fresh demo facility is intact: plain `ledger verify` passes and it matches its own checkpoint, evidence files included")
    func demoVerifies() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("demo", "--people", "6", "--seed", "3").status == 0)
        // The placeholder evidence files the demo's assessments name are in the evidence store.
        let evidence = cli.home.appendingPathComponent("evidence")
        let files = (FileManager.default.enumerator(atPath: evidence.path)?.allObjects as? [String] ?? [])
            .filter { $0.split(separator: "/").last?.count == 64 }
        #expect(!files.isEmpty)
        let plain = try cli.run("ledger", "verify")
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        #expect(plain.stdout.hasPrefix("Ledger intact: "))
        let checkpoint = cli.root.appendingPathComponent("demo.checkpoint").path
        #expect(try cli.run("ledger", "checkpoint", "--out", checkpoint).status == 0)
        let audited = try cli.run("ledger", "verify", "--checkpoint", checkpoint, "--json")
        #expect(audited.status == 0, "\(audited.stdout)\(audited.stderr)")
        let report = try #require(try audited.json() as? [String: Any])
        #expect(report["matches"] as? Bool == true)
        #expect((report["failures"] as? [Any])?.isEmpty == true)
    }

    @Test("with --json a usage error is JSON too: on standard output, code usage, exit 2, the values typed hidden as in text")
    func jsonUsageErrors() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let lines: [([String], String)] = [
            (["verify", "--json"], "Missing expected argument '<file>'"),
            (["verify", "--json", "Rahasia.json", "Santoso"], "Unexpected argument"),
            (["ledger", "verify", "--json", "--bogus"], "Unknown option"),
            (["ledger", "verify", "--json", "--checkpoint"], "--checkpoint"),
            (["ledger", "verify", "--witness-key", "Rahasia Santoso", "--json"], "--witness-key needs --checkpoint"),
        ]
        for (arguments, said) in lines {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)")
            let object = try #require(try result.json() as? [String: Any], "\(arguments): \(result.stdout)")
            #expect(object.keys.contains("verdict"), "the shape `verify --json` gives its other errors")
            let error = try #require(object["error"] as? [String: Any], "\(arguments): \(object)")
            #expect(error["exitCode"] as? Int == 2)
            #expect(error["code"] as? String == "usage")
            let message = error["message"] as? String ?? ""
            #expect(message.contains(said), "\(arguments): \(message)")
            #expect(!message.hasPrefix("Error:") && !message.contains("Usage:"), "the brief message: \(message)")
            #expect(!message.contains("Rahasia") && !message.contains("Santoso") && !message.contains("--bogus"),
                    "typed values are hidden: \(message)")
        }
        // Without --json the same error stays text on standard error.
        let text = try cli.run("verify")
        #expect(text.status == 2)
        #expect(text.stdout.isEmpty)
        #expect(text.stderr.hasPrefix("bekal: Missing expected argument '<file>'"), "\(text.stderr)")
        // After `--` it is a value, not the flag: a usage error in text.
        let value = try cli.run("verify", "--", "--json", "extra")
        #expect(value.status == 2)
        #expect(value.stderr.hasPrefix("bekal: "), "\(value.stdout)\(value.stderr)")
        // `ledger verify --json` reports its other errors as JSON too: here no data directory (exit 6).
        let missing = try cli.run("ledger", "verify", "--json")
        #expect(missing.status == 6, "\(missing.stdout)\(missing.stderr)")
        let report = try #require(try missing.json() as? [String: Any], "\(missing.stdout)")
        let error = try #require(report["error"] as? [String: Any])
        #expect(error["exitCode"] as? Int == 6)
        #expect(error["code"] as? String == "storage")
    }

    @Test("demo builds a facility whose chain verifies, with a real portfolio and a readiness list")
    func demo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let demo = try cli.run("demo", "--people", "5", "--seed", "7")
        #expect(demo.status == 0)
        #expect(try cli.eventCount() > 50)
        let persons = try #require(try cli.run("person", "list", "--json").json() as? [[String: Any]])
        #expect(persons.count == 5)
        #expect(persons.allSatisfy { ($0["fullName"] as? String)?.hasPrefix("DEMO") == true })
        let first = try #require(persons.first?["registerNumber"] as? String)
        #expect(try cli.run("portfolio", first).stdout.contains("Framework SAMPLE.BTKCAP"))
        #expect(try cli.run("readiness").status == 0)
        #expect(try cli.run("demo").status == 5)
    }
}
