import BekalDomain
import BekalPublisher
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a secret comes from: a file (mode 0600) or an environment variable, never a command-line value.
public enum SecretSource: Sendable, Hashable {
    /// A file at this path, readable by its owner only (mode 0600).
    case file(String)
    /// The environment variable of this name.
    case environment(String)
}

/// How to deliver the outbox.
public struct PublishRequest: Sendable {
    /// The http or https URL (for Prometheus, the Pushgateway's base URL).
    public var endpoint: String
    /// JSON to a report endpoint, or the Prometheus text format to a Pushgateway.
    public var format: ReportFormat
    /// A bearer token, when the endpoint wants one.
    public var bearerToken: SecretSource?
    /// An HMAC-SHA256 signing secret, when the endpoint wants signed bodies.
    public var hmacSecret: SecretSource?
    /// A PEM file of CA certificates to trust for https.
    public var caFile: String?
    /// How long to wait for a connection to open.
    public var connectTimeout: Duration
    /// How long one request may take, connecting and reading the response included.
    public var totalTimeout: Duration
    /// Attempts per report in this run, the first included.
    public var maxAttempts: Int

    /// - Parameters: the endpoint and delivery limits (5 s to connect, 30 s a request, 6 attempts by default).
    public init(
        endpoint: String, format: ReportFormat = .json, bearerToken: SecretSource? = nil,
        hmacSecret: SecretSource? = nil, caFile: String? = nil, connectTimeout: Duration = .seconds(5),
        totalTimeout: Duration = .seconds(30), maxAttempts: Int = 6
    ) {
        self.endpoint = endpoint
        self.format = format
        self.bearerToken = bearerToken
        self.hmacSecret = hmacSecret
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxAttempts = maxAttempts
    }
}

extension FacilityApp {
    /// Sends every pending report that no other live publisher holds, each claimed (leased) before it is sent so
    /// that two runs on one data directory never send the same report. A report whose holder was killed is
    /// reclaimed at once when the holder ran on this machine, else when its lease lapses.
    /// Admin only.
    /// - Parameters:
    ///   - context: who acts (an admin); the time of each step comes from `clock`.
    ///   - clock: the time source for signatures and the outbox (injected by the front end).
    public func publishReports(
        _ request: PublishRequest, context: ActionContext, clock: @escaping @Sendable () -> Date
    ) async throws -> Relay.Summary {
        try await authorize(.administer, context: context)
        if let caFile = request.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw AppError(.notFound, "--ca-file: the file cannot be read", field: "caFile")
        }
        let authentication: Authentication
        switch (request.bearerToken, request.hmacSecret) {
        case (let token?, nil): authentication = .bearer(try Self.secret(token))
        case (nil, let secret?): authentication = .hmac(try Self.secret(secret))
        case (nil, nil): authentication = .none
        default: throw AppError(.usage, "give at most one bearer token or HMAC secret")
        }
        let retry = RetryPolicy(maxAttempts: request.maxAttempts)
        let relay = Relay(
            transport: try CurlTransport(configuration: CurlTransport.Configuration(
                connectTimeout: request.connectTimeout, totalTimeout: request.totalTimeout, caFile: request.caFile)),
            endpoint: try Endpoint(url: request.endpoint, format: request.format, authentication: authentication),
            retry: retry, logger: logger, now: clock)
        // A run holds a report no longer than all its attempts could take, with a minute to spare.
        let perAttempt = request.totalTimeout + retry.cap
        let lease = Double((perAttempt * request.maxAttempts).components.seconds) + 60
        let outbox = StorageOutbox(
            storage: storage, holder: PublisherRun.current, leaseSeconds: lease, clock: clock,
            reclaiming: PublisherRun.goneHolders(try await storage.queuedReports()))
        return try await relay.publishPending(from: outbox)
    }

    static func secret(_ source: SecretSource) throws -> Secret {
        switch source {
        case .file(let path): try Secret.fromFile(path)
        case .environment(let name): try Secret.fromEnvironment(name)
        }
    }
}

/// The ledger's outbox as the relay sees it, claiming for one publisher run.
struct StorageOutbox: Outbox {
    let storage: any LedgerStorage
    let holder: String
    let leaseSeconds: Double
    let clock: @Sendable () -> Date
    let reclaiming: Set<String>

    func claimNext() async throws(PublisherError) -> QueuedReport? {
        let now = clock()
        return try await mapped {
            try await storage.claimNextReport(
                holder: holder, until: now.addingTimeInterval(leaseSeconds), now: now, reclaiming: reclaiming)
        }
    }

    func recordAttempt(_ reportID: UUID, error: String, at: Date) async throws(PublisherError) {
        try await mapped { try await storage.recordDeliveryAttempt(reportID, error: error, at: at) }
    }

    func markSent(_ reportID: UUID, at: Date) async throws(PublisherError) {
        try await mapped { try await storage.markReportSent(reportID, at: at) }
    }

    func markFailed(_ reportID: UUID, reason: String, at: Date) async throws(PublisherError) {
        try await mapped { try await storage.markReportFailed(reportID, reason: reason, at: at) }
    }

    func release(_ reportID: UUID) async throws(PublisherError) {
        try await mapped { try await storage.releaseReport(reportID, holder: holder) }
    }

    /// Storage failures become `outboxFailure` with the storage's fixed message (it holds no values).
    private func mapped<T>(_ body: () async throws -> T) async throws(PublisherError) -> T {
        do {
            return try await body()
        } catch {
            throw PublisherError(.outboxFailure, AppError(error).message)
        }
    }
}

/// Names a publisher run (`host:pid:nonce`) and tells which runs named in the outbox are gone.
enum PublisherRun {
    static let current = "\(hostName()):\(getpid()):\(UUID().uuidString.prefix(8).lowercased())"

    /// Holders of pending leases that ran on this machine and whose process no longer exists.
    static func goneHolders(_ reports: [QueuedReport]) -> Set<String> {
        let host = hostName()
        var gone = Set<String>()
        for report in reports where report.state == .pending {
            guard let holder = report.leaseHolder else { continue }
            let parts = holder.split(separator: ":")
            guard parts.count == 3, String(parts[0]) == host, let pid = Int32(parts[1]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { gone.insert(holder) }
        }
        return gone
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.replacingOccurrences(of: ":", with: "_")
    }
}
