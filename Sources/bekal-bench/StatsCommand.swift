import ArgumentParser
import BekalDomain
import BekalMetrics
import BekalStore
import BekalTestSupport
import Foundation

/// One quarter's metrics report as `bekal stats` makes it: the figures in SQL over the projections
/// (`Ledger.programmeFigures`), disclosure control, the report encoded as JSON. With `--reference`, also the
/// reference computation (every ledger event read, decoded and replayed in Swift), the tests' oracle.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Times one quarter's metrics report from the ledger.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The data directory.") var home: String
    @Option(help: "The period, e.g. 2026-Q3.") var period = "2026-Q3"
    @Option(help: "Write the report JSON here (the publish benchmark's payload).") var out: String?
    @Flag(help: "Also time the reference computation from every ledger event.") var reference = false

    func run() throws {
        guard let period = ReportingPeriod(period) else { throw BenchFailure("--period: expected e.g. 2026-Q3") }
        let ledger = try Ledger(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        let eventCount = try ledger.eventCount()
        var report = Data()
        let samples = try Sampling.measure(repetition.repetitions) {
            let figures = try ledger.programmeFigures(period: period)
            var random = SeededRandom(state: 5)
            report = try MetricsReport.make(
                from: figures, reportID: UUID(uuid: HeavyPersonCommand.uuidBytes(&random)), now: BenchFixture.now,
                random: &random
            ).jsonData()
        }
        Figure(id: "stats.bekal", samples: samples, items: eventCount, bytes: report.count,
               note: "SQL figures over the projections + disclosure control + JSON").emit()
        if let out { try report.write(to: URL(fileURLWithPath: out), options: .atomic) }
        guard reference else { return }
        let referenceSamples = try Sampling.measure(repetition.repetitions) {
            var events: [ProgrammeEvent] = []
            var after: Int64?
            while true {
                let page = try ledger.events(after: after, limit: 20_000)
                guard let last = page.last else { break }
                events.append(contentsOf: page.map { ProgrammeEvent(id: $0.id, payload: $0.payload) })
                after = last.sequence
            }
            let figures = ProgrammeFigures.compute(from: events, facilityCode: try ledger.facility().code, period: period)
            var random = SeededRandom(state: 5)
            _ = try MetricsReport.make(
                from: figures, reportID: UUID(uuid: HeavyPersonCommand.uuidBytes(&random)), now: BenchFixture.now,
                random: &random
            ).jsonData()
        }
        Figure(id: "stats.reference", samples: referenceSamples, items: eventCount,
               note: "every ledger event read and decoded, figures replayed in Swift").emit()
    }
}
