import BekalDomain
import BekalLog
import Foundation

/// What the use cases need from a facility's storage: the append-only ledger, the projections read from it, the
/// status-list allocation and the report outbox. Each method is one transaction.
///
/// Today's implementation is the SQLite ledger of a data directory (`SQLiteLedgerStorage`); a regional
/// deployment can add another (PostgreSQL, say) by conforming a new type and opening it in `FacilityApp`. Nothing
/// else in the application layer knows which one it talks to. Decisions that must see a consistent view (the
/// disclosure control of a queued report) are passed in as pure closures that the storage runs inside its
/// transaction.
public protocol LedgerStorage: AccountStorage, DeliveryStorage, Sendable {
    // MARK: Reads

    /// The facility the ledger belongs to.
    func facility() async throws -> Facility
    /// One person, by register number or id. - Throws: not found.
    func person(_ reference: PersonReference) async throws -> Person
    /// Persons with `status` (all when `nil`) whose name or register number contains `text` (all when `nil`),
    /// ordered by expected release date.
    func persons(status: PersonStatus?, matching text: String?) async throws -> [Person]
    /// Everything recorded about one person, corrections applied, against the latest framework.
    func portfolio(of reference: PersonReference) async throws -> Portfolio
    /// The portfolios of several people, in the order given, read from one state of the ledger.
    func portfolios(of references: [PersonReference]) async throws -> [Portfolio]
    /// Every imported framework version, oldest first.
    func frameworks() async throws -> [CompetencyFramework]
    /// One event by id. - Throws: not found.
    func event(id: UUID) async throws -> LedgerEvent
    /// The event that recorded the record with this record id (the ids `portfolio --json` and `readiness --json`
    /// show), or `nil` when no record in effect has it.
    func recordingEvent(recordID: UUID) async throws -> LedgerEvent?
    /// Every event about one person, in ledger order (records, corrections, movements, revocations).
    func events(about personID: UUID) async throws -> [LedgerEvent]
    /// Revoked credential ids with their reasons.
    func revokedCredentials() async throws -> [String: String]
    /// A person's current identity verification code (canonical form), if one was issued.
    func verificationCode(of personID: UUID) async throws -> String?
    /// Every credential id with its index on the status list `listURL`.
    func statusIndices(listURL: String) async throws -> [String: Int]
    /// The indices on `listURL` of those of `credentialIDs` that have one.
    func statusIndices(listURL: String, credentialIDs: [String]) async throws -> [String: Int]
    /// Whether any export carried `credentialID`.
    func hasStatusIndex(credentialID: String) async throws -> Bool
    /// The raw programme figures of a period.
    func programmeFigures(period: ReportingPeriod) async throws -> ProgrammeFigures
    /// Every privacy-budget spend recorded, oldest first.
    func privacyBudgetSpends() async throws -> [PrivacyBudgetSpend]
    /// Every queued report, oldest first.
    func queuedReports() async throws -> [QueuedReport]
    /// Recomputes the ledger's hash chain from the stored bytes.
    func verifyChain() async throws -> ChainVerification
    /// The hash chain and the checks that need no outside checkpoint: events against the stored log tree,
    /// projections against a replay, evidence files against their hashes.
    func verifyIntegrity() async throws -> LedgerIntegrityReport
    /// How many events the ledger holds.
    func eventCount() async throws -> Int

    // MARK: The verifiable log (docs/ledger.md)

    /// The log's tree head and, when `earlier` is a size from 1 to it, the consistency proof from that size, in
    /// one read. - Throws: storage (corrupted) when the stored tree does not cover exactly the events.
    func logState(provingFrom earlier: Int64?) async throws -> LogTreeState
    /// The tree head of the first `treeSize` events (all when `nil`) and each event's leaf entry and inclusion
    /// proof in it, in one read (for an export).
    /// - Throws: not found for a sequence outside the tree; storage (corrupted) as `logState`.
    func logInclusion(sequences: [Int64], treeSize: Int64?) async throws -> LogInclusion
    /// Checks the stored events (and projections, evidence files) against an outside checkpoint's tree head.
    func audit(against head: TreeHead) async throws -> LedgerAuditReport
    /// Rebuilds the stored log tree from the events as they are now; returns the leaf count.
    func rebuildLogTree() async throws -> Int64

    // MARK: Writes (each all or nothing)

    /// Appends entries in one transaction, keeping the chain and projections in step; entries whose natural key
    /// is already recorded are skipped. - Throws: the first rule an entry breaks; nothing is written then.
    func append(_ entries: [LedgerEntry], actor: Actor, recordedAt: Date) async throws -> BatchAppendResult
    /// Imports a CSV file of one kind, all rows or none, reading it a chunk at a time.
    func importCSV(file: URL, kind: ImportKind, actor: Actor, recordedAt: Date) async throws -> ImportSummary
    /// Gives each credential id an index on `listURL` (existing ids keep theirs) and returns the indices of those ids.
    func allocateStatusIndices(
        for credentialIDs: [String], personID: UUID?, listURL: String, capacity: Int, allocatedAt: Date
    ) async throws -> [String: Int]
    /// Reads the inputs of a report of `period` (with the log: its tree head and the consistency proof from the
    /// size `logFrom` picks from the queued reports), lets `decide` make it, and stores the report (and its budget
    /// spend), all in one transaction.
    func queueReport(
        period: ReportingPeriod, actor: Actor, recordedAt: Date,
        logFrom: @escaping @Sendable ([QueuedReport]) -> Int64?,
        decide: @escaping @Sendable (ReportInputs) throws -> ReportDraft
    ) async throws -> ReportDraft
    /// Claims the oldest pending report no live publisher holds; see `Outbox.claimNext`.
    func claimNextReport(holder: String, until: Date, now: Date, reclaiming: Set<String>) async throws -> QueuedReport?
    /// Ends a lease on a report that stays pending.
    func releaseReport(_ reportID: UUID, holder: String) async throws
    /// Counts a failed delivery attempt.
    func recordDeliveryAttempt(_ reportID: UUID, error: String, at: Date) async throws
    /// Marks a report delivered.
    func markReportSent(_ reportID: UUID, at: Date) async throws
    /// Parks a report as refused.
    func markReportFailed(_ reportID: UUID, reason: String, at: Date) async throws
    /// Drops the projections and replays the whole ledger into them; returns the number of events replayed.
    func rebuildProjections() async throws -> Int
}

/// Evidence files kept by content (SHA-256), for records that name them.
public protocol EvidenceStorage: Sendable {
    /// Stores bytes and describes them; `isNew` says whether the store lacked them before.
    func store(_ data: Data, mediaType: String, description: String) async throws -> (evidence: Evidence, isNew: Bool)
    /// Removes a file this caller stored for a record that was then refused.
    func discard(_ evidence: Evidence) async
    /// The stored bytes of `evidence`, checked against its hash. - Throws: not found, or damaged.
    func contents(of evidence: Evidence) async throws -> Data
}
