import BekalDomain
import BekalMetrics
import Foundation
import GRDB
import Logging

extension Ledger {
    /// The raw programme figures of `period`, computed in SQL over the projections (`ProgrammeFiguresQuery`).
    /// - Throws: `StoreError` (`.notInitialized` without a facility, `.storage`).
    public func programmeFigures(period: ReportingPeriod) throws -> ProgrammeFigures {
        try read { db in try ProgrammeFiguresQuery.figures(period: period, db) }
    }

    /// The privacy budget already spent on `period` by this facility, oldest first.
    public func privacyBudgetSpends(period: ReportingPeriod) throws -> [PrivacyBudgetSpend] {
        try read { db in try Ledger.privacyBudgetSpends(db).filter { $0.period == period } }
    }

    /// Computes the report of `period` and queues it in the outbox, all in ONE write transaction: the figures are
    /// read, the privacy budget (when the policy adds noise) is checked against the spends already in the ledger
    /// and a `metrics.privacy-budget-spent` event appended, and the report's bytes are stored. Either all of it
    /// happens or none of it does, so a noisy report never goes out without its spend being recorded.
    ///
    /// - Parameters:
    ///   - reportID: the new report's id (fresh in production).
    ///   - now: the generation and enqueue time.
    ///   - random: the noise source (the system CSPRNG in production).
    /// - Throws: `MetricsError.privacyBudgetExhausted` (nothing is written), `StoreError`.
    public func queueReport(
        period: ReportingPeriod, policy: DisclosurePolicy, budget: PrivacyBudget, reportID: UUID, actor: String,
        now: Date, random: inout some RandomNumberGenerator
    ) throws -> (report: MetricsReport, queued: QueuedReport) {
        guard !actor.isEmpty else { throw StoreError(.invalidInput, "the actor is empty") }
        var result: (MetricsReport, QueuedReport)?
        try Ledger.mapErrors {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let figures = try ProgrammeFiguresQuery.figures(period: period, db)
                    if let epsilon = policy.epsilon {
                        let spend = try budget.authorize(
                            epsilon, facilityCode: figures.facilityCode, period: period, reportID: reportID,
                            previous: try Ledger.privacyBudgetSpends(db))
                        try Ledger.appendInTransaction(
                            .privacyBudgetSpent(spend), actor: actor, facilityCode: figures.facilityCode,
                            recordedAt: now, db)
                    }
                    let report = MetricsReport.make(
                        from: figures, policy: policy, reportID: reportID, now: now, random: &random)
                    let body: Data
                    do {
                        body = try report.jsonData()
                    } catch {
                        throw StoreError(.invalidInput, "the report cannot be encoded")
                    }
                    let queued = QueuedReport(
                        reportID: reportID, facilityCode: figures.facilityCode, period: period, body: body,
                        enqueuedAt: now)
                    try Ledger.insert(queued, db)
                    result = (report, queued)
                    return .commit
                }
            }
        }
        guard let result else { throw StoreError(.storage, "the report was not queued") }
        logger.info("metrics report queued", metadata: [
            "report.id": "\(reportID.uuidString.lowercased())", "report.period": "\(period)",
            "report.noisy": "\(policy.epsilon != nil)",
        ])
        return result
    }

    static func privacyBudgetSpends(_ db: Database) throws -> [PrivacyBudgetSpend] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT sequence, payload FROM ledger_event INDEXED BY ledger_event_budget
            WHERE type = 'metrics.privacy-budget-spent' ORDER BY sequence
            """)
        return try rows.compactMap { row in
            guard case .privacyBudgetSpent(let spend) = try PayloadCoding.decode(row["payload"], sequence: row["sequence"])
            else { return nil }
            return spend
        }
    }

    /// Appends one event that no projection reads, inside the caller's immediate transaction, keeping the hash
    /// chain (the same columns and digest as `append`).
    static func appendInTransaction(
        _ payload: LedgerPayload, actor: String, facilityCode: String, recordedAt: Date, _ db: Database
    ) throws {
        let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_event ORDER BY sequence DESC LIMIT 1")
        let columns = EventDigest.Columns(
            sequence: (head?["sequence"] ?? 0) + 1, eventID: Projection.key(UUID()), type: payload.kind,
            personID: payload.personID.map(Projection.key), payload: try PayloadCoding.encode(payload), actor: actor,
            facilityCode: facilityCode, recordedAt: PayloadCoding.timestamp(recordedAt), naturalKey: nil,
            previousHash: head?["hash"] ?? EventDigest.genesis)
        try db.execute(sql: """
            INSERT INTO ledger_event (sequence, event_id, type, person_id, payload, actor, facility_code, recorded_at,
                natural_key, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                columns.sequence, columns.eventID, columns.type, columns.personID, columns.payload, columns.actor,
                columns.facilityCode, columns.recordedAt, columns.naturalKey, columns.previousHash,
                EventDigest.hash(columns),
            ])
        var tree = try LogTreeWriter(db, eventCount: columns.sequence - 1)
        try tree.append(leafHash: LogLeaf.leafHash(columns))
        try tree.finish()
    }
}
