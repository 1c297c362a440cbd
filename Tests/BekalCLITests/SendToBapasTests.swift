import BekalTestSupport
import Foundation
import Testing

/// `bekal send` at a facility → real libcurl → a real `bekal bapas serve` on 127.0.0.1 (port 0) → stored with
/// its verdict. Two data directories, two processes, nothing in between.
@Suite("Sending portfolios to a Bapas", .serialized)
struct SendToBapasTests {
    static let secret = "rahasia-pengiriman-lapas-01"

    /// A demo facility, a Bapas that trusts it and knows its secret, and the Bapas's server running.
    struct Scene {
        let facility: ExportFixture
        let bapas: CLI
        var server: Process
        let url: String
        let secretFile: String

        init(trust: Bool = true, port: Int = 0, serverEnvironment: [String: String] = [:]) throws {
            facility = try ExportFixture.demo(people: 8)
            bapas = try CLI()
            let initialized = try bapas.run("init", "--facility-code", "BAPAS-PWT", "--facility-name", "Bapas Purwokerto")
            try #require(initialized.status == 0, "\(initialized.stderr)")
            if trust {
                let imported = try bapas.run("bapas", "trust", "import", try facility.trustList())
                try #require(imported.status == 0, "\(imported.stderr)")
            }
            secretFile = try facility.cli.write("secret.txt", SendToBapasTests.secret + "\n")
            chmod(secretFile, 0o600)
            let set = try bapas.run("bapas", "secret", "DEMO-LAPAS-01", "--secret-file", secretFile)
            try #require(set.status == 0, "\(set.stderr)")
            (server, url) = try Self.startServer(bapas, port: port, environment: serverEnvironment)
        }

        /// Starts `bekal bapas serve` on `port` (0: any) and returns it with its receiving URL.
        static func startServer(_ bapas: CLI, port: Int, environment: [String: String] = [:]) throws -> (Process, String) {
            let (process, out, _) = try bapas.start(["bapas", "serve", "--listen", "127.0.0.1:\(port)"], environment: environment)
            var address: String?
            for _ in 0..<600 where address == nil {
                let text = String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Listening on ") }) {
                    address = String(line.dropFirst("Listening on ".count))
                } else {
                    try #require(process.isRunning, "the Bapas server stopped")
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            return (process, try #require(address, "the Bapas server did not start") + "terima")
        }

        func stop() {
            server.terminate()
            server.waitUntilExit()
            facility.cli.cleanUp()
            bapas.cleanUp()
        }

        func send(_ arguments: [String]) throws -> CLI.Result {
            try facility.cli.run(["send"] + arguments + ["--to", url, "--secret-file", secretFile, "--max-attempts", "2"])
        }

        /// An active person whose export is VALID as it stands (the demo has people with an expired certificate,
        /// whose exports are VALID WITH EXCEPTIONS), as `bekal verify` with the facility's trust list judges it.
        func validPerson() throws -> (id: String, register: String, name: String) {
            let trust = try facility.trustList("probe-trust.json")
            for person in try facility.persons(status: "active") {
                guard let id = person["id"] as? String, let register = person["registerNumber"] as? String,
                    let name = person["fullName"] as? String, try facility.export(id, to: "probe-\(id).json").status == 0
                else { continue }
                let verified = try facility.verify(facility.path("probe-\(id).json"), ["--trust", trust])
                if verified.stdout.hasPrefix("VALID —") { return (id, register, name) }
            }
            return try #require(nil as (id: String, register: String, name: String)?, "no person's export is VALID")
        }

        /// The first `count` active persons whose exports are VALID as they stand (see `validPerson()`), with the
        /// release date the inbox shows for them.
        func validPeople(_ count: Int) throws -> [(id: String, release: String)] {
            let trust = try facility.trustList("probe-trust.json")
            var found: [(id: String, release: String)] = []
            for person in try facility.persons(status: "active") where found.count < count {
                guard let id = person["id"] as? String, let release = person["expectedReleaseDate"] as? String,
                    try facility.export(id, to: "probe-\(id).json").status == 0
                else { continue }
                let verified = try facility.verify(facility.path("probe-\(id).json"), ["--trust", trust])
                if verified.stdout.hasPrefix("VALID —") { found.append((id: id, release: release)) }
            }
            try #require(found.count == count, "only \(found.count) person(s)' exports are VALID")
            return found
        }

        func inbox() throws -> [String] {
            let result = try bapas.run("bapas", "inbox")
            try #require(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }
    }

    @Test("a portfolio sent from a facility arrives VALID, named by the facility, and a replay stores nothing new")
    func sendAndReplay() throws {
        let scene = try Scene()
        defer { scene.stop() }
        let person = try scene.validPerson()
        let sent = try scene.send([person.id, "--include-name"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Delivered 1, refused 0, still pending 0."))
        var lines = try scene.inbox()
        #expect(lines.count == 1)
        #expect(lines.first?.contains("  VALID  DEMO Lapas Contoh (fiktif)") == true, "\(lines)")
        // The facility crashed after the Bapas stored it but before its outbox said so: the same delivery goes
        // again, under the same Idempotency-Key, over libcurl.
        let ledger = scene.facility.cli.home.appendingPathComponent("bekal.sqlite").path
        let reset = try CLI.sqlite(ledger, "UPDATE portfolio_delivery SET state = 'pending', finished_at = NULL")
        try #require(reset.status == 0, "\(reset.stderr)")
        let replay = try scene.send([])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("Delivered 1"))
        lines = try scene.inbox()
        #expect(lines.count == 1, "\(lines)")
        // No name, no register number in either side's output or logs.
        for text in [sent.stdout, sent.stderr, replay.stderr, lines.joined()] {
            #expect(!text.contains(person.name))
            #expect(!text.contains(person.register))
        }
    }

    @Test("killing bekal send before the Bapas got it, or after it stored it but before the outbox knew, loses nothing and stores once",
          arguments: ["report claimed", "report response received"])
    func killedSend(at point: String) throws {
        let scene = try Scene()
        defer { scene.stop() }
        let person = try scene.validPerson()
        let paused = try scene.facility.cli.startPaused(
            ["send", person.id, "--to", scene.url, "--secret-file", scene.secretFile], at: point)
        #expect(try scene.inbox().count == (point == "report claimed" ? 0 : 1))
        paused.kill()
        let rerun = try scene.send([])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(rerun.stdout)")
        let lines = try scene.inbox()
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("  VALID  ") == true)
    }

    @Test("a credential withdrawn after sending: bekal revoke queues the status list, bekal send delivers it on its own, and the inbox turns VALID WITH EXCEPTIONS")
    func withdrawnAfterSending() throws {
        let scene = try Scene()
        defer { scene.stop() }
        let person = try scene.validPerson()
        let sent = try scene.send([person.id])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try scene.inbox().first?.contains("  VALID  ") == true)
        // An embedded credential of the exports made of this person (ids follow the records, so the one sent has it).
        let probe = try Data(contentsOf: URL(fileURLWithPath: scene.facility.path("probe-\(person.id).json")))
        let document = try JSONSerialization.jsonObject(with: probe) as? [String: Any]
        let embedded = (document?["credentialSubject"] as? [String: Any])?["verifiableCredential"] as? [[String: Any]]
        let credential = try #require(embedded?.first?["id"] as? String)
        let revoked = try scene.facility.cli.run("revoke", credential, "--reason", "sertifikat dicabut")
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(revoked.stdout.contains("queued for the 1 Bapas address(es)"), "\(revoked.stdout)")
        let delivered = try scene.send([])
        #expect(delivered.status == 0, "\(delivered.stderr)")
        #expect(delivered.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(delivered.stdout)")
        let lines = try scene.inbox()
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("  VALID WITH EXCEPTIONS  ") == true, "\(lines)")
        // Sent again on demand: the Bapas holds that very list (200), nothing changes.
        let again = try scene.send(["--status-list"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Delivered 1"), "\(again.stdout)")
        #expect(try scene.send([person.id, "--status-list"]).status == 2)
    }

    @Test("killing the Bapas while it receives (verified but not stored, or stored but not answered) loses nothing and stores once",
          arguments: ["portfolio verified on arrival", "portfolio received"])
    func killedBapas(at step: String) throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-pause-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: marker) }
        var scene = try Scene(serverEnvironment: [
            "BEKAL_TEST_PAUSE": step, "BEKAL_TEST_PAUSE_MARKER": marker.path,
        ])
        defer { scene.stop() }
        let person = try scene.validPerson()
        let (sender, _, _) = try scene.facility.cli.start(
            ["send", person.id, "--to", scene.url, "--secret-file", scene.secretFile, "--max-attempts", "1"])
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker.path) {
            try #require(Date() < deadline && sender.isRunning, "the Bapas never reached \(step)")
            usleep(10_000)
        }
        kill(scene.server.processIdentifier, SIGKILL)
        scene.server.waitUntilExit()
        sender.waitUntilExit()
        #expect(sender.terminationStatus == 8, "the delivery stays pending when the Bapas dies mid-request")
        #expect(try scene.inbox().count == (step == "portfolio received" ? 1 : 0))
        // The queued delivery names the URL it was sent to, so the Bapas comes back on the port the kernel gave
        // it first (no port is picked free and handed on: the server chose it and held it until the kill).
        let port = try #require(URLComponents(string: scene.url)?.port)
        (scene.server, _) = try Scene.startServer(scene.bapas, port: port)
        let resent = try scene.send([])
        #expect(resent.status == 0, "\(resent.stderr)")
        #expect(resent.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(resent.stdout)")
        let lines = try scene.inbox()
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("  VALID  ") == true, "\(lines)")
    }

    @Test("a facility the Bapas does not trust is received INVALID, without its claimed name")
    func untrusted() throws {
        let scene = try Scene(trust: false)
        defer { scene.stop() }
        let person = try scene.facility.exportablePerson()
        let sent = try scene.send([person.id])
        #expect(sent.status == 0, "\(sent.stderr)")
        let lines = try scene.inbox()
        #expect(lines.count == 1)
        #expect(lines.first?.contains("  INVALID  (issuer not trusted)") == true, "\(lines)")
        // The sentence the Bapas stored (the export carries its ledger log proof): the issuer is not trusted, not
        // "may have been altered".
        let database = scene.bapas.home.appendingPathComponent("bapas.sqlite").path
        let stored = try CLI.sqlite(database, "SELECT sentence || ' | ' || sentence_en FROM received_portfolio")
        try #require(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("tidak tepercaya"), "\(stored.stdout)")
        #expect(stored.stdout.contains("is not trusted"), "\(stored.stdout)")
        #expect(!stored.stdout.contains("diubah") && !stored.stdout.contains("altered"), "\(stored.stdout)")
    }

    @Test("one Bapas receiving from a facility it trusts and one it never imported lists VALID, VALID WITH EXCEPTIONS and INVALID at once, each on its sender's and person's row, the untrusted one without the name it claims")
    func twoFacilitiesThreeVerdicts() throws {
        let scene = try Scene()
        defer { scene.stop() }
        // A second demo facility: its own key (the Bapas never imported its trust list) and its own secret, set at
        // the Bapas under a code of its own.
        let stranger = try ExportFixture.demo(people: 8)
        defer { stranger.cli.cleanUp() }
        let strangerSecret = try stranger.cli.write("secret.txt", "rahasia-pengiriman-lapas-02\n")
        chmod(strangerSecret, 0o600)
        let registered = try scene.bapas.run("bapas", "secret", "DEMO-LAPAS-02", "--secret-file", strangerSecret)
        try #require(registered.status == 0, "\(registered.stderr)")
        // Two people of the trusted facility (one keeps VALID, one has a credential withdrawn), and one of the
        // stranger's. The same seed gives both facilities the same people, so the stranger's is a third person:
        // each row is told apart by its sender and the person's release date, both of which the inbox knows.
        let people = try scene.validPeople(2)
        let (kept, withdrawn) = (people[0], people[1])
        try #require(kept.release != withdrawn.release, "two people with the same release date: \(people)")
        var others: [(id: String, release: String)] = []
        for person in try stranger.persons(status: "active") {
            guard let id = person["id"] as? String, let release = person["expectedReleaseDate"] as? String,
                release != kept.release, release != withdrawn.release
            else { continue }
            others.append((id: id, release: release))
        }
        let unknown = try #require(others.first, "the stranger has no third person")

        for person in [kept, withdrawn] {
            let sent = try scene.send([person.id])
            #expect(sent.status == 0, "\(sent.stderr)")
            #expect(sent.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(sent.stdout)")
        }
        let fromStranger = try stranger.cli.run(
            ["send", unknown.id, "--to", scene.url, "--secret-file", strangerSecret, "--max-attempts", "2"])
        #expect(fromStranger.status == 0, "\(fromStranger.stderr)")
        #expect(fromStranger.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(fromStranger.stdout)")
        let before = try scene.inbox()
        #expect(before.filter { $0.contains("  VALID  ") }.count == 2, "\(before)")

        // One embedded credential of the second person withdrawn, and the status list sent (as in
        // `withdrawnAfterSending`).
        let probe = try scene.facility.json(scene.facility.path("probe-\(withdrawn.id).json"))
        let embedded = (probe["credentialSubject"] as? [String: Any])?["verifiableCredential"] as? [[String: Any]]
        let credential = try #require(embedded?.first?["id"] as? String)
        let revoked = try scene.facility.cli.run("revoke", credential, "--reason", "sertifikat dicabut")
        #expect(revoked.status == 0, "\(revoked.stderr)")
        let delivered = try scene.send([])
        #expect(delivered.status == 0, "\(delivered.stderr)")
        #expect(delivered.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(delivered.stdout)")

        let lines = try scene.inbox()
        #expect(lines.count == 3, "\(lines)")
        // Which facility sent each row (the inbox prints the portfolio's id, not its sender).
        let database = scene.bapas.home.appendingPathComponent("bapas.sqlite").path
        let senders = try CLI.sqlite(database, "SELECT lower(id) || '|' || sender_code FROM received_portfolio")
        try #require(senders.status == 0, "\(senders.stderr)")
        let senderOf = Dictionary(uniqueKeysWithValues: senders.stdout.split(separator: "\n").compactMap { text -> (String, String)? in
            let parts = text.split(separator: "|").map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        })
        func row(from sender: String, releasedOn release: String) -> String? {
            let matching = lines.filter { line -> Bool in
                let id = line.split(separator: " ").first.map(String.init) ?? ""
                return senderOf[id] == sender && line.hasSuffix("  release \(release)")
            }
            return matching.count == 1 ? matching.first : nil
        }
        let keptRow = try #require(row(from: "DEMO-LAPAS-01", releasedOn: kept.release), "\(lines) \(senderOf)")
        #expect(keptRow.contains("  VALID  DEMO Lapas Contoh (fiktif)  "), "\(keptRow)")
        let withdrawnRow = try #require(row(from: "DEMO-LAPAS-01", releasedOn: withdrawn.release), "\(lines) \(senderOf)")
        #expect(withdrawnRow.contains("  VALID WITH EXCEPTIONS  DEMO Lapas Contoh (fiktif)  "), "\(withdrawnRow)")
        let strangerRow = try #require(row(from: "DEMO-LAPAS-02", releasedOn: unknown.release), "\(lines) \(senderOf)")
        #expect(strangerRow.contains("  INVALID  (issuer not trusted)  "), "\(strangerRow)")
        // The stranger's export claims the same facility name as the trusted one: the Bapas does not confirm it.
        #expect(!strangerRow.contains("DEMO Lapas Contoh"), "\(strangerRow)")
        let stored = try CLI.sqlite(database, """
            SELECT coalesce(facility_name, '(none)') || ' | ' || sentence || ' | ' || sentence_en
            FROM received_portfolio WHERE sender_code = 'DEMO-LAPAS-02'
            """)
        try #require(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout.hasPrefix("(none) | "), "\(stored.stdout)")
        #expect(stored.stdout.contains("tidak tepercaya") && stored.stdout.contains("is not trusted"), "\(stored.stdout)")
        #expect(!stored.stdout.contains("diubah") && !stored.stdout.contains("altered"), "\(stored.stdout)")
    }

    @Test("the bodies bekal send put on the wire, a portfolio delivery and a status list delivery, are valid against schemas/portfolio-delivery.schema.json and schemas/status-list-delivery.schema.json, what they carry against the export and status list schemas, and each fails the other's schema")
    func deliveriesFollowTheirSchemas() throws {
        let scene = try Scene()
        defer { scene.stop() }
        let person = try scene.facility.exportablePerson()
        let sent = try scene.send([person.id])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(sent.stdout)")
        let statusList = try scene.send(["--status-list"])
        #expect(statusList.status == 0, "\(statusList.stderr)")
        #expect(statusList.stdout.contains("Delivered 1, refused 0, still pending 0."), "\(statusList.stdout)")
        // The facility's delivery outbox keeps each body byte for byte as the relay POSTed it (read as hex, so the
        // sqlite3 shell changes nothing).
        let ledger = scene.facility.cli.home.appendingPathComponent("bekal.sqlite").path
        let outbox = try CLI.sqlite(ledger, "SELECT state || '|' || hex(body) FROM portfolio_delivery ORDER BY rowid")
        try #require(outbox.status == 0, "\(outbox.stderr)")
        let rows = outbox.stdout.split(separator: "\n")
        try #require(rows.count == 2, "\(rows.map { $0.prefix(80) })")
        var bodies: [Data] = []
        for row in rows {
            let parts = row.split(separator: "|", maxSplits: 1)
            try #require(parts.count == 2 && parts[0] == "sent", "\(row.prefix(80))")
            bodies.append(try #require(Self.bytes(hex: String(parts[1])), "\(row.prefix(80))"))
        }
        let portfolio = try scene.facility.cli.write("portfolio-delivery.json", bodies[0])
        let list = try scene.facility.cli.write("status-list-delivery.json", bodies[1])
        let delivered = try scene.facility.json(portfolio)
        #expect(delivered["type"] as? String == "BekalPortfolioDelivery")
        #expect(try scene.facility.json(list)["type"] as? String == "BekalStatusListDelivery")
        // The export the Bapas stored is the one this body carried: these are the bytes that went over the wire.
        let export = try #require((delivered["export"] as? String).flatMap { Data(base64Encoded: $0) })
        let database = scene.bapas.home.appendingPathComponent("bapas.sqlite").path
        let stored = try CLI.sqlite(database, "SELECT hex(body) FROM received_portfolio")
        try #require(stored.status == 0, "\(stored.stderr)")
        #expect(Self.bytes(hex: stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == export)

        let carried = try #require((delivered["statusList"] as? String).flatMap { Data(base64Encoded: $0) })
        func schema(_ name: String) -> String { ExportFixture.repositoryRoot.appendingPathComponent("schemas/\(name)").path }
        let exportFile = try scene.facility.cli.write("delivered-export.json", export)
        let carriedFile = try scene.facility.cli.write("delivered-status-list.json", carried)
        let checks: [(document: String, schema: String)] = [
            (portfolio, "portfolio-delivery.schema.json"), (list, "status-list-delivery.schema.json"),
            (exportFile, "export.schema.json"), (carriedFile, "status-list.schema.json"),
        ]
        for (document, name) in checks {
            let result = try ExportFixture.validateSchema(schema(name), document)
            // Exit 0 with "0 error(s)" is the only pass: 10 is "invalid"; 3 (or 1, a Python crash) is a validator
            // that did not run, and fails here as well.
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(result.output.contains(": 0 error(s)"), "\(name): \(result.output)")
        }
        // The validator is no rubber stamp: each body fails the other's schema, saying why.
        let crossed = try ExportFixture.validateSchema(schema("status-list-delivery.schema.json"), portfolio)
        #expect(crossed.status == 10, "\(crossed.output)")
        #expect(crossed.output.contains("'export'"), "\(crossed.output)")
        let crossedBack = try ExportFixture.validateSchema(schema("portfolio-delivery.schema.json"), list)
        #expect(crossedBack.status == 10, "\(crossedBack.output)")
        #expect(crossedBack.output.contains("'export' is a required property"), "\(crossedBack.output)")
    }

    /// Bytes from the sqlite3 shell's `hex(…)`, or `nil` for text that is not hexadecimal pairs.
    static func bytes(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func nibble(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        var data = Data(capacity: digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            data.append(high << 4 | low)
        }
        return data
    }

    @Test("a wrong secret is refused (401): the delivery is parked, nothing is stored, the exit code says so")
    func wrongSecret() throws {
        let scene = try Scene()
        defer { scene.stop() }
        let wrong = try scene.facility.cli.write("wrong.txt", "bukan-rahasia-yang-benar-00\n")
        chmod(wrong, 0o600)
        let person = try scene.facility.exportablePerson()
        let sent = try scene.facility.cli.run(["send", person.id, "--to", scene.url, "--secret-file", wrong])
        #expect(sent.status == 5, "a report refused by the endpoint is a conflict: \(sent.stderr)")
        #expect(sent.stdout.contains("refused 1"), "\(sent.stdout)")
        #expect(try scene.inbox().isEmpty)

        // `bekal deliveries` traces the refused delivery to the person to send again, in text and in JSON.
        let listed = try scene.facility.cli.run("deliveries")
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.first == ["id", "carries", "bapas", "queued", "state", "attempts", "last_error"])
        let row = try #require(lines.dropFirst().first)
        #expect(lines.count == 2)
        #expect(Array(row[1...2]) == [Substring(person.register), Substring(scene.url)])
        #expect(row[4] == "failed" && row[5] == "1", "\(listed.stdout)")
        #expect(row[6].contains("401"), "\(listed.stdout)")
        let json = try scene.facility.cli.run("deliveries", "--json", "--limit", "5")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect((rows.first?["id"] as? String)?.lowercased() == String(row[0]))
        #expect(rows.first?["kind"] as? String == "portfolio")
        #expect((rows.first?["person"] as? [String: Any])?["id"] as? String == person.id)
        #expect((rows.first?["person"] as? [String: Any])?["registerNumber"] as? String == person.register)
        #expect(rows.first?["state"] as? String == "failed")
    }

    @Test("the secret is never an argument: without --secret-file or --secret-env, send refuses to start")
    func secretRequired() throws {
        let facility = try ExportFixture.demo()
        defer { facility.cli.cleanUp() }
        let result = try facility.cli.run("send", "X", "--to", "http://127.0.0.1:9/terima")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--secret-file"))
    }

    @Test("a PK in headless Chromium (Selenium) opens the inbox and a portfolio, matches the client's register number on it, and sees a tampered upload marked on its row")
    func pkInBrowser() throws {
        let scene = try Scene()
        defer { scene.stop() }
        let person = try scene.validPerson()
        #expect(try scene.send([person.id, "--include-name"]).status == 0)
        let password = "kata-sandi-rina-666"
        let added = try scene.bapas.run(["user", "add", "pk.rina", "--role", "pk", "--password-env", "PK_PASSWORD"],
                                        environment: ["PK_PASSWORD": password])
        try #require(added.status == 0, "\(added.stderr)")
        // The tampered file: the first embedded credential's dates changed after signing.
        try #require(try scene.facility.export(person.id, to: "good.json").status == 0)
        var document = try scene.facility.json(scene.facility.path("good.json"))
        var subject = try #require(document["credentialSubject"] as? [String: Any])
        var embedded = try #require(subject["verifiableCredential"] as? [[String: Any]])
        embedded[0]["validFrom"] = "2020-01-01T00:00:00Z"
        // The unit whose row the page must mark (and no other).
        let tamperedAchievement = (embedded[0]["credentialSubject"] as? [String: Any])?["achievement"] as? [String: Any]
        let tamperedUnit = try #require(tamperedAchievement?["humanCode"] as? String, "the first embedded credential is not a unit")
        subject["verifiableCredential"] = embedded
        document["credentialSubject"] = subject
        let tampered = scene.facility.path("tampered.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: tampered))
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Tests/BekalCLITests
        let artifacts = here.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/test-artifacts/bapas")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let script = here.appendingPathComponent("Fixtures/bapas_pk_selenium.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, String(scene.url.dropLast("terima".count)), "pk.rina", "PK_PASSWORD",
                             tampered, artifacts.path, "DEMO Lapas Contoh (fiktif)", tamperedUnit]
        var environment = ProcessInfo.processInfo.environment
        environment["PK_PASSWORD"] = password
        let code = try scene.facility.cli.run("person", "code", person.id)
        try #require(code.status == 0, "\(code.stderr)")
        environment["BEKAL_PK_REGISTER"] = person.register
        environment["BEKAL_PK_CODE"] = try #require(code.stdout.split(separator: "\n").last.map(String.init))
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Selenium or chromedriver missing is a failure (the bootstrap installs both), never a skip.
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("row(s) marked failed"), "\(text)")
        #expect(text.contains("the row of unit \(tamperedUnit) marked"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("bapas-inbox.png").path))
    }
}
