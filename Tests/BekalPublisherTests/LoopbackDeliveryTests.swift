import BekalDomain
import BekalMetrics
import BekalPublisher
import BekalTestSupport
import Foundation
import Testing

@Suite("Delivery over libcurl to a real loopback receiver")
struct LoopbackDeliveryTests {
    static func relay(_ receiver: Receiver, transport: CurlTransport, maxAttempts: Int = 6, url: String? = nil,
                      sleeps: SleepRecorder = SleepRecorder()) throws -> Relay {
        Relay(
            transport: transport, endpoint: try Endpoint(url: url ?? receiver.url),
            retry: RetryPolicy(maxAttempts: maxAttempts, base: .milliseconds(10), cap: .milliseconds(50)),
            // The real clock: the receiver writes Retry-After as an HTTP date from its own clock.
            logger: CapturedLog().logger, now: { Date() }, sleep: { await sleeps.record($0) })
    }

    @Test("reports arrive once each, with their key and exact body, over one reused connection")
    func happyPath() async throws {
        let receiver = try Receiver()
        let transport = try CurlTransport()
        let reports = (0..<5).map { _ in TestReports.report() }
        let outbox = try await TestReports.outbox(reports)
        let summary = try await Self.relay(receiver, transport: transport).publishPending(from: outbox)
        #expect(summary.sent == 5)
        #expect(receiver.deliveredKeys == reports.map { $0.reportID.uuidString.lowercased() })
        let entries = receiver.entries
        #expect(try entries.map(Receiver.body) == reports.map { try $0.jsonData() })
        // Reuse, not one connection per report. libcurl may still drop a connection it judges dead before reusing
        // it (seen under heavy load from parallel builds), so one reconnect among 5 reports is tolerated.
        let connections = Set(entries.compactMap { $0["client_port"] as? Int }).count
        #expect((1...2).contains(connections))
        #expect(entries.allSatisfy { Receiver.header($0, "Content-Type") == "application/json" })
        #expect(await outbox.entries().filter { $0.state == .pending }.isEmpty)
    }

    @Test("after each transient fault the report is delivered exactly once", arguments: [
        ["500"], ["503:1"], ["429:1"], ["429:date"], ["close"], ["slow:3"], ["big"], ["500", "close", "503:1", "429:1", "slow:3"],
    ])
    func transientFaults(_ faults: [String]) async throws {
        let receiver = try Receiver()
        let transport = try CurlTransport(configuration: .init(connectTimeout: .seconds(2), totalTimeout: .milliseconds(1500)))
        try await receiver.inject(faults, transport: transport)
        let report = TestReports.report()
        let outbox = try await TestReports.outbox([report])
        let sleeps = SleepRecorder()
        let summary = try await Self.relay(receiver, transport: transport, sleeps: sleeps).publishPending(from: outbox)
        #expect(summary.sent == 1)
        #expect(receiver.deliveredKeys == [report.reportID.uuidString.lowercased()])
        // One logged request per fault plus the one that succeeds (a timed-out "slow" one was already delivered,
        // so its retry is logged as a duplicate).
        #expect(receiver.entries.count == faults.count + 1)
        if faults.contains(where: { $0.hasPrefix("503:1") || $0.hasPrefix("429:1") }) {
            #expect(await sleeps.waits.contains { $0 >= .seconds(1) })
        }
        let entry = try #require(await outbox.entries().first)
        // libcurl itself resends once when a reused connection closes without answering, so "close" may cost no
        // attempt of ours.
        let closes = faults.filter { $0 == "close" }.count
        #expect(entry.state == .sent)
        #expect((faults.count + 1 - closes)...(faults.count + 1) ~= entry.attempts)
    }

    @Test("a permanent 400 parks the report with the server's reason")
    func permanentFault() async throws {
        let receiver = try Receiver()
        let transport = try CurlTransport()
        try await receiver.inject(["400"], transport: transport)
        let outbox = try await TestReports.outbox([TestReports.report()])
        let summary = try await Self.relay(receiver, transport: transport).publishPending(from: outbox)
        #expect(summary.failed == 1)
        let entry = try #require(await outbox.entries().first)
        #expect(entry.state == .failed)
        #expect(entry.lastError == "HTTP 400: report rejected: period not accepted")
        #expect(receiver.deliveredKeys.isEmpty)
    }

    @Test("a key reused with a different body is refused with 422 and parked")
    func conflictingBody() async throws {
        let receiver = try Receiver()
        let transport = try CurlTransport()
        let report = TestReports.report()
        _ = try await Self.relay(receiver, transport: transport).publishPending(from: try await TestReports.outbox([report]))
        var altered = try QueuedReport(pending: report, enqueuedAt: TestClock.now)
        altered.body.append(contentsOf: Array(" ".utf8))
        let second = InMemoryOutbox([altered])
        let summary = try await Self.relay(receiver, transport: transport).publishPending(from: second)
        #expect(summary.failed == 1)
        #expect(await second.entries().first?.lastError?.hasPrefix("HTTP 422") == true)
        #expect(receiver.deliveredKeys.count == 1)
    }

    @Test("refused connections leave reports pending; a later run delivers each once")
    func refused() async throws {
        let transport = try CurlTransport(configuration: .init(connectTimeout: .seconds(1)))
        let reports = [TestReports.report(), TestReports.report()]
        let outbox = try await TestReports.outbox(reports)
        let refusing = try RefusingPort()
        let refusedURL = refusing.url()
        let receiver = try Receiver()
        let first = try await Self.relay(receiver, transport: transport, maxAttempts: 3, url: refusedURL).publishPending(from: outbox)
        withExtendedLifetime(refusing) {}  // held, so the port refused every attempt of the first run
        #expect(first.stillPending == 2)
        #expect(await outbox.entries().filter { $0.state == .pending }.allSatisfy { $0.attempts == 3 && $0.lastError != nil })
        let second = try await Self.relay(receiver, transport: transport).publishPending(from: outbox)
        #expect(second.sent == 2)
        #expect(receiver.deliveredKeys.sorted() == reports.map { $0.reportID.uuidString.lowercased() }.sorted())
    }

    @Test("the transport captures status, headers and body, and bounds the body")
    func transportCapture() async throws {
        let receiver = try Receiver()
        let transport = try CurlTransport(configuration: .init(maxResponseBytes: 1024))
        let response = try await transport.send(HTTPRequest(
            method: .post, url: receiver.url, headers: [HTTPHeader("Idempotency-Key", "\"k1\"")], body: Data("{}".utf8)))
        #expect(response.status == 201)
        #expect(response.header("content-type") == "application/json")
        #expect(response.body == Data(#"{"status":"ok"}"#.utf8))
        try await receiver.inject(["big"], transport: transport)
        await #expect(throws: PublisherError(.responseTooLarge, "")) {
            try await transport.send(HTTPRequest(method: .post, url: receiver.url, headers: [], body: Data()))
        }
        await #expect(throws: PublisherError(.invalidEndpoint, "")) {
            try await transport.send(HTTPRequest(method: .post, url: "gopher://127.0.0.1/", headers: [], body: Data()))
        }
    }
}
