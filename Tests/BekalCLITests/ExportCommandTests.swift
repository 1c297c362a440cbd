import Foundation
import Testing

/// `bekal export`, `revoke`, `status-list export`, `keys` and `verify` end to end with the built binary on a
/// `bekal demo` facility.
@Suite("Export, revoke and verify with the built binary")
struct ExportCommandTests {
    @Test("an exported portfolio verifies VALID with the facility's trust list, and the register number matches")
    func exportVerifies() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        let export = try demo.export(person.id, to: "one.json")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(!export.stdout.contains(person.register))
        let file = demo.path("one.json")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains(person.register), "the register number must not be readable from the file")
        #expect(!text.contains(person.name), "names are left out by default")

        let trust = try demo.trustList()
        let valid = try demo.verify(file, ["--trust", trust])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        // The verdict line names the facility as the trust list gives it (a lapsed demo certificate may make it
        // VALID WITH EXCEPTIONS).
        #expect(valid.stdout.hasPrefix("VALID"))
        #expect(valid.stdout.contains("issued by DEMO Lapas Contoh (fiktif):"))
        #expect(valid.stdout.contains("NOT CHECKED"), "no status list given: revocation is said to be unchecked")

        // The export binds the register number with the person's verification code (`bekal person code`).
        let registerFile = try demo.cli.write("register.txt", person.register)
        let code = try demo.cli.run("person", "code", person.id).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let codeFile = try demo.cli.write("code.txt", code)
        let match = try demo.verify(file, ["--trust", trust, "--register-number-file", registerFile,
                                           "--verification-code-file", codeFile])
        #expect(match.status == 0, "\(match.stdout)")
        #expect(!match.stdout.contains("FAIL  identity"))
        let otherFile = try demo.cli.write("other.txt", person.register + "X")
        let mismatch = try demo.verify(file, ["--trust", trust, "--register-number-file", otherFile,
                                              "--verification-code-file", codeFile])
        #expect(mismatch.status == 1)
        #expect(mismatch.stdout.contains("FAIL  identity"))

        // Without the trust list nothing vouches for the key.
        #expect(try demo.verify(file).status == 1)
    }

    @Test("--cryptosuite picks the proofs: eddsa-rdfc-2022 by default, eddsa-jcs-2022 or both on request")
    func cryptosuiteChoice() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        let trust = try demo.trustList()
        let expected: [(String, [String], [String])] = [
            ("default.json", [], ["eddsa-rdfc-2022"]),
            ("jcs.json", ["--cryptosuite", "eddsa-jcs-2022"], ["eddsa-jcs-2022"]),
            ("both.json", ["--cryptosuite", "both"], ["eddsa-rdfc-2022", "eddsa-jcs-2022"]),
        ]
        for (file, options, suites) in expected {
            let export = try demo.export(person.id, to: file, options)
            #expect(export.status == 0, "\(export.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: demo.path(file))))
            let proofs = try #require((document as? [String: Any])?["proof"] as? [[String: Any]])
            #expect(proofs.compactMap { $0["cryptosuite"] as? String } == suites, "\(file)")
            let verified = try demo.verify(demo.path(file), ["--trust", trust])
            #expect(verified.status == 0, "\(file): \(verified.stdout)")
            for suite in suites { #expect(verified.stdout.contains("\(suite) signature verifies"), "\(file)") }
        }
        let unknown = try demo.export(person.id, to: "unknown.json", ["--cryptosuite", "ed25519-2020"])
        #expect(unknown.status == 4)
        #expect(unknown.stderr == "bekal: --cryptosuite: expected eddsa-rdfc-2022, eddsa-jcs-2022 or both\n")
        #expect(!FileManager.default.fileExists(atPath: demo.path("unknown.json")))
    }

    @Test("--include-name puts the name in; a tampered export is INVALID with the proof check named")
    func nameAndTampering() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        #expect(try demo.export(person.id, to: "named.json", ["--include-name"]).status == 0)
        let named = try String(contentsOfFile: demo.path("named.json"), encoding: .utf8)
        #expect(named.contains(person.name))
        let trust = try demo.trustList()
        #expect(try demo.verify(demo.path("named.json"), ["--trust", trust]).status == 0)

        let outer = try demo.tampered(demo.path("named.json"), replacing: "skills portfolio", with: "skills portfoliO", name: "t1.json")
        let outerRun = try demo.verify(outer, ["--trust", trust])
        #expect(outerRun.status == 1)
        #expect(outerRun.stdout.hasPrefix("INVALID"), "\(outerRun.stdout)")
        #expect(outerRun.stdout.contains("FAIL  proof"), "\(outerRun.stdout)")

        let inner = try demo.tampered(demo.path("named.json"), replacing: "\"Competency\"", with: "\"Certificate\"", name: "t2.json")
        let innerRun = try demo.verify(inner, ["--trust", trust])
        #expect(innerRun.status == 1)
        #expect(innerRun.stdout.hasPrefix("INVALID"), "\(innerRun.stdout)")
        #expect(innerRun.stdout.contains("FAIL  "), "\(innerRun.stdout)")
    }

    @Test("a revoked embedded credential is an exception against the published status list (VALID WITH EXCEPTIONS); re-export keeps its index")
    func revocation() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        #expect(try demo.export(person.id, to: "before.json").status == 0)
        let trust = try demo.trustList()
        let ids = try demo.embeddedIDs(demo.path("before.json"))
        let target = try #require(ids.first)

        let clean = try demo.cli.run("status-list", "export", "--out", demo.path("status0.json"))
        #expect(clean.status == 0, "\(clean.stderr)")
        let notRevoked = try demo.verify(demo.path("before.json"), ["--trust", trust, "--status-list", demo.path("status0.json")])
        #expect(notRevoked.status == 0, "\(notRevoked.stdout)")
        #expect(notRevoked.stdout.contains("PASS  revocation"))

        let revoke = try demo.cli.run("revoke", target, "--reason", "issued in error")
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(try demo.cli.run("revoke", target, "--reason", "again").status == 5)
        #expect(try demo.cli.run("revoke", "urn:uuid:\(UUID().uuidString.lowercased())", "--reason", "x").status == 3)
        #expect(try demo.cli.run("revoke", "not-a-urn", "--reason", "x").status == 4)

        #expect(try demo.cli.run("status-list", "export", "--out", demo.path("status1.json")).status == 0)
        let revoked = try demo.verify(demo.path("before.json"), ["--trust", trust, "--status-list", demo.path("status1.json")])
        #expect(revoked.status == 0)
        #expect(revoked.stdout.hasPrefix("VALID WITH EXCEPTIONS"))
        #expect(revoked.stdout.contains("REVOKED"))

        // A later export leaves the revoked credential out (it no longer stands), and every credential it carries
        // again keeps its index, so one revocation covers every export of a credential.
        #expect(try demo.export(person.id, to: "after.json").status == 0)
        func index(_ file: String, of id: String) throws -> String? {
            let subject = try #require(try demo.json(file)["credentialSubject"] as? [String: Any])
            let embedded = try #require(subject["verifiableCredential"] as? [[String: Any]])
            let credential = embedded.first { $0["id"] as? String == id }
            return (credential?["credentialStatus"] as? [String: Any])?["statusListIndex"] as? String
        }
        let after = try demo.embeddedIDs(demo.path("after.json"))
        #expect(!after.contains(target))
        let kept = try #require(ids.dropFirst().first { after.contains($0) })
        let first = try index(demo.path("before.json"), of: kept)
        #expect(first != nil)
        #expect(try index(demo.path("after.json"), of: kept) == first)
        let again = try demo.verify(demo.path("after.json"), ["--trust", trust, "--status-list", demo.path("status1.json")])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("VALID"), "\(again.stdout)")
        #expect(!again.stdout.contains("REVOKED"), "nothing in the new export is revoked")
    }

    @Test("export --all writes one VALID file per active person named by id, a manifest, and refuses to overwrite")
    func exportAll() throws {
        let demo = try ExportFixture.demo(people: 6)
        defer { demo.cli.cleanUp() }
        let active = try demo.persons(status: "active")
        let run = try demo.cli.run("export", "--all", "--out-dir", demo.path("all"))
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: demo.path("all")).sorted()
        let expected = (active.compactMap { ($0["id"] as? String).map { "\($0.lowercased()).json" } } + ["manifest.json"]).sorted()
        #expect(files == expected)
        let manifest = try demo.json(demo.path("all/manifest.json"))
        #expect(manifest["count"] as? Int == active.count)
        let manifestText = try String(contentsOfFile: demo.path("all/manifest.json"), encoding: .utf8)
        for person in active {
            #expect(!manifestText.contains(try #require(person["registerNumber"] as? String)))
        }
        let trust = try demo.trustList()
        for file in files where file != "manifest.json" {
            let result = try demo.verify(demo.path("all/\(file)"), ["--trust", trust])
            #expect(result.status == 0, "\(file): \(result.stdout)")
        }
        let refused = try demo.cli.run("export", "--all", "--out-dir", demo.path("all"))
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("--force"))
        #expect(try demo.cli.run("export", "--all", "--out-dir", demo.path("all"), "--force").status == 0)
    }

    @Test("export --all --due-within D takes exactly the active people whose release date is at most D days after today")
    func exportDue() throws {
        let demo = try ExportFixture.demo(people: 6)
        defer { demo.cli.cleanUp() }
        // Someone still held whose expected release date (10 November) is already past on CLI.now's day
        // (15 November 2026): due at 0 days.
        let overdue = try demo.cli.run(
            "person", "add", "--register-number", "AII-0099/2025", "--name", "DEMO Sudah Waktunya",
            "--admitted", "2025-09-01", "--release", "2026-11-10")
        try #require(overdue.status == 0, "\(overdue.stderr)")
        // Something to export: --all leaves out people with nothing that stands yet.
        let trained = try demo.cli.run("train", "AII-0099/2025", "--date", "2026-10-01", "--hours", "4",
                                       "--topic", "Mencanting", "--trainer", "Mentor")
        try #require(trained.status == 0, "\(trained.stderr)")
        let active = try demo.persons(status: "active")
        let released = try demo.persons(status: "released")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let style = Date.ISO8601FormatStyle(timeZone: calendar.timeZone).year().month().day()
        let today = try style.parse("2026-11-15")
        /// The active people released at most `days` days after today, by internal id.
        func due(within days: Int) throws -> [String] {
            let cutoff = try #require(calendar.date(byAdding: .day, value: days, to: today)).formatted(style)
            return active.filter { ($0["expectedReleaseDate"] as? String ?? "9999") <= cutoff }
                .compactMap { ($0["id"] as? String)?.lowercased() }.sorted()
        }
        let soonest = try #require(active.compactMap { $0["expectedReleaseDate"] as? String }.filter { $0 > "2026-11-15" }.min())
        let daysToSoonest = try #require(calendar.dateComponents([.day], from: today, to: try style.parse(soonest)).day)
        for days in [0, daysToSoonest - 1, daysToSoonest] {
            let expected = try due(within: days)
            let directory = demo.path("due-\(days)")
            let run = try demo.cli.run("export", "--all", "--due-within", String(days), "--out-dir", directory)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("Exported \(expected.count) portfolio(s)"), "\(run.stdout)")
            let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            #expect(files == (expected.map { "\($0).json" } + ["manifest.json"]).sorted(), "due within \(days) days")
            #expect(try demo.json(demo.path("due-\(days)/manifest.json"))["count"] as? Int == expected.count)
        }
        // The filter does something at each step: the overdue person alone at 0 days, one more at the soonest
        // release date, never the released person.
        #expect(try due(within: 0).count == 1)
        #expect(try due(within: daysToSoonest).count > (try due(within: daysToSoonest - 1)).count)
        let releasedIDs = released.compactMap { ($0["id"] as? String)?.lowercased() }
        let dueWithinAYear = try due(within: 400)
        #expect(!releasedIDs.isEmpty)
        #expect(Set(releasedIDs).isDisjoint(with: dueWithinAYear))
    }

    @Test("after a key rotation an earlier export still verifies with the new trust list")
    func rotation() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        #expect(try demo.export(person.id, to: "old.json").status == 0)
        let rotate = try demo.cli.run("keys", "rotate")
        #expect(rotate.status == 0, "\(rotate.stderr)")
        #expect(try demo.export(person.id, to: "new.json").status == 0)
        let trust = try demo.trustList("trust2.json")
        #expect(try demo.verify(demo.path("old.json"), ["--trust", trust]).status == 0)
        #expect(try demo.verify(demo.path("new.json"), ["--trust", trust]).status == 0)
        let oldIssuer = try #require((try demo.json(demo.path("old.json"))["issuer"] as? [String: Any])?["id"] as? String)
        let newIssuer = try #require((try demo.json(demo.path("new.json"))["issuer"] as? [String: Any])?["id"] as? String)
        #expect(oldIssuer != newIssuer)
    }

    @Test("a key file readable by others exits 7; a missing key file exits 3 and names `bekal keys create`")
    func keyFileProblems() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        let keyFile = demo.cli.home.appendingPathComponent("keys/issuer-keys.json").path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        let insecure = try demo.export(person.id, to: "x.json")
        #expect(insecure.status == 7)
        #expect(insecure.stderr.contains("chmod 600"))
        #expect(!FileManager.default.fileExists(atPath: demo.path("x.json")))
        #expect(try demo.cli.run("status-list", "export", "--out", demo.path("s.json")).status == 7)

        try FileManager.default.removeItem(atPath: keyFile)
        let missing = try demo.export(person.id, to: "x.json")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("bekal keys create"))
        #expect(try demo.cli.run("keys", "create").status == 0)
        #expect(try demo.export(person.id, to: "x.json").status == 0)
    }

    @Test("export refuses to overwrite without --force and rejects bad option combinations")
    func refusals() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        #expect(try demo.export(person.id, to: "a.json").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: demo.path("a.json")))
        #expect(try demo.export(person.id, to: "a.json").status == 5)
        #expect(try Data(contentsOf: URL(fileURLWithPath: demo.path("a.json"))) == before)
        #expect(try demo.export(person.id, to: "a.json", ["--force"]).status == 0)
        #expect(try demo.cli.run("export", "--out", demo.path("b.json")).status == 2)
        #expect(try demo.cli.run("export", person.id, "--all", "--out-dir", demo.path("d")).status == 2)
        #expect(try demo.export("AII-NOBODY/1999", to: "c.json").status == 3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: demo.root.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("the CLI's export is valid against schemas/export.schema.json and each embedded credential against OB 3.0")
    func schemas() throws {
        let demo = try ExportFixture.demo()
        defer { demo.cli.cleanUp() }
        let person = try demo.exportablePerson()
        #expect(try demo.export(person.id, to: "s.json", ["--include-name"]).status == 0)
        let root = ExportFixture.repositoryRoot
        let profile = try ExportFixture.validateSchema(root.appendingPathComponent("schemas/export.schema.json").path, demo.path("s.json"))
        #expect(profile.status == 0, "\(profile.output)")
        #expect(profile.output.contains("0 error(s)"))
        let ob3 = root.appendingPathComponent("Tests/BekalCredentialsTests/Fixtures/ob3/ob_v3p0_achievementcredential_schema.json").path
        let embedded = try ExportFixture.validateSchema(ob3, demo.path("s.json"), embedded: true)
        #expect(embedded.status == 0, "\(embedded.output)")
        #expect(try demo.cli.run("status-list", "export", "--out", demo.path("list.json")).status == 0)
        let list = try ExportFixture.validateSchema(root.appendingPathComponent("schemas/status-list.schema.json").path, demo.path("list.json"))
        #expect(list.status == 0, "\(list.output)")
        // The validator is not a rubber stamp: a document missing its proof fails the export schema.
        let broken = try demo.tampered(demo.path("s.json"), replacing: "\"credentialSubject\"", with: "\"credentialSubjekt\"", name: "broken.json")
        let refused = try ExportFixture.validateSchema(root.appendingPathComponent("schemas/export.schema.json").path, broken)
        // 10 is the validator's "invalid" verdict; a validator that did not run exits 3 (or 1 if Python crashed).
        #expect(refused.status == 10, "\(refused.output)")
        #expect(refused.output.contains("credentialSubject"), "\(refused.output)")
    }
}
