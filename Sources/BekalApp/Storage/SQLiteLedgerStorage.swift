import BekalCredentials
import BekalDomain
import BekalLog
import BekalStore
import Dispatch
import Foundation
import Logging

/// `LedgerStorage` over the SQLite ledger of a data directory (`BekalStore.Ledger`, through GRDB). With its
/// extensions (`+Accounts`, `+Deliveries`) and `BapasStorage`, the only files of the application layer that know
/// the storage is SQLite.
///
/// GRDB's calls block their thread, so each runs on a dispatch queue instead of Swift's cooperative pool: a web
/// server's request handlers keep their threads while SQLite waits for the disk or another process's lock.
public struct SQLiteLedgerStorage: LedgerStorage, EvidenceStorage {
    /// The ledger this storage wraps.
    let ledger: Ledger
    private let evidenceStore: EvidenceStore?

    /// Wraps an open ledger, with the evidence store of its data directory.
    public init(_ ledger: Ledger) {
        self.ledger = ledger
        self.evidenceStore = ledger.evidence
    }

    private init(_ ledger: Ledger, evidence: EvidenceStore) {
        self.ledger = ledger
        self.evidenceStore = evidence
    }

    /// The same ledger with its evidence files under `root` (an in-memory ledger has no directory of its own).
    public func withEvidence(at root: URL) -> SQLiteLedgerStorage {
        SQLiteLedgerStorage(ledger, evidence: EvidenceStore(root: root))
    }

    /// Opens the ledger of an initialized data directory.
    public static func open(home: URL, logger: Logger) throws -> SQLiteLedgerStorage {
        try mapped { SQLiteLedgerStorage(try Ledger(home: home, logger: logger)) }
    }

    /// Creates an empty ledger (and keys/, evidence/) in a new data directory.
    public static func create(at home: URL, logger: Logger) throws -> SQLiteLedgerStorage {
        try mapped { SQLiteLedgerStorage(try Ledger.create(home: home, logger: logger)) }
    }

    /// Whether a directory holds a ledger file.
    public static func holdsLedger(_ home: URL) -> Bool {
        FileManager.default.fileExists(atPath: home.appendingPathComponent(Ledger.databaseFileName).path)
    }

    /// A ledger in memory with the same schema, for tests.
    public static func inMemory(logger: Logger = Logger(label: "bekal.store")) throws -> SQLiteLedgerStorage {
        try mapped { SQLiteLedgerStorage(try Ledger.inMemory(logger: logger)) }
    }

    private static let queue = DispatchQueue(label: "bekal.storage", qos: .userInitiated, attributes: .concurrent)

    /// Runs a blocking ledger call off the cooperative thread pool; store errors come back as `AppError`s.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Self.queue.async { continuation.resume(with: Result { try Self.mapped(body) }) }
        }
    }

    private static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw Self.failure(error)
        }
    }

    /// A store error as an `AppError`: its class of failure, its message, and its reason when it has one.
    static func failure(_ error: StoreError) -> AppError {
        AppError(code(for: error.code), error.message, cause: error,
                 reason: AppError.reason(forStoreMessage: error.message))
    }

    static func code(for code: StoreError.Code) -> AppError.Code {
        switch code {
        case .notFound: .notFound
        case .invalidInput: .invalidInput
        case .conflict, .alreadyInitialized: .conflict
        case .permission: .permission
        default: .storage
        }
    }

    // MARK: Reads

    public func facility() async throws -> Facility { try await run { try ledger.facility() } }

    public func person(_ reference: PersonReference) async throws -> Person {
        try await run { try ledger.person(reference) }
    }

    public func persons(status: PersonStatus?, matching text: String?) async throws -> [Person] {
        try await run {
            if let text { return try ledger.persons(matching: text, status: status) }
            return try ledger.persons(status: status)
        }
    }

    public func portfolio(of reference: PersonReference) async throws -> Portfolio {
        try await run { try ledger.portfolio(of: reference) }
    }

    public func portfolios(of references: [PersonReference]) async throws -> [Portfolio] {
        try await run { try ledger.portfolios(of: references) }
    }

    public func frameworks() async throws -> [CompetencyFramework] { try await run { try ledger.frameworks() } }

    public func event(id: UUID) async throws -> LedgerEvent { try await run { try ledger.event(id: id) } }

    public func recordingEvent(recordID: UUID) async throws -> LedgerEvent? {
        try await run { try ledger.recordingEvent(recordID: recordID) }
    }

    public func events(about personID: UUID) async throws -> [LedgerEvent] {
        try await run { try ledger.events(about: personID) }
    }

    public func revokedCredentials() async throws -> [String: String] {
        try await run { try ledger.revokedCredentialIDs() }
    }

    public func verificationCode(of personID: UUID) async throws -> String? {
        try await run { try ledger.verificationCode(of: personID) }
    }

    public func statusIndices(listURL: String) async throws -> [String: Int] {
        try await run { try ledger.statusIndices(listURL: listURL) }
    }

    public func statusIndices(listURL: String, credentialIDs: [String]) async throws -> [String: Int] {
        try await run { try ledger.statusIndices(listURL: listURL, credentialIDs: credentialIDs) }
    }

    public func hasStatusIndex(credentialID: String) async throws -> Bool {
        try await run { try ledger.hasStatusIndex(credentialID: credentialID) }
    }

    public func programmeFigures(period: ReportingPeriod) async throws -> ProgrammeFigures {
        try await run { try ledger.programmeFigures(period: period) }
    }

    public func privacyBudgetSpends() async throws -> [PrivacyBudgetSpend] {
        try await run { try ledger.privacyBudgetSpends() }
    }

    public func queuedReports() async throws -> [QueuedReport] { try await run { try ledger.queuedReports() } }

    public func verifyChain() async throws -> ChainVerification { try await run { try ledger.verifyChain() } }

    public func verifyIntegrity() async throws -> LedgerIntegrityReport {
        try await run {
            let integrity = try ledger.verifyIntegrity()
            return LedgerIntegrityReport(
                chain: integrity.chain, eventCount: integrity.eventCount,
                failures: integrity.failures.map {
                    LedgerAuditReport.Finding(reason: $0.reason.rawValue, events: $0.events, message: $0.message)
                })
        }
    }

    public func eventCount() async throws -> Int { try await run { try ledger.eventCount() } }

    // MARK: The verifiable log

    public func logState(provingFrom earlier: Int64?) async throws -> LogTreeState {
        try await run { try ledger.logState(provingFrom: earlier) }
    }

    public func logInclusion(sequences: [Int64], treeSize: Int64?) async throws -> LogInclusion {
        try await run {
            let read = try ledger.inclusionProofs(sequences: sequences, treeSize: treeSize)
            return LogInclusion(head: read.head, events: read.events.map {
                LedgerLogEvidence.Event(sequence: $0.sequence, leafEntry: $0.entry, inclusionProof: $0.proof)
            })
        }
    }

    public func audit(against head: TreeHead) async throws -> LedgerAuditReport {
        try await run {
            let audit = try ledger.audit(against: head)
            return LedgerAuditReport(
                checkpoint: audit.checkpoint, eventCount: audit.eventCount,
                failures: audit.failures.map {
                    LedgerAuditReport.Finding(reason: $0.reason.rawValue, events: $0.events, message: $0.message)
                },
                appended: audit.appendedAfterCheckpoint.map {
                    LedgerAuditReport.AppendedEvent(
                        sequence: $0.sequence, type: $0.type, actor: $0.actor, actorIsKnown: $0.actorIsKnown,
                        recordedAt: $0.recordedAt)
                })
        }
    }

    public func rebuildLogTree() async throws -> Int64 { try await run { try ledger.rebuildLogTree() } }

    // MARK: Writes

    public func append(_ entries: [LedgerEntry], actor: Actor, recordedAt: Date) async throws -> BatchAppendResult {
        try await run {
            let code = try entries.first.flatMap(Self.initializedFacility)?.code ?? ledger.facility().code
            return try ledger.append(
                contentsOf: entries, actor: actor.account, facilityCode: code, recordedAt: recordedAt)
        }
    }

    /// The facility a batch creates, when it starts the ledger (the demo, `init`).
    private static func initializedFacility(_ entry: LedgerEntry) -> Facility? {
        if case .facilityInitialized(let facility) = entry.payload { return facility }
        return nil
    }

    public func importCSV(file: URL, kind: ImportKind, actor: Actor, recordedAt: Date) async throws -> ImportSummary {
        try await run {
            try ledger.importCSVSummary(contentsOf: file, kind: kind, actor: actor.account, recordedAt: recordedAt)
        }
    }

    public func allocateStatusIndices(
        for credentialIDs: [String], personID: UUID?, listURL: String, capacity: Int, allocatedAt: Date
    ) async throws -> [String: Int] {
        try await run {
            try ledger.allocateStatusIndices(
                for: credentialIDs, personID: personID, listURL: listURL, capacity: capacity, allocatedAt: allocatedAt)
        }
    }

    public func queueReport(
        period: ReportingPeriod, actor: Actor, recordedAt: Date,
        logFrom: @escaping @Sendable ([QueuedReport]) -> Int64?,
        decide: @escaping @Sendable (ReportInputs) throws -> ReportDraft
    ) async throws -> ReportDraft {
        try await run {
            try ledger.queueReport(
                period: period, actor: actor.account, recordedAt: recordedAt, logFrom: logFrom, decide: decide)
        }
    }

    public func claimNextReport(holder: String, until: Date, now: Date, reclaiming: Set<String>) async throws
        -> QueuedReport?
    {
        try await run { try ledger.claimNextReport(holder: holder, until: until, now: now, reclaiming: reclaiming) }
    }

    public func releaseReport(_ reportID: UUID, holder: String) async throws {
        try await run { try ledger.releaseReport(reportID, holder: holder) }
    }

    public func recordDeliveryAttempt(_ reportID: UUID, error: String, at: Date) async throws {
        try await run { try ledger.recordDeliveryAttempt(reportID, error: error, at: at) }
    }

    public func markReportSent(_ reportID: UUID, at: Date) async throws {
        try await run { try ledger.markReportSent(reportID, at: at) }
    }

    public func markReportFailed(_ reportID: UUID, reason: String, at: Date) async throws {
        try await run { try ledger.markReportFailed(reportID, reason: reason, at: at) }
    }

    public func rebuildProjections() async throws -> Int { try await run { try ledger.rebuildProjections() } }

    // MARK: Evidence

    private func evidence() throws -> EvidenceStore {
        guard let evidenceStore else { throw AppError(.storage, "this ledger has no evidence store") }
        return evidenceStore
    }

    public func store(_ data: Data, mediaType: String, description: String) async throws
        -> (evidence: Evidence, isNew: Bool)
    {
        try await run { try evidence().storeNoting(data, mediaType: mediaType, description: description) }
    }

    public func discard(_ evidence: Evidence) async {
        _ = try? await run { try self.evidence().discard(evidence) }
    }

    public func contents(of evidence: Evidence) async throws -> Data {
        try await run { try self.evidence().contents(of: evidence) }
    }
}
