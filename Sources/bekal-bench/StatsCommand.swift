import ArgumentParser
import BekalDomain
import BekalMetrics
import BekalStore
import Foundation

/// One quarter's metrics report computed from the ledger: every event read and decoded, the figures
/// computed (`ProgrammeFigures.compute`), disclosure control applied, the report encoded as JSON.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Times one quarter's metrics report from the ledger.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The data directory.") var home: String
    @Option(help: "The period, e.g. 2026-Q3.") var period = "2026-Q3"
    @Option(help: "Write the report JSON here (the publish benchmark's payload).") var out: String?

    func run() throws {
        guard let period = ReportingPeriod(period) else { throw BenchFailure("--period: expected e.g. 2026-Q3") }
        let ledger = try Ledger(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        var report = Data()
        var eventCount = 0
        let samples = try Sampling.measure(repetition.repetitions) {
            var events: [ProgrammeEvent] = []
            var after: Int64?
            while true {
                let page = try ledger.events(after: after, limit: 20_000)
                guard let last = page.last else { break }
                events.append(contentsOf: page.map { ProgrammeEvent(id: $0.id, payload: $0.payload) })
                after = last.sequence
            }
            eventCount = events.count
            let figures = ProgrammeFigures.compute(from: events, facilityCode: try ledger.facility().code, period: period)
            var random = SeededRandom(state: 5)
            report = try MetricsReport.make(
                from: figures, reportID: UUID(uuid: HeavyPersonCommand.uuidBytes(&random)), now: BenchFixture.now,
                random: &random
            ).jsonData()
        }
        Figure(id: "stats.bekal", samples: samples, items: eventCount, bytes: report.count,
               note: "ledger events read + figures + disclosure control + JSON").emit()
        if let out { try report.write(to: URL(fileURLWithPath: out), options: .atomic) }
    }
}
