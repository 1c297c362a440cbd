import BekalDomain
import BekalPublisher
import Foundation
import Logging

/// How to deliver portfolios to a Bapas.
public struct DeliveryRequest: Sendable {
    /// The Bapas's receiving URL (`https://…/terima`, or http on loopback in tests).
    public var destination: String
    /// The facility's delivery secret at this Bapas (sent as a bearer token).
    public var secret: SecretSource
    /// A PEM file of CA certificates to trust for https.
    public var caFile: String?
    /// How long to wait for a connection to open.
    public var connectTimeout: Duration
    /// How long one request may take, connecting and reading the response included.
    public var totalTimeout: Duration
    /// Attempts per delivery in this run, the first included.
    public var maxAttempts: Int

    /// - Parameters: the Bapas and the delivery limits (as `PublishRequest`'s).
    public init(
        destination: String, secret: SecretSource, caFile: String? = nil, connectTimeout: Duration = .seconds(5),
        totalTimeout: Duration = .seconds(30), maxAttempts: Int = 6
    ) {
        self.destination = destination
        self.secret = secret
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxAttempts = maxAttempts
    }
}

extension FacilityApp {
    /// Queues a person's portfolio for a Bapas: the export (signed now), the current status list and the
    /// expected release date, in one delivery kept in the ledger's delivery outbox until `deliverPending` sends it.
    /// - Returns: the delivery's id (its `Idempotency-Key`).
    public func queueDelivery(
        _ reference: PersonReference, destination: String, settings: ExportSettings, context: ActionContext
    ) async throws -> UUID {
        _ = try Endpoint(url: destination)
        let export = try await exportPortfolio(reference, settings: settings, context: context)
        let list = try await signedStatusList(now: context.now)
        let delivery = PortfolioDelivery(
            export: export.bytes, statusList: list.bytes, releaseDate: export.person.expectedReleaseDate)
        let id = UUID()
        try await storage.enqueueDelivery(
            id: id, destination: destination, facilityCode: try await storage.facility().code,
            body: Data(delivery.bytes), at: context.now, kind: .portfolio, person: export.person.id)
        logger.info("portfolio queued for delivery", metadata: ["delivery.id": "\(id)"])
        return id
    }

    /// Queues the facility's current signed status list on its own (`StatusListDelivery`) for `destination`, or
    /// for every Bapas this facility has delivered portfolios to when `nil`, so that a withdrawal reaches them.
    /// Admin only (the list is signed with the facility's key).
    /// - Returns: the destinations it was queued for.
    @discardableResult
    public func queueStatusListDeliveries(to destination: String? = nil, context: ActionContext) async throws
        -> [String]
    {
        try await authorize(.administer, context: context)
        let destinations: [String]
        if let destination {
            _ = try Endpoint(url: destination)
            destinations = [destination]
        } else {
            destinations = try await deliveryDestinations(context: context)
        }
        guard !destinations.isEmpty else { return [] }
        let body = Data(StatusListDelivery(statusList: try await statusList(context: context).bytes).bytes)
        let code = try await storage.facility().code
        for url in destinations {
            try await storage.enqueueDelivery(
                id: UUID(), destination: url, facilityCode: code, body: body, at: context.now, kind: .statusList,
                person: nil)
        }
        logger.info("status list queued for delivery", metadata: ["delivery.destinations": "\(destinations.count)"])
        return destinations
    }

    /// Every Bapas address a delivery was queued for, in the order first used. Any active account but a PK may
    /// read them (`.read`).
    /// - Throws: `AppError.permission` for a PK, a disabled or an unknown account.
    public func deliveryDestinations(context: ActionContext) async throws -> [String] {
        try await authorize(.read, context: context)
        return try await storage.deliveryDestinations()
    }

    /// Sends every pending delivery for `request.destination` over libcurl with the relay's guarantees: the same
    /// `Idempotency-Key` (the delivery id) on every attempt, retries with backoff, leases so two runs never send
    /// one delivery at once, and the facility's secret as a bearer token.
    ///
    /// Queuing a portfolio needed the right to export that person (`queueDelivery`), and queuing a status list on
    /// its own the admin's (`queueStatusListDeliveries`); sending only moves deliveries already authorized when
    /// they were queued, so any active account may send them (`.read`). A PK, a disabled or an unknown account
    /// cannot: it is refused before the CA file or the secret is read and before any connection is made.
    /// - Parameters:
    ///   - context: the acting account (checked); its `now` is not used for the relay's timing.
    ///   - clock: the relay's clock, for retry backoff and leases.
    /// - Throws: `AppError.permission` for a PK, a disabled or an unknown account; otherwise as the relay.
    public func deliverPending(
        _ request: DeliveryRequest, context: ActionContext, clock: @escaping @Sendable () -> Date
    ) async throws -> Relay.Summary {
        try await authorize(.read, context: context)
        if let caFile = request.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw AppError(.notFound, "--ca-file: the file cannot be read", field: "caFile")
        }
        let retry = RetryPolicy(maxAttempts: request.maxAttempts)
        let relay = Relay(
            transport: try CurlTransport(configuration: CurlTransport.Configuration(
                connectTimeout: request.connectTimeout, totalTimeout: request.totalTimeout, caFile: request.caFile)),
            endpoint: try Endpoint(url: request.destination, authentication: .bearer(try Self.secret(request.secret))),
            retry: retry, logger: logger, now: clock)
        let lease = Double(((request.totalTimeout + retry.cap) * request.maxAttempts).components.seconds) + 60
        let outbox = DeliveryOutbox(
            storage: storage, destination: request.destination, holder: PublisherRun.current, leaseSeconds: lease,
            clock: clock,
            reclaiming: PublisherRun.goneHolders(try await storage.deliveries(destination: request.destination)))
        return try await relay.publishPending(from: outbox)
    }

    /// Where the `limit` most recently queued deliveries stand, newest first, without their bodies, each with the
    /// person it is for (id and register number). Any active account but a PK may read them (`.read`), as it may
    /// read the list of persons.
    /// - Throws: `AppError.permission` for a PK, a disabled or an unknown account.
    public func recentDeliveries(limit: Int, context: ActionContext) async throws -> [DeliveryStatus] {
        try await authorize(.read, context: context)
        return try await storage.recentDeliveries(limit: limit)
    }

    /// The deliveries queued for `destination` (a Bapas URL; all when `nil`), oldest first. Any active account
    /// but a PK may read them (`.read`).
    /// - Throws: `AppError.permission` for a PK, a disabled or an unknown account.
    public func deliveries(destination: String? = nil, context: ActionContext) async throws -> [QueuedReport] {
        try await authorize(.read, context: context)
        return try await storage.deliveries(destination: destination)
    }
}

/// The delivery outbox as the relay sees it, for one destination and one run.
struct DeliveryOutbox: Outbox {
    let storage: any LedgerStorage
    let destination: String
    let holder: String
    let leaseSeconds: Double
    let clock: @Sendable () -> Date
    let reclaiming: Set<String>

    func claimNext() async throws(PublisherError) -> QueuedReport? {
        let now = clock()
        return try await mapped {
            try await storage.claimNextDelivery(
                destination: destination, holder: holder, until: now.addingTimeInterval(leaseSeconds), now: now,
                reclaiming: reclaiming)
        }
    }

    func recordAttempt(_ reportID: UUID, error: String, at: Date) async throws(PublisherError) {
        try await mapped { try await storage.updateDelivery(reportID, state: .pending, error: error, at: at) }
    }

    func markSent(_ reportID: UUID, at: Date) async throws(PublisherError) {
        try await mapped { try await storage.updateDelivery(reportID, state: .sent, error: nil, at: at) }
    }

    func markFailed(_ reportID: UUID, reason: String, at: Date) async throws(PublisherError) {
        try await mapped { try await storage.updateDelivery(reportID, state: .failed, error: reason, at: at) }
    }

    func release(_ reportID: UUID) async throws(PublisherError) {
        try await mapped { try await storage.releaseDelivery(reportID, holder: holder) }
    }

    private func mapped<T>(_ body: () async throws -> T) async throws(PublisherError) -> T {
        do { return try await body() } catch { throw PublisherError(.outboxFailure, AppError(error).message) }
    }
}
