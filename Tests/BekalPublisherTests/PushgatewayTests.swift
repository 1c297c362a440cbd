import BekalDomain
import BekalMetrics
import BekalPublisher
import Foundation
import Testing

@Suite("Pushing to a real Prometheus Pushgateway")
struct PushgatewayTests {
    @Test("a report pushed in the text format reads back from the gateway's API under job and facility")
    func pushAndReadBack() async throws {
        // Port 0: the gateway takes a free port itself and logs it, so no other process can take it first.
        let gateway = try ServerProcess(
            "/usr/bin/prometheus-pushgateway", ["--web.listen-address=127.0.0.1:0"],
            report: .log(#"msg="Listening on" address=127\.0\.0\.1:([0-9]+)"#))
        defer { gateway.stop() }
        let transport = try CurlTransport()
        let base = "http://127.0.0.1:\(gateway.port)"
        try await waitUntilReady("\(base)/-/ready", transport: transport)

        let report = TestReports.report(facility: "LAPAS-PWT")
        let outbox = try await TestReports.outbox([report])
        let relay = Relay(
            transport: transport, endpoint: try Endpoint(url: base, format: .prometheus), logger: CapturedLog().logger, now: { TestClock.now })
        let summary = try await relay.publishPending(from: outbox)
        #expect(summary.sent == 1)

        let response = try await transport.send(HTTPRequest(method: .get, url: "\(base)/api/v1/metrics", headers: [], body: Data()))
        #expect(response.status == 200)
        let json = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        let groups = try #require(json["data"] as? [[String: Any]])
        let group = try #require(groups.first { ($0["labels"] as? [String: String])?["facility"] == "LAPAS-PWT" })
        #expect((group["labels"] as? [String: String])?["job"] == "bekal")
        let family = try #require(group["bekal_participants_persons"] as? [String: Any])
        let samples = try #require(family["metrics"] as? [[String: Any]])
        let active = try #require(samples.first { ($0["labels"] as? [String: String])?["status"] == "active" })
        let expected = try #require(report.tables.first { $0.id == "participants" }?.rows.first { $0.key == "active" }?.cells[0].count)
        #expect(active["value"] as? String == String(expected))
        #expect((active["labels"] as? [String: String])?["period"] == "2026-Q3")
        // Suppressed figures are absent: the participants table's "transferred" row (4 people) is not there.
        #expect(!samples.contains { ($0["labels"] as? [String: String])?["status"] == "transferred" })
    }
}
