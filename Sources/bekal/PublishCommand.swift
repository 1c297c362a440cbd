import BekalCredentials
import ArgumentParser
import BekalApp
import BekalDomain
import BekalPublisher
import Foundation

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Sends every pending metrics report to an endpoint, or lists the outbox with --status.",
        discussion: """
            Each report is claimed before it is sent, so two runs on one data directory never send the same \
            report; it goes with Idempotency-Key set to its id and the same body on every attempt. Transient \
            failures are retried with backoff; reports still failing stay pending (exit 8); reports the endpoint \
            refuses for good are parked as failed (exit 5). Secrets come from a file (mode 0600) or an \
            environment variable, never from an argument.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "List pending, sent and failed reports instead of sending.") var status = false
    @Option(help: ArgumentHelp("The http or https URL (for Prometheus, the Pushgateway's base URL).", valueName: "url"))
    var endpoint: String?
    @Option(help: "json (POST the report) or prometheus (PUT to a Pushgateway).") var format: String = "json"
    @Option(help: ArgumentHelp("A file holding a bearer token.", valueName: "file")) var bearerTokenFile: String?
    @Option(help: ArgumentHelp("An environment variable holding a bearer token.", valueName: "name"))
    var bearerTokenEnv: String?
    @Option(help: ArgumentHelp("A file holding an HMAC-SHA256 signing secret.", valueName: "file"))
    var hmacSecretFile: String?
    @Option(help: ArgumentHelp("An environment variable holding an HMAC-SHA256 signing secret.", valueName: "name"))
    var hmacSecretEnv: String?
    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust for https.", valueName: "file"))
    var caFile: String?
    @Option(help: ArgumentHelp("Seconds to wait for a connection.", valueName: "seconds")) var connectTimeout: Double = 5
    @Option(help: ArgumentHelp("Seconds a whole request may take.", valueName: "seconds")) var timeout: Double = 30
    @Option(help: "Attempts per report in this run, the first included (1 to 100).") var maxAttempts: Int = 6

    func validate() throws {
        let secrets = [bearerTokenFile, bearerTokenEnv, hmacSecretFile, hmacSecretEnv].compactMap { $0 }
        if status {
            guard endpoint == nil, secrets.isEmpty else {
                throw ValidationError("--status lists the outbox; it takes no endpoint or secret")
            }
            return
        }
        guard endpoint != nil else { throw ValidationError("--endpoint is required (or --status)") }
        guard secrets.count <= 1 else { throw ValidationError("give at most one bearer token or HMAC secret") }
    }

    func run() async throws {
        guard (1...100).contains(maxAttempts) else { throw AppError(.invalidInput, "--max-attempts: expected 1 to 100") }
        for (value, option) in [(connectTimeout, "--connect-timeout"), (timeout, "--timeout")]
        where !(value.isFinite && value > 0 && value <= 3600) {
            throw AppError(.invalidInput, "\(option): expected seconds between 0 and 3600")
        }
        let app = try global.open()
        if status { return try OutboxStatus.print(try await app.outbox(context: try global.context()), json: output.json) }
        guard let format = ReportFormat(rawValue: format.lowercased()) else {
            throw AppError(.invalidInput, "--format: expected json or prometheus")
        }
        let request = PublishRequest(
            endpoint: endpoint ?? "", format: format,
            bearerToken: bearerTokenFile.map(SecretSource.file) ?? bearerTokenEnv.map(SecretSource.environment),
            hmacSecret: hmacSecretFile.map(SecretSource.file) ?? hmacSecretEnv.map(SecretSource.environment),
            caFile: caFile, connectTimeout: .milliseconds(Int64((connectTimeout * 1000).rounded(.up))),
            totalTimeout: .milliseconds(Int64((timeout * 1000).rounded(.up))), maxAttempts: maxAttempts)
        let summary = try await app.publishReports(request, context: try global.context(), clock: try WallClock.source())
        print("Sent \(summary.sent), failed \(summary.failed), still pending \(summary.stillPending).")
        if summary.stillPending > 0 {
            throw AppError(.network, "\(summary.stillPending) report(s) stay pending; run again later")
        }
        if summary.failed > 0 {
            throw AppError(.conflict, "\(summary.failed) report(s) refused by the endpoint; see --status")
        }
    }
}

/// `bekal publish --status`.
enum OutboxStatus {
    struct Line: Encodable {
        var reportID: String
        var facilityCode: String
        var period: String
        var state: String
        var attempts: Int
        var lastError: String?
        var enqueuedAt: String
        var finishedAt: String?
        var bytes: Int
    }

    static func print(_ reports: [QueuedReport], json: Bool) throws {
        let time = Date.ISO8601FormatStyle(timeZone: .gmt)
        let lines = reports.map { report in
            Line(
                reportID: report.reportID.uuidString.lowercased(), facilityCode: report.facilityCode,
                period: report.period.description, state: report.state.rawValue, attempts: report.attempts,
                lastError: report.lastError, enqueuedAt: report.enqueuedAt.formatted(time),
                finishedAt: report.finishedAt?.formatted(time), bytes: report.body.count)
        }
        if json { return try Output.json(lines) }
        guard !lines.isEmpty else { return Swift.print("The outbox is empty.") }
        for line in lines {
            var text = "\(line.reportID)  \(line.period)  \(line.state)  attempts \(line.attempts)  queued \(line.enqueuedAt)"
            if let finished = line.finishedAt { text += "  finished \(finished)" }
            if let error = line.lastError { text += "  last error: \(error)" }
            Swift.print(text)
        }
        let counts = QueuedReport.State.allCases.map { state in
            "\(lines.filter { $0.state == state.rawValue }.count) \(state.rawValue)"
        }
        Swift.print(counts.joined(separator: ", "))
    }
}
