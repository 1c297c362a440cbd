import ArgumentParser
import BekalDomain
import BekalPublisher
import BekalTestSupport
import Foundation
import Logging

/// Delivery of `--count` queued reports through the relay and the libcurl transport (one connection, reused)
/// to a loopback receiver; every report must be acknowledged.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Times publishing queued reports to a loopback endpoint.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The endpoint URL, e.g. http://127.0.0.1:PORT/reports.") var url: String
    @Option(help: "The report payload (JSON) sent for every report.") var payload: String
    @Option(help: "Reports per run.") var count = 1_000

    func run() async throws {
        let body = try Data(contentsOf: URL(fileURLWithPath: payload))
        let endpoint = try Endpoint(url: url)
        let transport = try CurlTransport()
        let relay = Relay(transport: transport, endpoint: endpoint, logger: Logger(label: "bekal.bench"), now: { Date() })
        guard let period = ReportingPeriod("2026-Q3") else { throw BenchFailure("bad period") }
        let reports = count
        let samples = try await Sampling.measure(repetition.repetitions) {
            let entries = (0..<reports).map { _ in
                QueuedReport(reportID: UUID(), facilityCode: "BENCH", period: period, body: body,
                             enqueuedAt: BenchFixture.now)
            }
            let outbox = InMemoryOutbox(entries)
            let summary = try await relay.publishPending(from: outbox)
            guard summary.sent == reports else {
                throw BenchFailure("only \(summary.sent) of \(reports) reports acknowledged")
            }
        }
        Figure(id: "publish.bekal", samples: samples, items: count, bytes: body.count,
               note: "Relay + CurlTransport, one reused connection").emit()
    }
}
