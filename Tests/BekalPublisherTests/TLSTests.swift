import BekalDomain
import BekalMetrics
import BekalPublisher
import BekalTestSupport
import Foundation
import Testing

@Suite("HTTPS with certificate verification")
struct TLSTests {
    @Test("a self-signed server is refused by default and accepted with its certificate as the CA file")
    func selfSigned() async throws {
        let tls = try TestCertificate()
        defer { tls.remove() }
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
