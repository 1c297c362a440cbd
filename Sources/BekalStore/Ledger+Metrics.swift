import BekalDomain
import Foundation
import GRDB
import Logging

extension Ledger {
    /// The raw programme figures of `period`, computed in SQL over the projections (`ProgrammeFiguresQuery`).
    /// - Throws: `StoreError` (`.notInitialized` without a facility, `.storage`).
    public func programmeFigures(period: ReportingPeriod) throws -> ProgrammeFigures {
        try read { db in try ProgrammeFiguresQuery.figures(period: period, db) }
    }

    /// Every privacy-budget spend recorded, oldest first.
    public func privacyBudgetSpends() throws -> [PrivacyBudgetSpend] {
        try read { db in try Ledger.privacyBudgetSpends(db) }
    }

    /// The privacy budget already spent on `period` by this facility, oldest first.
    public func privacyBudgetSpends(period: ReportingPeriod) throws -> [PrivacyBudgetSpend] {
        try read { db in try Ledger.privacyBudgetSpends(db).filter { $0.period == period } }
    }

    /// Queues a metrics report in ONE write transaction: the period's figures, the budget already spent and the
    /// reports already queued are read, `decide` turns them into a report (and, for a noisy one, a budget spend),
    /// and the report's bytes and the `metrics.privacy-budget-spent` event are written. Either all of it happens
    /// or none of it does, so a noisy report never goes out without its spend being recorded, and two processes
    /// queueing at once each decide on what the other committed.
    ///
    /// - Parameters:
    ///   - actor: who queues the report, stamped on the spend event.
    ///   - recordedAt: the enqueue time.
    ///   - logFrom: when given, the log is read too (`ReportInputs.log`: the tree head as committed, and the
    ///     consistency proof from the size this pure function picks from the queued reports, e.g. the previous
    ///     report's checkpoint size). `StoreError.corrupted` when the stored tree is out of step.
    ///   - decide: the disclosure decision (pure; it may throw to refuse, and then nothing is written).
    /// - Throws: whatever `decide` throws, or `StoreError`.
    public func queueReport(
        period: ReportingPeriod, actor: String, recordedAt: Date, logFrom: (([QueuedReport]) -> Int64?)? = nil,
        decide: (ReportInputs) throws -> ReportDraft
    ) throws -> ReportDraft {
        guard !actor.isEmpty else { throw StoreError(.invalidInput, "the actor is empty") }
        var result: ReportDraft?
        try Ledger.mapErrors {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let figures = try ProgrammeFiguresQuery.figures(period: period, db)
                    let queued = try Row.fetchAll(db, sql: "SELECT * FROM report_outbox ORDER BY enqueued_at, rowid")
                        .map(Ledger.queuedReport(from:))
                    let log = try logFrom.map { try Ledger.logState(from: $0(queued), db) }
                    let draft = try decide(ReportInputs(
                        figures: figures, budgetSpends: try Ledger.privacyBudgetSpends(db), queued: queued, log: log))
                    if let spend = draft.budgetSpend {
                        try Ledger.appendInTransaction(
                            .privacyBudgetSpent(spend), actor: actor, facilityCode: figures.facilityCode,
                            recordedAt: recordedAt, db)
                    }
                    try Ledger.insert(draft.report, db)
                    result = draft
                    return .commit
                }
            }
        }
        guard let result else { throw StoreError(.storage, "the report was not queued") }
        logger.info("metrics report queued", metadata: [
            "report.id": "\(result.report.reportID.uuidString.lowercased())", "report.period": "\(period)",
            "report.noisy": "\(result.budgetSpend != nil)",
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
