import Foundation
import Testing

/// A facility whose checkpoint a witness holds, through the real binary: `init`, records (an assessment with an
/// evidence photo, 1,100 imported training rows), `ledger checkpoint --since 0 --bundle`, `witness init/trust/add`,
/// then one genuine append by another account. Made once and copied (`cp -a`) for every test, so each attack
/// gets its own facility and witness.
struct WitnessedFacility {
    /// The checkpoint the witness cosigned covers events 1 to 1,108; event 1,109 was appended after it.
    static let size = 1_108
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let attacker = repository.appendingPathComponent("Tests/BekalCLITests/Fixtures/ledger_attacker.py").path
    static let checker = repository.appendingPathComponent("Tests/BekalCLITests/Fixtures/rfc9162_check.py").path

    let cli: CLI
    var state: String { cli.root.appendingPathComponent("witness").path }
    /// The checkpoint as the witness cosigned it.
    var held: String { cli.root.appendingPathComponent("held.checkpoint").path }
    var database: String { cli.home.appendingPathComponent("bekal.sqlite").path }
    /// A copy of the ledger file when it held 6 events (before the witnessed checkpoint).
    var olderCopy: String { cli.root.appendingPathComponent("older.sqlite").path }

    private static let template: Result<URL, any Error> = Result { try makeTemplate() }

    private init(cli: CLI) { self.cli = cli }

    /// A fresh copy of the witnessed facility.
    init() throws {
        let template = try Self.template.get()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-cli-\(UUID().uuidString)")
        let copy = try CLI.shell("/bin/cp", ["-a", template.path, root.path])
        try #require(copy == 0)
        cli = CLI(root: root)
    }

    private static func makeTemplate() throws -> URL {
        let cli = try CLI.withPerson()
        let facility = WitnessedFacility(cli: cli)
        let photo = try cli.write("kain.jpg", CLI.jpegBytes("kain"))
        try check(cli.run("assess", CLI.register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K", "--assessor",
                          "Ibu Asesor", "--role", "asesor", "--method", "observasi", "--date", "2026-03-01",
                          "--evidence", photo))
        // A consistent copy whatever is still in the write-ahead log, as a backup tool would make it.
        try #require(try CLI.shell("/usr/bin/env", ["sqlite3", facility.database, ".backup '\(facility.olderCopy)'"]) == 0)
        var rows = "person,date,hours,topic,trainer\n"
        for i in 0..<1_100 {
            let day = Calendar(identifier: .gregorian).date(
                byAdding: .day, value: i % 400, to: Date(timeIntervalSince1970: 1_756_771_200))!  // 2025-09-02
            rows += "\(CLI.register),\(String(ISO8601DateFormatter().string(from: day).prefix(10))),2,Cap \(i),Mentor\n"
        }
        try check(cli.run("import", try cli.write("training.csv", rows), "--kind", "training"))
        // Budi, the person's counselor, records after the checkpoint: the append must be listed under his account.
        try check(cli.run("user", "add", "wali.budi", "--role", "counselor"))
        try check(cli.run("user", "assign", "wali.budi", CLI.register))
        let bundle = cli.root.appendingPathComponent("first.bundle").path
        try check(cli.run("ledger", "checkpoint", "--since", "0", "--bundle", bundle))
        let witnessKey = try cli.run("witness", "init", "--state", facility.state, "--name", "kanwil-uji.example/witness")
        try check(witnessKey)
        try witnessKey.stdout.trimmingCharacters(in: .newlines).write(
            to: cli.root.appendingPathComponent("witness.vkey"), atomically: true, encoding: .utf8)
        let logKey = try cli.run("ledger", "checkpoint", "--verifier-key")
        try check(cli.run("witness", "trust", "--state", facility.state, "--key", logKey.stdout.trimmingCharacters(in: .newlines)))
        try check(cli.run("witness", "add", "--state", facility.state, "--bundle", bundle, "--out", facility.held))
        try check(cli.run("train", CLI.register, "--date", "2026-11-01", "--hours", "2", "--topic", "Sesudah",
                          "--trainer", "Mentor", "--actor", "wali.budi"))
        return cli.root
    }

    private static func check(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    }

    func cleanUp() { cli.cleanUp() }

    /// The witness's cosignature verifier key.
    var witnessKey: String {
        get throws { try String(contentsOf: cli.root.appendingPathComponent("witness.vkey"), encoding: .utf8) }
    }

    /// Runs the insider's script on the ledger file (triggers dropped, chain recomputed when asked).
    func attack(_ actions: String...) throws {
        let status = try CLI.shell("/usr/bin/env", ["python3", Self.attacker, database] + actions)
        try #require(status == 0)
    }

    /// `ledger verify --checkpoint <held> --json`: its exit status and report.
    func verify() throws -> (status: Int32, report: [String: Any]) {
        let result = try cli.run("ledger", "verify", "--checkpoint", held, "--json")
        return (result.status, try #require(try result.json() as? [String: Any], "\(result.stderr)"))
    }

    /// Plain `ledger verify --json`, with no checkpoint: its exit status and report.
    func plainVerify() throws -> (status: Int32, report: [String: Any]) {
        let result = try cli.run("ledger", "verify", "--json")
        return (result.status, try #require(try result.json() as? [String: Any], "\(result.stderr)"))
    }

    /// The failures of a report as (reason, first event, last event).
    static func failures(_ report: [String: Any]) -> [(reason: String, first: Int?, last: Int?)] {
        (report["failures"] as? [[String: Any]] ?? []).map {
            ($0["reason"] as? String ?? "", $0["firstEvent"] as? Int, $0["lastEvent"] as? Int)
        }
    }

    /// The insider makes the tree agree again and offers a checkpoint to the witness (from the size it holds when
    /// the ledger still has that many events, else from 0): the witness's exit status and evidence file.
    func offerToWitness(rebuildTree: Bool = true) throws -> (status: Int32, evidence: [String: Any]?) {
        if rebuildTree { #expect(try cli.run("ledger", "rebuild", "--log-tree").status == 0) }
        let bundle = cli.root.appendingPathComponent("next.bundle").path
        var made = try cli.run("ledger", "checkpoint", "--since", String(Self.size), "--bundle", bundle)
        if made.status == 5 {
            made = try cli.run("ledger", "checkpoint", "--since", "0", "--bundle", bundle)
        }
        try #require(made.status == 0, "\(made.stderr)")
        let evidence = cli.root.appendingPathComponent("evidence.json")
        let added = try cli.run("witness", "add", "--state", state, "--bundle", bundle, "--evidence", evidence.path)
        let document = (try? Data(contentsOf: evidence)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        return (added.status, document as? [String: Any])
    }
}

extension CLI {
    init(root: URL) { self.root = root }

    /// Runs a program; its exit status and everything it printed.
    static func output(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func shell(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Every attack of issue 13 done with the real binary to a facility whose checkpoint a witness holds: `ledger
/// verify --checkpoint` names the event or range, and a rewritten log offered to the witness is refused as a
/// fork or rollback with both checkpoints in the evidence file.
@Suite("Attacks on a witnessed facility, through the CLI", .serialized)
struct WitnessedLedgerTests {
    func expect(_ report: [String: Any], _ reason: String, _ first: Int, _ last: Int,
                sourceLocation: SourceLocation = #_sourceLocation) {
        let failures = WitnessedFacility.failures(report)
        #expect(failures.contains { $0.reason == reason && $0.first == first && $0.last == last },
                "expected \(reason) \(first)-\(last), got \(failures)", sourceLocation: sourceLocation)
    }

    func expectEvidence(_ offered: (status: Int32, evidence: [String: Any]?), _ finding: String, status: Int32,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(offered.status == status, sourceLocation: sourceLocation)
        #expect(offered.evidence?["finding"] as? String == finding, sourceLocation: sourceLocation)
        // Both checkpoints, each as the facility signed it: the held one cosigned, the presented one not.
        let held = offered.evidence?["held"] as? String ?? ""
        #expect(held.contains("\n\(WitnessedFacility.size)\n") && held.contains("kanwil-uji.example/witness"),
                sourceLocation: sourceLocation)
        let presented = offered.evidence?["presented"] as? String ?? ""
        #expect(presented.hasPrefix("bekal.id/ledger/LAPAS-UJI\n"), sourceLocation: sourceLocation)
    }

    @Test("untouched: the ledger matches the witnessed checkpoint; the later append is listed with its actor")
    func untouched() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        let result = try facility.cli.run(
            "ledger", "verify", "--checkpoint", facility.held, "--witness-key", try facility.witnessKey)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Ledger MATCHES the checkpoint of 1108 events"))
        #expect(result.stdout.contains("cosigned by kanwil-uji.example/witness at 2026-11-15T03:00:00Z"))
        #expect(result.stdout.contains("event 1109 training.recorded by wali.budi"))
        // Plain `ledger verify` (no checkpoint) agrees: chain, stored tree, projections and evidence all hold.
        let plain = try facility.cli.run("ledger", "verify")
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        #expect(plain.stdout.hasPrefix("Ledger intact: 1109 events, head "))
        let (status, report) = try facility.verify()
        #expect(status == 0)
        let appended = try #require(report["appended"] as? [[String: Any]])
        #expect(appended.map { $0["actor"] as? String } == ["wali.budi"])
        #expect(appended.map { $0["actorKnown"] as? Bool } == [true], "wali.budi is an account of the facility")
        #expect(!result.stdout.contains("UNKNOWN"), "\(result.stdout)")
        // The witness cosigns the next checkpoint (given with its proof file), which covers the append: from now
        // on it is permanent.
        let root = facility.cli.root
        let proof = root.appendingPathComponent("next.proof").path
        let next = root.appendingPathComponent("next.checkpoint").path
        let cosigned = root.appendingPathComponent("next.cosigned").path
        #expect(try facility.cli.run("ledger", "checkpoint", "--since", "1108", "--proof", proof, "--out", next).status == 0)
        #expect(try String(contentsOfFile: proof, encoding: .utf8).hasPrefix("old 1108\n"))
        let added = try facility.cli.run(
            "witness", "add", "--state", facility.state, "--checkpoint", next, "--proof", proof, "--out", cosigned)
        #expect(added.status == 0, "\(added.stderr)")
        let again = try facility.cli.run(
            "ledger", "verify", "--checkpoint", cosigned, "--witness-key", try facility.witnessKey)
        #expect(again.status == 0)
        #expect(again.stdout.contains("MATCHES the checkpoint of 1109 events"))
        #expect(!again.stdout.contains("appended after"))
        let show = try #require(try facility.cli.run("witness", "show", "--state", facility.state, "--json").json() as? [String: Any])
        #expect((show["logs"] as? [[String: Any]])?.first?["size"] as? Int == 1_109)
        // The independent C2SP reader accepts the facility's signature and the witness's cosignature.
        let logKey = try facility.cli.run("ledger", "checkpoint", "--verifier-key").stdout.trimmingCharacters(in: .newlines)
        let python = try CLI.output("/usr/bin/env", [
            "python3", WitnessedFacility.repository.appendingPathComponent("Tests/BekalLogTests/Fixtures/c2sp_note.py").path,
            "verify", cosigned, logKey, try facility.witnessKey,
        ])
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output.contains("checkpoint bekal.id/ledger/LAPAS-UJI 1109 "))
        #expect(python.output.contains("cosigned 1794711600"))
    }

    @Test("the witness's key, trusted keys and held checkpoints are refused when others can read them")
    func privateFiles() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        for name in ["witness.key", "logs.json", "checkpoints.json"] {
            let path = URL(fileURLWithPath: facility.state).appendingPathComponent(name).path
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(name)")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            let refused = try facility.cli.run("witness", "show", "--state", facility.state)
            let added = try facility.cli.run("witness", "add", "--state", facility.state, "--checkpoint", facility.held)
            #expect(refused.status == 7 || name == "checkpoints.json", "\(name): \(refused.stderr)")
            #expect(added.status == 7, "\(name): \(added.stderr)")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
    }

    @Test("an event edited and the chain recomputed: named; after the tree is rebuilt the witness sees a fork")
    func editRechain() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        try facility.attack("sql", """
            UPDATE ledger_event SET payload = replace(payload, '"hours":2', '"hours":9') WHERE sequence = 500
            """, "rechain")
        // The chain was recomputed, so it holds; plain `ledger verify` still finds the event differing from the
        // leaf Bekal stored when it was appended.
        let plain = try facility.plainVerify()
        #expect(plain.status == 1)
        #expect(plain.report["count"] as? Int == 1_109, "the chain check passes")
        #expect(plain.report["intact"] as? Bool == false)
        expect(plain.report, "written-outside-bekal", 500, 500)
        let (status, report) = try facility.verify()
        #expect(status == 1)
        expect(report, "rewritten", 500, 500)
        expectEvidence(try facility.offerToWitness(), "fork", status: 10)
    }

    @Test("an event deleted, the rest renumbered and rechained: named from that event on")
    func deleteRechain() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        try facility.attack("sql", "DELETE FROM ledger_event WHERE sequence = 500", "shift", "501", "-1", "rechain")
        let plain = try facility.plainVerify()
        #expect(plain.status == 1)
        #expect(plain.report["count"] as? Int == 1_108, "the chain check passes")
        #expect(WitnessedFacility.failures(plain.report).contains { $0.reason == "written-outside-bekal" && $0.first == 500 })
        let (status, report) = try facility.verify()
        #expect(status == 1)
        #expect(WitnessedFacility.failures(report).contains { $0.reason == "rewritten" && $0.first == 500 })
        expectEvidence(try facility.offerToWitness(), "fork", status: 10)
    }

    @Test("two events swapped and rechained: the range between them is named")
    func reorderRechain() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        try facility.attack("sql", """
            UPDATE ledger_event SET sequence = -1 WHERE sequence = 400;
            UPDATE ledger_event SET sequence = 400 WHERE sequence = 900;
            UPDATE ledger_event SET sequence = 900 WHERE sequence = -1
            """, "rechain")
        let (status, report) = try facility.verify()
        #expect(status == 1)
        expect(report, "rewritten", 400, 900)
        expectEvidence(try facility.offerToWitness(), "fork", status: 10)
    }

    @Test("a forged event appended with its hash computed: named with its actor, even after `ledger rebuild`")
    func forgedAppend() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        let before = try facility.cli.run("portfolio", CLI.register, "--json").stdout
        try facility.attack("forge", "1110", "eve")
        // The chain holds (its hash was computed), but plain `ledger verify` names the event with no leaf: the
        // same finding that makes `ledger checkpoint` and `export` refuse (exit 6).
        let plain = try facility.plainVerify()
        #expect(plain.status == 1)
        #expect(plain.report["count"] as? Int == 1_110, "the chain check passes")
        #expect(plain.report["intact"] as? Bool == false)
        expect(plain.report, "written-outside-bekal", 1_110, 1_110)
        // eve is no account of the facility: a finding of its own, wherever the event is.
        expect(plain.report, "unknown-actor", 1_110, 1_110)
        let text = try facility.cli.run("ledger", "verify")
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("Ledger NOT intact: the hash chain of 1110 events holds, but:"), "\(text.stdout)")
        #expect(text.stdout.contains("written-outside-bekal event 1110: StoredTreePolicy: event 1110 has no leaf"),
                "\(text.stdout)")
        #expect(text.stdout.contains("unknown-actor event 1110: KnownActorPolicy: event 1110 names an actor"),
                "\(text.stdout)")
        #expect(!text.stdout.contains("Ledger intact"))
        // The forgery flows into the query tables on a rebuild, so the portfolio shows it...
        #expect(try facility.cli.run("ledger", "rebuild").status == 0)
        #expect(try facility.cli.run("portfolio", CLI.register, "--json").stdout != before)
        // ...but it has no leaf in the tree Bekal writes with every append.
        let (status, report) = try facility.verify()
        #expect(status == 1)
        expect(report, "written-outside-bekal", 1_110, 1_110)
        expect(report, "unknown-actor", 1_110, 1_110)
        let appended = try #require(report["appended"] as? [[String: Any]])
        #expect(appended.map { $0["actor"] as? String } == ["wali.budi", "eve"])
        #expect(appended.map { $0["actorKnown"] as? Bool } == [true, false])
        // In text, the list of appends marks eve's event, and the count by actor marks eve.
        let listed = try facility.cli.run("ledger", "verify", "--checkpoint", facility.held)
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("unknown-actor event 1110: KnownActorPolicy:"), "\(listed.stdout)")
        #expect(listed.stdout.contains("(by actor: eve (UNKNOWN): 1, wali.budi: 1)"), "\(listed.stdout)")
        #expect(listed.stdout.contains("event 1110 training.recorded by eve (UNKNOWN ACTOR: no such account when it "
                                       + "was recorded) at "), "\(listed.stdout)")
        #expect(listed.stdout.contains("event 1109 training.recorded by wali.budi at "), "\(listed.stdout)")
        // Bekal refuses to sign a checkpoint over it until someone looks, and says which command names it.
        let refused = try facility.cli.run("ledger", "checkpoint")
        #expect(refused.status == 6)
        #expect(refused.stderr.contains("`bekal ledger verify` names the events"), "\(refused.stderr)")
        #expect(try facility.plainVerify().status == 1, "still reported after `ledger rebuild`")
    }

    @Test("a forged event inserted mid-chain and rechained: named from the insertion on")
    func forgedInsert() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        try facility.attack("shift", "650", "1", "forge", "650", "eve", "rechain")
        let (status, report) = try facility.verify()
        #expect(status == 1)
        #expect(WitnessedFacility.failures(report).contains { $0.reason == "rewritten" && $0.first == 650 })
        // Inside the witnessed history, eve is still no account: named on its own.
        expect(report, "unknown-actor", 650, 650)
        expectEvidence(try facility.offerToWitness(), "fork", status: 10)
    }

    @Test("the last event, the last 1,000 events, every event cut off: the missing range is named; the witness sees a rollback",
          arguments: [(1_107, 1_108), (104, 105), (0, 1)])
    func truncation(_ kept: Int, _ firstMissing: Int) throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        try facility.attack("sql", "DELETE FROM ledger_event WHERE sequence > \(kept)")
        let (status, report) = try facility.verify()
        #expect(status == 1)
        expect(report, "truncated", firstMissing, WitnessedFacility.size)
        #expect(report["eventCount"] as? Int == kept)
        if kept > 0 { expectEvidence(try facility.offerToWitness(), "rollback", status: 9) }
    }

    @Test("a projection row edited (2 hours made 4): named by its event")
    func projectionEdited() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        try facility.attack("sql", """
            UPDATE training SET hours = hours + 2 WHERE event_id = (SELECT event_id FROM ledger_event WHERE sequence = 500)
            """)
        let (status, report) = try facility.verify()
        #expect(status == 1)
        expect(report, "projection-edited", 500, 500)
    }

    @Test("the file replaced by an older copy: the missing range is named; the witness sees a rollback")
    func olderCopy() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: facility.database + suffix) {
            try FileManager.default.removeItem(atPath: facility.database + suffix)
        }
        try FileManager.default.copyItem(atPath: facility.olderCopy, toPath: facility.database)
        let (status, report) = try facility.verify()
        #expect(status == 1)
        expect(report, "truncated", 7, WitnessedFacility.size)
        expectEvidence(try facility.offerToWitness(rebuildTree: false), "rollback", status: 9)
    }

    @Test("an evidence file swapped, deleted, or replaced by a symbolic link: named by the assessment's event",
          arguments: ["swapped", "deleted", "link"])
    func evidence(_ attack: String) throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        // evidence/<first two hex digits>/<SHA-256>: the one photo.
        let evidence = facility.cli.home.appendingPathComponent("evidence")
        let prefix = try #require(try FileManager.default.contentsOfDirectory(atPath: evidence.path).first)
        let directory = evidence.appendingPathComponent(prefix)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first)
        #expect(name.hasPrefix(prefix) && name.count == 64)
        let file = directory.appendingPathComponent(name)
        try FileManager.default.removeItem(at: file)
        switch attack {
        case "swapped": try CLI.jpegBytes("another cloth").write(to: file)
        case "link":
            let elsewhere = facility.cli.root.appendingPathComponent("elsewhere.jpg")
            try CLI.jpegBytes("kain").write(to: elsewhere)
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: elsewhere)
        default: break
        }
        let (status, report) = try facility.verify()
        #expect(status == 1)
        let reason = ["swapped": "evidence-altered", "deleted": "evidence-missing", "link": "evidence-not-regular-file"][attack]!
        expect(report, reason, 6, 6)  // the assessment: facility, account, framework, person, code, then it
        // Plain `ledger verify` finds it too, with no checkpoint.
        let plain = try facility.plainVerify()
        #expect(plain.status == 1)
        #expect(plain.report["count"] as? Int == 1_109, "the chain check passes")
        expect(plain.report, reason, 6, 6)
    }

    @Test("a checkpoint of another facility, or one with a changed size, is rejected before any audit")
    func rejectedCheckpoints() throws {
        let facility = try WitnessedFacility()
        defer { facility.cleanUp() }
        let text = try String(contentsOfFile: facility.held, encoding: .utf8)
        let changed = try facility.cli.write("changed.checkpoint", text.replacingOccurrences(of: "\n1108\n", with: "\n1107\n"))
        let result = try facility.cli.run("ledger", "verify", "--checkpoint", changed)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Checkpoint REJECTED"))
        let other = try CLI()
        defer { other.cleanUp() }
        #expect(try other.run("init", "--facility-code", "LAPAS-LAIN", "--facility-name", "Lapas Lain").status == 0)
        let foreign = other.root.appendingPathComponent("foreign.checkpoint").path
        #expect(try other.run("ledger", "checkpoint", "--out", foreign).status == 0)
        let rejected = try facility.cli.run("ledger", "verify", "--checkpoint", foreign, "--json")
        #expect(rejected.status == 1)
        #expect((try rejected.json() as? [String: Any])?["rejected"] as? String != nil)
        // The witness does not follow that log (exit 3); a checkpoint of its log signed by another key: exit 1.
        #expect(try facility.cli.run("witness", "add", "--state", facility.state, "--checkpoint", foreign).status == 3)
        let forged = try facility.cli.write("forged.checkpoint", (try String(contentsOfFile: foreign, encoding: .utf8))
            .replacingOccurrences(of: "LAPAS-LAIN", with: "LAPAS-UJI"))
        #expect(try facility.cli.run("witness", "add", "--state", facility.state, "--checkpoint", forged).status == 1)
        // A witness key whose cosignature is not on the checkpoint: rejected.
        let unwitnessed = facility.cli.root.appendingPathComponent("plain.checkpoint").path
        #expect(try facility.cli.run("ledger", "checkpoint", "--out", unwitnessed).status == 0)
        let required = try facility.cli.run(
            "ledger", "verify", "--checkpoint", unwitnessed, "--witness-key", try facility.witnessKey)
        #expect(required.status == 1)
        #expect(required.stdout.contains("no cosignature of witness kanwil-uji.example/witness"))
    }
}
