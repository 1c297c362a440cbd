import BekalTestSupport
import Foundation
import Testing

/// `bekal stats` and `bekal publish` end to end: the built binary, a real SQLite ledger and the Python receiver.
@Suite("Metrics commands", .serialized)
struct MetricsCommandTests {
    static func demo() throws -> CLI {
        let cli = try CLI()
        try #require(try cli.run("demo", "--people", "40", "--seed", "5").status == 0)
        return cli
    }

    /// Queues a report for `period` and returns its id, read from the exact JSON body printed.
    static func queue(_ cli: CLI, _ period: String) throws -> String {
        let result = try cli.run("stats", "--period", period, "--queue", "--json")
        try #require(result.status == 0, "\(result.stderr)")
        let report = try #require(try result.json() as? [String: Any])
        #expect(report["period"] as? String == period)
        return try #require(report["reportID"] as? String).lowercased()
    }

    static func status(_ cli: CLI) throws -> [String: [String: Any]] {
        let result = try cli.run("publish", "--status", "--json")
        try #require(result.status == 0)
        let lines = try #require(try result.json() as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: lines.map { ($0["reportID"] as? String ?? "", $0) })
    }

    @Test("stats previews the exact body, and --json prints what --queue stores")
    func statsPreview() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let text = try cli.run("stats", "--period", "2026-Q3")
        #expect(text.status == 0)
        #expect(text.stdout.contains("participants") && text.stdout.contains("Not queued"))
        #expect(try Self.status(cli).isEmpty)
        let id = try Self.queue(cli, "2026-Q3")
        let queued = try #require(try Self.status(cli)[id])
        #expect(queued["state"] as? String == "pending")
        #expect(try cli.run("stats", "--period", "2026-13").status == 4)
        #expect(try cli.run("stats", "--period", "2026-Q3", "--k", "2").status == 4)
        #expect(try cli.run("stats", "--period", "2026-Q3", "--epsilon", "0.5").status == 2)
        #expect(try cli.run("stats", "--period", "2026-Q3", "--queue", "--epsilon", "abc").status == 4)
        // A period that has not ended at BEKAL_NOW (15 November 2026) cannot be queued (a report is final); its
        // preview can be shown.
        let future = try cli.run("stats", "--period", "2027-06", "--queue")
        #expect(future.status == 4, "\(future.stderr)")
        #expect(future.stderr.contains("only a finished period can be queued"), "\(future.stderr)")
        #expect(try cli.run("stats", "--period", "2026-Q4", "--queue").status == 4)
        #expect(try cli.run("stats", "--period", "2026-Q4").status == 0)
        #expect(try Self.status(cli).count == 1)
    }

    @Test("a noisy report spends the budget of its months; it runs out with exit 5 and nothing queued; a period is final")
    func privacyBudget() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let before = try cli.eventCount()
        #expect(try cli.run("stats", "--period", "2026-Q3", "--queue", "--epsilon", "0.6", "--json").status == 0)
        #expect(try cli.eventCount() == before + 1)
        // August lies in Q3: its records already carry 0.6 of the budget of 1.
        let refused = try cli.run("stats", "--period", "2026-08", "--queue", "--epsilon", "0.5")
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("privacy-budget-exhausted"))
        let again = try cli.run("stats", "--period", "2026-Q3", "--queue", "--epsilon", "0.1")
        #expect(again.status == 5)
        #expect(again.stderr.contains("period-already-reported"))
        #expect(try cli.eventCount() == before + 1)
        #expect(try Self.status(cli).count == 1)
        // Another period has its own budget.
        #expect(try cli.run("stats", "--period", "2026-Q2", "--queue", "--epsilon", "0.5", "--json").status == 0)
        #expect(try Self.status(cli).count == 2)
    }

    @Test("two queued periods reach the receiver exactly once each; a rerun sends nothing")
    func publishTwoPeriods() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let receiver = try ReportReceiver()
        let ids = [try Self.queue(cli, "2026-Q3"), try Self.queue(cli, "2026-Q2")]
        let sent = try cli.run("publish", "--endpoint", receiver.url)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Sent 2, failed 0, still pending 0."))
        #expect(receiver.deliveredKeys.sorted() == ids.sorted())
        #expect(receiver.entries.count == 2)
        let status = try Self.status(cli)
        #expect(ids.allSatisfy { status[$0]?["state"] as? String == "sent" })
        let again = try cli.run("publish", "--endpoint", receiver.url)
        #expect(again.status == 0)
        #expect(receiver.entries.count == 2)
        let text = try cli.run("publish", "--status")
        #expect(text.stdout.contains("0 pending, 2 sent, 0 failed"))
    }

    @Test("--format prometheus PUTs the text format to the Pushgateway path, with a bearer token from a 0600 file")
    func prometheusWithBearer() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let receiver = try ReportReceiver()
        // The figure expected in the text format, from the queued report itself: the demo is generated around
        // CLI.now (BEKAL_NOW), so 2026-Q3 has active participants on any day the test runs.
        let queuedRun = try cli.run("stats", "--period", "2026-Q3", "--queue", "--json")
        try #require(queuedRun.status == 0, "\(queuedRun.stderr)")
        let queued = try #require(try queuedRun.json() as? [String: Any])
        let id = try #require(queued["reportID"] as? String).lowercased()
        let tables = try #require(queued["tables"] as? [[String: Any]])
        let participants = try #require(tables.first { $0["id"] as? String == "participants" }?["rows"] as? [[String: Any]])
        let active = try #require(participants.first { $0["key"] as? String == "active" }?["cells"] as? [Any])
        let activeCount = try #require(active.first as? Int, "the active participants of 2026-Q3 are published")
        #expect(activeCount >= 10, "at least k = 10 people, or the figure would be suppressed")
        let token = try cli.write("token", "token-rahasia-xyz\n")
        #expect(chmod(token, 0o600) == 0)
        let result = try cli.run("publish", "--endpoint", receiver.url, "--format", "prometheus", "--bearer-token-file", token)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("token-rahasia") && !result.stderr.contains("token-rahasia"))
        let entry = try #require(receiver.entries.first)
        #expect(entry["requestline"] as? String == "PUT /reports/metrics/job/bekal/facility/DEMO-LAPAS-01 HTTP/1.1")
        #expect(entry["key"] as? String == id)
        let headers = (entry["headers"] as? [[String]] ?? []).map { $0.joined(separator: ": ") }
        #expect(headers.contains("Authorization: Bearer token-rahasia-xyz"))
        let body = String(decoding: Data(base64Encoded: entry["body"] as? String ?? "") ?? Data(), as: UTF8.self)
        #expect(body.contains("bekal_participants_persons{period=\"2026-Q3\",status=\"active\"} \(activeCount)\n"), "\(body)")
    }

    @Test("server down: exit 8 and the reports stay pending with their attempts counted")
    func serverDown() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let id = try Self.queue(cli, "2026-Q3")
        // A port bound and never listening refuses every connection, and nobody else can take it meanwhile.
        let down = try RefusingPort()
        let result = try cli.run("publish", "--endpoint", down.url(), "--max-attempts", "2", "--connect-timeout", "1")
        withExtendedLifetime(down) {}
        #expect(result.status == 8)
        #expect(result.stderr.contains("pending"))
        let entry = try #require(try Self.status(cli)[id])
        #expect(entry["state"] as? String == "pending")
        #expect(entry["attempts"] as? Int == 2)
    }

    @Test("an https endpoint with an untrusted certificate: exit 8, nothing sent, the report pending; with --ca-file it arrives")
    func tlsRefused() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let id = try Self.queue(cli, "2026-Q3")
        let tls = try TestCertificate()
        defer { tls.remove() }
        let receiver = try ReportReceiver(tls: tls)
        let refused = try cli.run("publish", "--endpoint", receiver.url)
        #expect(refused.status == 8, "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("bekal: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("tls-failure"), "\(refused.stderr)")
        #expect(receiver.entries.isEmpty, "no request may be sent over a connection whose certificate failed")
        #expect(try Self.status(cli)[id]?["state"] as? String == "pending")
        let trusted = try cli.run("publish", "--endpoint", receiver.url, "--ca-file", tls.certificate)
        #expect(trusted.status == 0, "\(trusted.stderr)")
        #expect(receiver.deliveredKeys == [id])
        #expect(try Self.status(cli)[id]?["state"] as? String == "sent")
    }

    @Test("a permanent refusal parks the report as failed with the reason (exit 5)")
    func refusedReport() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let receiver = try ReportReceiver()
        let id = try Self.queue(cli, "2026-Q3")
        try receiver.inject(["400"])
        let result = try cli.run("publish", "--endpoint", receiver.url)
        #expect(result.status == 5)
        let entry = try #require(try Self.status(cli)[id])
        #expect(entry["state"] as? String == "failed")
        #expect((entry["lastError"] as? String)?.hasPrefix("HTTP 400: report rejected") == true)
    }

    @Test("bad publish input: usage 2, bad endpoint 4, missing or multi-line secret 4, insecure secret file 7")
    func badInput() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        #expect(try cli.run("publish").status == 2)
        #expect(try cli.run("publish", "--status", "--endpoint", "http://127.0.0.1:9/").status == 2)
        #expect(try cli.run("publish", "--endpoint", "ftp://127.0.0.1/x").status == 4)
        #expect(try cli.run("publish", "--endpoint", "http://127.0.0.1:9/", "--bearer-token-env", "BEKAL_NO_SUCH_VAR")
            .status == 4)
        let secret = try cli.write("token", "rahasia-token-123\n")
        #expect(chmod(secret, 0o644) == 0)
        let insecure = try cli.run("publish", "--endpoint", "http://127.0.0.1:9/", "--bearer-token-file", secret)
        #expect(insecure.status == 7)
        #expect(!insecure.stderr.contains("rahasia"))
        #expect(try cli.run("publish", "--endpoint", "http://127.0.0.1:9/", "--timeout", "0").status == 4)
        let injecting = try cli.write("token-crlf", "tokA\r\nX-Injected: yes\n")
        #expect(chmod(injecting, 0o600) == 0)
        let malformed = try cli.run("publish", "--endpoint", "http://127.0.0.1:9/", "--bearer-token-file", injecting)
        #expect(malformed.status == 4 && malformed.stderr.contains("secret-malformed"))
        #expect(!malformed.stderr.contains("tokA") && !malformed.stderr.contains("Injected"))
    }

    @Test("a 3-person facility: every figure about them suppressed, no name, register number or id in any byte sent")
    func threePersonPrivacy() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(try cli.run("init", "--facility-code", "LAPAS-KECIL", "--facility-name", "Lapas Kecil").status == 0)
        try #require(try cli.run("framework", "import", "--sample").status == 0)
        let people = [
            ("AII-0042/2025", "Rahmat Pengujian"), ("AII-0043/2025", "Siti Rahasia"), ("AII-0044/2025", "Budi Tersembunyi"),
        ]
        var secrets: [String] = ["Asesor Rahasia", "Pelatih Khusus"]
        for (register, name) in people {
            try #require(try cli.run(
                "person", "add", "--register-number", register, "--name", name, "--admitted", "2025-09-01",
                "--release", "2026-12-20").status == 0)
            secrets += [register, name] + name.split(separator: " ").map(String.init)
            for arguments in [
                ["assess", register, "--unit", "SAMPLE.BTKCAP.001", "--outcome", "K", "--assessor", "Asesor Rahasia",
                 "--role", "bnsp-assessor", "--method", "observation", "--date", "2026-07-10"],
                ["train", register, "--date", "2026-07-11", "--hours", "4", "--topic", "Malam",
                 "--trainer", "Pelatih Khusus"],
                ["produce", register, "--date", "2026-07-12", "--motif", "Parang", "--cap", "C-1", "--quantity", "5",
                 "--grade", "A", "--hours", "2"],
            ] {
                let recorded = try cli.run(arguments)
                try #require(recorded.status == 0, "\(recorded.stderr)")
                secrets.append(try #require(CLI.eventID(recorded)))
            }
        }
        let persons = try #require(try cli.run("person", "list", "--json").json() as? [[String: Any]])
        secrets += persons.compactMap { $0["id"] as? String }
        #expect(persons.count == 3)
        let id = try Self.queue(cli, "2026-Q3")
        let receiver = try ReportReceiver()
        let published = try cli.run(
            "publish", "--endpoint", receiver.url, "--hmac-secret-env", "BEKAL_TEST_HMAC",
            environment: ["BEKAL_TEST_HMAC": "whsec_c2VjcmV0LWtleS1ieXRlcw=="])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(receiver.deliveredKeys == [id])
        let received = receiver.everyByteReceived
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.contains("webhook-signature"))
        for secret in secrets + ["c2VjcmV0LWtleS1ieXRlcw"] {
            #expect(!text.localizedCaseInsensitiveContains(secret), "sent bytes contain a value from the ledger")
        }
        #expect(!published.stdout.contains("c2VjcmV0") && !published.stderr.contains("c2VjcmV0"))
        // Three participants: every cell of the participants table is suppressed.
        let body = try #require(receiver.entries.first.map { Data(base64Encoded: $0["body"] as? String ?? "") ?? Data() })
        let report = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let tables = try #require(report["tables"] as? [[String: Any]])
        let participants = try #require(tables.first { $0["id"] as? String == "participants" })
        let rows = try #require(participants["rows"] as? [[String: Any]])
        #expect(rows.allSatisfy { ($0["cells"] as? [Any])?.allSatisfy { $0 is NSNull } == true })
    }
}
