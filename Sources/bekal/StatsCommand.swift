import BekalCredentials
import ArgumentParser
import BekalApp
import BekalDomain
import BekalMetrics
import Foundation

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Shows the anonymized programme report of a period exactly as it would be sent; --queue queues it.",
        discussion: """
            Disclosure control is always on: counts from 1 to k-1 are suppressed, the rest rounded, with \
            suppression checked against every report the facility already published (docs/metrics.md). A period \
            is reported once: after --queue, this command shows the queued report. With --epsilon, discrete \
            Laplace noise is added and privacy budget is spent (epsilon \(FacilityApp.privacyBudgetPerPeriod) per \
            person-month); a noisy report is only ever made together with --queue, so every noisy draw that \
            anyone sees is paid for in the ledger.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("The period: a month (2026-07) or a quarter (2026-Q3).", valueName: "period"))
    var period: String
    @Option(name: .customLong("k"), help: "The suppression threshold k (at least 3).") var threshold: Int = 10
    @Option(help: "The rounding base (1 to k).") var rounding: Int = 5
    @Option(help: ArgumentHelp("Adds discrete Laplace noise with this epsilon (needs --queue).", valueName: "E"))
    var epsilon: String?
    @Flag(help: "Queue the report for `bekal publish`, in the same transaction as its privacy-budget spend.")
    var queue = false

    func validate() throws {
        if epsilon != nil && !queue {
            throw ValidationError("--epsilon needs --queue: a noisy report spends privacy budget when it is made")
        }
    }

    func run() async throws {
        let period = try ReportingPeriod.parse(period)
        let policy = try DisclosurePolicy(
            threshold: threshold, roundingBase: rounding,
            epsilon: try epsilon.map { text throws(MetricsError) in try Epsilon(text) })
        let app = try global.open()
        let result = queue
            ? try await app.queueReport(period: period, policy: policy, context: try global.context())
            : try await app.previewReport(period: period, policy: policy, context: try global.context())
        if output.json {
            // The exact bytes that go on the wire, nothing added.
            return Output.bytes(result.body + Data("\n".utf8))
        }
        print(ReportText.render(result.report), terminator: "")
        for table in result.withheldTables {
            Output.warning("table \(table) is withheld: its figures contradict what earlier reports said")
        }
        print(result.queued
            ? (queue ? "Queued report \(result.report.reportID.uuidString.lowercased()); send it with `bekal publish`."
                     : "Already queued (report \(result.report.reportID.uuidString.lowercased())); a report is final.")
            : "Not queued (preview). Queue it with --queue.")
    }
}
