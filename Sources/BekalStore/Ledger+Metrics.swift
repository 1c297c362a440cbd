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

    /// Everything this facility has published so far: every report in the outbox (any state) and every budget
    /// spend, as `ReportClearance` needs it.
    public func publicationHistory() throws -> PublicationHistory {
        try read { db in try Ledger.publicationHistory(db) }
    }

    /// Computes the report of `period` and queues it in the outbox, all in ONE write transaction: the figures are
    /// read, the report is cleared against the facility's history (every earlier outbox body and budget spend,
    /// `ReportClearance`: a period is reported once, noisy and exact reports never cover the same days, the
    /// privacy budget of every month, disclosure control over all reports of the quarter), a
    /// `metrics.privacy-budget-spent` event is appended for a noisy report, and the report's bytes are stored.
    /// Either all of it happens or none of it does, so a noisy report never goes out without its spend being
    /// recorded, and no other report can slip in between the check and the insert.
    ///
    /// - Parameters:
    ///   - reportID: the new report's id (fresh in production).
    ///   - now: the generation and enqueue time.
    ///   - random: the noise source (the system CSPRNG in production).
    /// - Throws: `MetricsError` `.periodAlreadyReported`, `.noiseMixed`, `.privacyBudgetExhausted`,
    ///   `.invalidReport` (an outbox body cannot be read) — nothing is written — or `StoreError`.
    public func queueReport(
        period: ReportingPeriod, policy: DisclosurePolicy, budget: PrivacyBudget, reportID: UUID, actor: String,
        now: Date, random: inout some RandomNumberGenerator
    ) throws -> (report: MetricsReport, queued: QueuedReport) {
        guard !actor.isEmpty else { throw StoreError(.invalidInput, "the actor is empty") }
        var result: (MetricsReport, QueuedReport)?
        var withheld: [String] = []
        try Ledger.mapErrors {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let figures = try ProgrammeFiguresQuery.figures(period: period, db)
                    let cleared = try ReportClearance(policy: policy, budget: budget).clear(
                        figures, history: try Ledger.publicationHistory(db), reportID: reportID, now: now,
                        random: &random)
                    if let spend = cleared.spend {
                        try Ledger.appendInTransaction(
                            .privacyBudgetSpent(spend), actor: actor, facilityCode: figures.facilityCode,
                            recordedAt: now, db)
                    }
                    let body: Data
                    do {
                        body = try cleared.report.jsonData()
                    } catch {
                        throw StoreError(.invalidInput, "the report cannot be encoded")
                    }
                    let queued = QueuedReport(
                        reportID: reportID, facilityCode: figures.facilityCode, period: period, body: body,
                        enqueuedAt: now)
                    try Ledger.insert(queued, db)
                    result = (cleared.report, queued)
                    withheld = cleared.withheldTables
                    return .commit
                }
            }
        }
        guard let result else { throw StoreError(.storage, "the report was not queued") }
        logger.info("metrics report queued", metadata: [
            "report.id": "\(reportID.uuidString.lowercased())", "report.period": "\(period)",
            "report.noisy": "\(policy.epsilon != nil)", "report.withheld-tables": "\(withheld.joined(separator: ","))",
        ])
        return result
    }

    /// The facility's history inside the caller's transaction.
    static func publicationHistory(_ db: Database) throws -> PublicationHistory {
        guard let facility = try Ledger.facility(db) else {
            throw StoreError(.notInitialized, "the ledger has no facility")
        }
        let bodies = try Data.fetchAll(
            db, sql: "SELECT body FROM report_outbox WHERE facility_code = ? ORDER BY enqueued_at, rowid",
            arguments: [facility.code])
        return try PublicationHistory(facilityCode: facility.code, bodies: bodies, spends: try privacyBudgetSpends(db))
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
    }
}
