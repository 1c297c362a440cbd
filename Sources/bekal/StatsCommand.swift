import ArgumentParser
import BekalDomain
import BekalMetrics
import BekalStore
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Shows the anonymized programme report of a period exactly as it would be sent; --queue queues it.",
        discussion: """
            Disclosure control is always on: counts from 1 to k-1 are suppressed, the rest rounded, with \
            complementary suppression (docs/metrics.md). With --epsilon, discrete Laplace noise is added and the \
            period's privacy budget (epsilon \(StatsCommand.budgetPerPeriod) per period) is spent; a noisy report is \
            only ever made together with --queue, so every noisy draw that anyone sees is paid for in the ledger.
            """)

    /// The ε a facility may spend on one period, summed over its noisy reports.
    static let budgetPerPeriod = "1"

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

    func run() throws {
        let period = try ReportingPeriod.parse(period)
        let policy = try DisclosurePolicy(
            threshold: threshold, roundingBase: rounding, epsilon: try epsilon.map { text throws(MetricsError) in
                try Epsilon(text)
            })
        let ledger = try global.openLedger()
        let now = Date()
        var random = SystemRandomNumberGenerator()
        let report: MetricsReport
        let body: Data
        if queue {
            let queued = try ledger.queueReport(
                period: period, policy: policy, budget: PrivacyBudget(perPeriod: try Epsilon(Self.budgetPerPeriod)),
                reportID: UUID(), actor: global.resolvedActor, now: now, random: &random)
            (report, body) = (queued.report, queued.queued.body)
        } else {
            report = MetricsReport.make(
                from: try ledger.programmeFigures(period: period), policy: policy, reportID: UUID(), now: now,
                random: &random)
            guard let encoded = try? report.jsonData() else {
                throw CommandFailure(status: .storage, message: "the report cannot be encoded")
            }
            body = encoded
        }
        if output.json {
            // The exact bytes that go on the wire, nothing added.
            FileHandle.standardOutput.write(body)
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(ReportText.render(report), terminator: "")
            print(queue
                ? "Queued report \(report.reportID.uuidString.lowercased()); send it with `bekal publish`."
                : "Not queued (preview). Queue it with --queue.")
        }
    }
}
