import BekalDomain
import BekalMetrics
import BekalPublisher
import Foundation
import Testing

@Suite("HTTPS with certificate verification")
struct TLSTests {
    /// A self-signed certificate for 127.0.0.1, made with openssl at test time.
    static func makeCertificate() throws -> (certificate: String, key: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", directory.appendingPathComponent("key.pem").path,
            "-out", directory.appendingPathComponent("cert.pem").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return (directory.appendingPathComponent("cert.pem").path, directory.appendingPathComponent("key.pem").path, directory)
    }

    @Test("a self-signed server is refused by default and accepted with its certificate as the CA file")
    func selfSigned() async throws {
        let tls = try Self.makeCertificate()
        defer { try? FileManager.default.removeItem(at: tls.directory) }
        let receiver = try Receiver(tlsCertificate: tls.certificate, tlsKey: tls.key)
        let report = TestReports.report()
        let outbox = try await TestReports.outbox([report])

        let strict = Relay(transport: try CurlTransport(), endpoint: try Endpoint(url: receiver.url), logger: CapturedLog().logger, now: { TestClock.now })
        await #expect(throws: PublisherError(.tlsFailure, "")) { try await strict.publishPending(from: outbox) }
        #expect(await outbox.entries().filter { $0.state == .pending }.count == 1)
        #expect(receiver.deliveredKeys.isEmpty)

        let trusting = Relay(
            transport: try CurlTransport(configuration: .init(caFile: tls.certificate)), endpoint: try Endpoint(url: receiver.url),
            logger: CapturedLog().logger, now: { TestClock.now })
        let summary = try await trusting.publishPending(from: outbox)
        #expect(summary.sent == 1)
        #expect(receiver.deliveredKeys == [report.reportID.uuidString.lowercased()])
    }
}
