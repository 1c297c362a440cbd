import BekalDomain
import BekalMetrics
import BekalPublisher
import BekalTestSupport
import Foundation
import Testing

/// A token file `tokA\r\nX-Injected: yes` must not add a header to the request: the secret is refused when read,
/// and the libcurl transport refuses any header with a control character in it.
@Suite("Secrets with line breaks or invisible characters")
struct SecretInjectionTests {
    static let injecting = "tokA\r\nX-Injected: yes"

    static func file(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID())").path
        try #require(FileManager.default.createFile(
            atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600]))
        return path
    }

    @Test("a secret with a CR, LF, tab, space, NUL, DEL or non-ASCII character inside is refused by name", arguments: [
        injecting, "tok\nA", "tok\rA", "tok\tA", "tok A", "tok\u{0}A", "tok\u{7F}A", "tokä", "tok\u{200B}A",
    ])
    func refused(_ secret: String) throws {
        let path = try Self.file(secret + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PublisherError(.secretMalformed, "")) { try Secret.fromFile(path) }
        #expect(throws: PublisherError(.secretMalformed, "")) {
            try Secret.fromEnvironment("BEKAL_TOKEN", environment: ["BEKAL_TOKEN": secret])
        }
        do {
            _ = try Secret.fromFile(path)
        } catch {
            #expect(!error.message.contains("tok") && !error.message.contains("Injected"))
        }
    }

    @Test("one line of visible ASCII with a trailing line break is accepted")
    func accepted() throws {
        let path = try Self.file("whsec_c2VjcmV0LWtleS1ieXRlcw==\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Secret.fromFile(path).description == "‹secret›")
    }

    @Test("over real libcurl to a loopback receiver, no injected header arrives, from a file or from raw bytes")
    func noInjectedHeaderArrives() async throws {
        let receiver = try Receiver()
        let transport = try CurlTransport()
        let relay = { (secret: Secret) throws in
            Relay(
                transport: transport, endpoint: try Endpoint(url: receiver.url, authentication: .bearer(secret)),
                retry: RetryPolicy(maxAttempts: 1), logger: CapturedLog().logger, now: { TestClock.now })
        }
        // The file is refused when read, before anything is sent.
        let path = try Self.file(Self.injecting + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PublisherError(.secretMalformed, "")) { try Secret.fromFile(path) }
        // Bytes that bypass the readers (a future keychain): libcurl is never asked to send the header.
        let report = TestReports.report()
        let outbox = try await TestReports.outbox([report])
        await #expect(throws: PublisherError(.invalidHeader, "")) {
            _ = try await relay(Secret(bytes: Array(Self.injecting.utf8))).publishPending(from: outbox)
        }
        #expect(await outbox.entries().filter { $0.state == .pending }.map(\.reportID) == [report.reportID])
        // A clean token goes through, and still nothing was injected in any request the receiver saw.
        let clean = try Self.file("tokA\n")
        defer { try? FileManager.default.removeItem(atPath: clean) }
        let summary = try await relay(try Secret.fromFile(clean)).publishPending(from: outbox)
        #expect(summary.sent == 1)
        let entries = receiver.entries
        #expect(entries.count == 1)
        #expect(entries.allSatisfy { Receiver.header($0, "X-Injected") == nil })
        #expect(entries.first.flatMap { Receiver.header($0, "Authorization") } == "Bearer tokA")
    }
}
