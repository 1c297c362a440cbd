import BekalDomain
import BekalMetrics
import Foundation
import Logging

/// Sends every pending report of an outbox to one endpoint, exactly once from the receiver's point of view: each
/// attempt carries `Idempotency-Key: "<report id>"` (an RFC 8941 string, identical on every retry) and the same body.
///
/// Connect errors, timeouts, broken connections, 408, 429 and 5xx are retried with exponential backoff and full
/// jitter, waiting at least `Retry-After`; a report still failing after `maxAttempts` stays pending for the next
/// run. Any other 4xx parks the report as failed with the server's reason. TLS and endpoint errors stop the run.
public struct Relay: Sendable {
    /// What one run did.
    public struct Summary: Sendable, Hashable {
        /// Reports the endpoint accepted (2xx) in this run.
        public var sent = 0
        /// Reports parked as failed because the endpoint refused them permanently (a 4xx other than 408 and 429).
        public var failed = 0
        /// Reports still pending after this run's attempts, left for the next run.
        public var stillPending = 0
    }

    enum Outcome: Sendable, Hashable {
        case sent(status: Int)
        case parked(reason: String)
        case deferred(reason: String)
    }

    /// The HTTP client the relay sends through: libcurl in production, a fake in tests.
    public let transport: any HTTPTransport
    /// Where and how reports are delivered.
    public let endpoint: Endpoint
    /// How many attempts each report gets in a run, and the waits between them.
    public let retry: RetryPolicy
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (Duration) async -> Void
    private let jitter: @Sendable (Int64) -> Int64

    /// - Parameters:
    ///   - now: the clock, read for signatures and outbox times (injected by the front end).
    ///   - sleep: waits between attempts (tests pass one that records and returns at once).
    ///   - jitter: a uniform random integer in `0...upper` (the system generator by default).
    public init(
        transport: any HTTPTransport, endpoint: Endpoint, retry: RetryPolicy = RetryPolicy(), logger: Logger,
        now: @escaping @Sendable () -> Date,
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        jitter: @escaping @Sendable (Int64) -> Int64 = { Int64.random(in: 0...max(0, $0)) }
    ) {
        self.transport = transport
        self.endpoint = endpoint
        self.retry = retry
        self.logger = logger
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
    }

    /// Delivers every pending report of `outbox` that no other run holds, oldest first, one claim at a time.
    /// - Throws: `tlsFailure` or `invalidEndpoint` (the run stops, reports stay pending), or outbox errors.
    public func publishPending(from outbox: any Outbox) async throws(PublisherError) -> Summary {
        var summary = Summary()
        // Reports left pending keep this run's claim until the run ends, so it does not claim them again.
        var deferred: [UUID] = []
        do throws(PublisherError) {
            while let entry = try await outbox.claimNext() {
                logger.debug("report claimed", metadata: ["report.id": "\(entry.reportID)"])
                let outcome: Outcome
                do {
                    outcome = try await deliver(entry, outbox: outbox)
                } catch {
                    deferred.append(entry.reportID)
                    throw error
                }
                switch outcome {
                case .sent(let status):
                    try await outbox.markSent(entry.reportID, at: now())
                    summary.sent += 1
                    logger.info("report delivered", metadata: ["report.id": "\(entry.reportID)", "http.status": "\(status)"])
                case .parked(let reason):
                    // The outbox keeps the endpoint's reason; the log does not.
                    try await outbox.markFailed(entry.reportID, reason: reason, at: now())
                    summary.failed += 1
                    logger.warning("report refused by the endpoint", metadata: ["report.id": "\(entry.reportID)"])
                case .deferred:
                    deferred.append(entry.reportID)
                    summary.stillPending += 1
                    logger.notice("report left pending", metadata: ["report.id": "\(entry.reportID)"])
                }
            }
        } catch {
            for id in deferred { try? await outbox.release(id) }
            throw error
        }
        for id in deferred { try await outbox.release(id) }
        return summary
    }

    /// Tries one entry up to `maxAttempts` times. Failed attempts that leave the entry pending are recorded.
    func deliver(_ entry: QueuedReport, outbox: any Outbox) async throws(PublisherError) -> Outcome {
        let body: Data
        let contentType: String
        switch endpoint.format {
        case .json:
            (body, contentType) = (entry.body, "application/json")
        case .prometheus:
            guard let report = try? MetricsReport.decode(entry.body) else {
                return .parked(reason: "the queued report could not be decoded")
            }
            (body, contentType) = (Data(PrometheusRenderer.render(report).utf8), PrometheusRenderer.contentType)
        }
        let key = entry.reportID.uuidString.lowercased()
        for attempt in 0..<retry.maxAttempts {
            var headers = [HTTPHeader("Content-Type", contentType), HTTPHeader("Idempotency-Key", "\"\(key)\"")]
            headers += endpoint.authentication.headers(id: entry.reportID, body: body, now: now())
            let request = HTTPRequest(
                method: endpoint.format == .json ? .post : .put, url: endpoint.target(facilityCode: entry.facilityCode),
                headers: headers, body: body)
            var waitAtLeast: Duration = .zero
            let failure: String
            do {
                let response = try await transport.send(request)
                // Between the endpoint's answer and the outbox's update: a crash here must lose nothing (the
                // report stays pending and is resent under its key); tests stop the process at this line.
                logger.debug("report response received", metadata: [
                    "report.id": "\(entry.reportID)", "http.status": "\(response.status)",
                ])
                if (200...299).contains(response.status) { return .sent(status: response.status) }
                guard RetryPolicy.isRetryable(status: response.status) else {
                    return .parked(reason: "HTTP \(response.status): \(Relay.sanitize(response.body))")
                }
                failure = "HTTP \(response.status)"
                if let retryAfter = RetryPolicy.retryAfter(response.header("Retry-After"), now: now()) {
                    guard retryAfter <= retry.maxRetryAfter else {
                        try await outbox.recordAttempt(entry.reportID, error: failure, at: now())
                        return .deferred(reason: "Retry-After beyond the limit")
                    }
                    waitAtLeast = retryAfter
                }
            } catch {
                try await outbox.recordAttempt(entry.reportID, error: error.message, at: now())
                guard error.isTransient else { throw error }
                if attempt + 1 == retry.maxAttempts { return .deferred(reason: error.message) }
                await sleep(backoff(attempt: attempt, atLeast: .zero))
                continue
            }
            try await outbox.recordAttempt(entry.reportID, error: failure, at: now())
            if attempt + 1 == retry.maxAttempts { return .deferred(reason: failure) }
            await sleep(backoff(attempt: attempt, atLeast: waitAtLeast))
        }
        return .deferred(reason: "no attempts allowed")
    }

    /// Full jitter: uniform in `0...min(cap, base · 2^attempt)`, but never below `atLeast`.
    func backoff(attempt: Int, atLeast: Duration) -> Duration {
        let drawn = Duration.milliseconds(jitter(retry.ceilingMilliseconds(attempt: attempt)))
        return max(drawn, atLeast)
    }

    /// The server's reason: printable ASCII only, white space collapsed, at most 200 characters.
    static func sanitize(_ body: Data) -> String {
        let printable = body.prefix(4096).map { (0x20...0x7E).contains($0) ? Character(UnicodeScalar($0)) : " " }
        let words = String(printable).split(separator: " ", omittingEmptySubsequences: true)
        let text = words.joined(separator: " ")
        return text.isEmpty ? "(no reason given)" : String(text.prefix(200))
    }
}
