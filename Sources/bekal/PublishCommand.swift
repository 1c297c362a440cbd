import ArgumentParser
import BekalDomain
import BekalPublisher
import BekalStore
import Foundation

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Sends every pending metrics report to an endpoint, or lists the outbox with --status.",
        discussion: """
            Each report is sent with Idempotency-Key set to its id and the same body on every attempt. Transient \
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
    @Option(help: "Attempts per report in this run, the first included.") var maxAttempts: Int = 6

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
        let ledger = try global.openLedger()
        if status { return try printStatus(ledger) }
        let relay = Relay(
            transport: try CurlTransport(configuration: try transportConfiguration()),
            endpoint: try Endpoint(
                url: endpoint ?? "", format: try Input.choice(format, option: "--format", as: ReportFormat.self),
                authentication: try authentication()),
            retry: RetryPolicy(maxAttempts: try Self.bounded(maxAttempts, 1...100, option: "--max-attempts")),
            logger: global.logger)
        let summary = try await relay.publishPending(from: LedgerOutbox(ledger: ledger))
        print("Sent \(summary.sent), failed \(summary.failed), still pending \(summary.stillPending).")
        if summary.stillPending > 0 {
            throw CommandFailure(status: .network, message: "\(summary.stillPending) report(s) stay pending; run again later")
        }
        if summary.failed > 0 {
            throw CommandFailure(status: .conflict, message: "\(summary.failed) report(s) refused by the endpoint; see --status")
        }
    }

    func authentication() throws -> Authentication {
        if let bearerTokenFile { return .bearer(try Secret.fromFile(bearerTokenFile)) }
        if let bearerTokenEnv { return .bearer(try Secret.fromEnvironment(bearerTokenEnv)) }
        if let hmacSecretFile { return .hmac(try Secret.fromFile(hmacSecretFile)) }
        if let hmacSecretEnv { return .hmac(try Secret.fromEnvironment(hmacSecretEnv)) }
        return .none
    }

    func transportConfiguration() throws -> CurlTransport.Configuration {
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw CommandFailure(status: .notFound, message: "--ca-file: the file cannot be read")
        }
        return CurlTransport.Configuration(
            connectTimeout: try Self.seconds(connectTimeout, option: "--connect-timeout"),
            totalTimeout: try Self.seconds(timeout, option: "--timeout"), caFile: caFile)
    }

    static func seconds(_ value: Double, option: String) throws -> Duration {
        guard value.isFinite, value > 0, value <= 3600 else {
            throw CommandFailure.invalid("\(option): expected seconds between 0 and 3600")
        }
        return .milliseconds(Int64((value * 1000).rounded(.up)))
    }

    static func bounded(_ value: Int, _ range: ClosedRange<Int>, option: String) throws -> Int {
        guard range.contains(value) else {
            throw CommandFailure.invalid("\(option): expected \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    struct StatusLine: Encodable {
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

    func printStatus(_ ledger: Ledger) throws {
        let time = Date.ISO8601FormatStyle(timeZone: .gmt)
        let lines = try ledger.queuedReports().map { report in
            StatusLine(
                reportID: report.reportID.uuidString.lowercased(), facilityCode: report.facilityCode,
                period: report.period.description, state: report.state.rawValue, attempts: report.attempts,
                lastError: report.lastError, enqueuedAt: report.enqueuedAt.formatted(time),
                finishedAt: report.finishedAt?.formatted(time), bytes: report.body.count)
        }
        if output.json { return try printJSON(lines) }
        guard !lines.isEmpty else { return print("The outbox is empty.") }
        for line in lines {
            var text = "\(line.reportID)  \(line.period)  \(line.state)  attempts \(line.attempts)  queued \(line.enqueuedAt)"
            if let finished = line.finishedAt { text += "  finished \(finished)" }
            if let error = line.lastError { text += "  last error: \(error)" }
            print(text)
        }
        let counts = QueuedReport.State.allCases.map { state in "\(lines.filter { $0.state == state.rawValue }.count) \(state.rawValue)" }
        print(counts.joined(separator: ", "))
    }
}
