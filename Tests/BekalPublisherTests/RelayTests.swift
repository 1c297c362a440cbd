import BekalDomain
import BekalMetrics
@testable import BekalPublisher
import BekalTestSupport
import Crypto
import Foundation
import Logging
import Testing

@Suite("The relay's retry, idempotency and authentication rules")
struct RelayTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    func relay(_ transport: ScriptedTransport, auth: Authentication = .none, retry: RetryPolicy = RetryPolicy(),
               sleeps: SleepRecorder, log: CapturedLog = CapturedLog()) throws -> Relay {
        Relay(
            transport: transport, endpoint: try Endpoint(url: "http://127.0.0.1:9/reports", authentication: auth), retry: retry,
            logger: log.logger, now: { RelayTests.now }, sleep: { await sleeps.record($0) }, jitter: { $0 })
    }

    @Test("500, 503 and 429 are retried with the same key and body, waiting the full-jitter ceiling or Retry-After")
    func retries() async throws {
        let transport = ScriptedTransport([
            .respond(HTTPResponse(status: 500)),
            .respond(HTTPResponse(status: 503, headers: [HTTPHeader("Retry-After", "7")])),
            .fail(PublisherError(.timedOut, "")),
            .respond(HTTPResponse(status: 429, headers: [HTTPHeader("retry-after", "Thu, 01 Jan 2026 00:00:00 GMT")])),
            .respond(HTTPResponse(status: 201)),
        ])
        let sleeps = SleepRecorder()
        let report = TestReports.report()
        let outbox = try await TestReports.outbox([report])
        let summary = try await relay(transport, sleeps: sleeps).publishPending(from: outbox)
        #expect(summary.sent == 1)
        let requests = await transport.requests
        #expect(requests.count == 5)
        #expect(Set(requests.map { $0.header("Idempotency-Key") }) == ["\"\(report.reportID.uuidString.lowercased())\""])
        #expect(Set(requests.map(\.body)) == [try report.jsonData()])
        // base 500 ms · 2^n with jitter = ceiling; Retry-After 7 s wins over 1 s; a past HTTP date does not shorten.
        #expect(await sleeps.waits == [.milliseconds(500), .seconds(7), .milliseconds(2000), .milliseconds(4000)])
        let entry = try #require(await outbox.entries().first)
        #expect(entry.state == .sent && entry.attempts == 5)
    }

    @Test("the backoff ceiling doubles up to the cap, and the jitter draws below it")
    func ceiling() {
        let policy = RetryPolicy(base: .milliseconds(100), cap: .seconds(1))
        #expect((0..<6).map { policy.ceilingMilliseconds(attempt: $0) } == [100, 200, 400, 800, 1000, 1000])
        #expect(RetryPolicy.retryAfter("120", now: Self.now) == .seconds(120))
        #expect(RetryPolicy.retryAfter("soon", now: Self.now) == nil)
        let date = Self.now.addingTimeInterval(30)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(RetryPolicy.retryAfter(formatter.string(from: date), now: Self.now) == .seconds(30))
    }

    @Test("a 404 parks the report as failed with the server's reason, sanitized", arguments: [400, 401, 404, 413, 422])
    func parks(_ status: Int) async throws {
        let reason = Data("no such\u{1}\nendpoint   ".utf8) + Data(repeating: 0x41, count: 500)
        let transport = ScriptedTransport([.respond(HTTPResponse(status: status, body: reason))])
        let outbox = try await TestReports.outbox([TestReports.report()])
        let summary = try await relay(transport, sleeps: SleepRecorder()).publishPending(from: outbox)
        #expect(summary.failed == 1)
        let entry = try #require(await outbox.entries().first)
        #expect(entry.state == .failed)
        let text = try #require(entry.lastError)
        #expect(text.hasPrefix("HTTP \(status): no such endpoint AAA"))
        #expect(text.count <= 220 && !text.contains("\n"))
        #expect(await transport.requests.count == 1)
    }

    @Test("after the last attempt a transient failure leaves the report pending for the next run")
    func staysPending() async throws {
        let transport = ScriptedTransport(Array(repeating: .fail(PublisherError(.connectFailed, "refused")), count: 3))
        let outbox = try await TestReports.outbox([TestReports.report()])
        let summary = try await relay(transport, retry: RetryPolicy(maxAttempts: 3), sleeps: SleepRecorder()).publishPending(from: outbox)
        #expect(summary.stillPending == 1)
        let entry = try #require(await outbox.entries().first)
        #expect(entry.state == .pending && entry.attempts == 3)
        let next = try await relay(ScriptedTransport([]), sleeps: SleepRecorder()).publishPending(from: outbox)
        #expect(next.sent == 1)
    }

    @Test("HMAC signing follows Standard Webhooks and the secret never reaches the log")
    func hmac() async throws {
        let secretText = "whsec_" + Data("a very secret key 123".utf8).base64EncodedString()
        let transport = ScriptedTransport([.respond(HTTPResponse(status: 500)), .respond(HTTPResponse(status: 200))])
        let log = CapturedLog()
        let report = TestReports.report()
        let outbox = try await TestReports.outbox([report])
        _ = try await relay(transport, auth: .hmac(Secret(bytes: Array(secretText.utf8))), sleeps: SleepRecorder(), log: log)
            .publishPending(from: outbox)
        for request in await transport.requests {
            let id = try #require(request.header("webhook-id"))
            let timestamp = try #require(request.header("webhook-timestamp"))
            #expect(id == report.reportID.uuidString.lowercased() && timestamp == "1790000000")
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data("\(id).\(timestamp).".utf8) + request.body, using: SymmetricKey(data: Data("a very secret key 123".utf8)))
            #expect(request.header("webhook-signature") == "v1," + Data(mac).base64EncodedString())
        }
        #expect(!log.text.isEmpty)
        #expect(!log.text.contains("secret key") && !log.text.contains(secretText))
    }

    @Test("a bearer token is sent as Authorization and is redacted when printed")
    func bearer() async throws {
        let transport = ScriptedTransport([])
        let secret = Secret(bytes: Array("tok-123".utf8))
        _ = try await relay(transport, auth: .bearer(secret), sleeps: SleepRecorder())
            .publishPending(from: try await TestReports.outbox([TestReports.report()]))
        #expect(await transport.requests.first?.header("Authorization") == "Bearer tok-123")
        #expect("\(secret)" == "‹secret›" && "\(Authentication.bearer(secret))" == "bearer")
    }

    @Test("a secret file readable by others is refused; mode 0600 and the environment are accepted")
    func secretSources() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #require(FileManager.default.createFile(atPath: path, contents: Data("s3cret\n".utf8), attributes: [.posixPermissions: 0o644]))
        #expect(throws: PublisherError(.secretInsecure, "")) { try Secret.fromFile(path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try Secret.fromFile(path).bytes == Array("s3cret".utf8))
        #expect(throws: PublisherError(.secretUnreadable, "")) { try Secret.fromFile(path + "-missing") }
        #expect(try Secret.fromEnvironment("BEKAL_TOKEN", environment: ["BEKAL_TOKEN": "abc"]).bytes == Array("abc".utf8))
        #expect(throws: PublisherError(.secretMissing, "")) { try Secret.fromEnvironment("BEKAL_TOKEN", environment: [:]) }
    }

    @Test("endpoints must be http or https URLs", arguments: ["ftp://example.org/x", "file:///etc/passwd", "reports", "http://"])
    func endpoints(_ url: String) {
        #expect(throws: PublisherError(.invalidEndpoint, "")) { try Endpoint(url: url) }
    }
}
