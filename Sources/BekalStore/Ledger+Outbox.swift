import BekalDomain
import Foundation
import GRDB

extension Ledger {
    /// Queued reports, oldest first; only those in `states` when given.
    public func queuedReports(states: Set<QueuedReport.State>? = nil) throws -> [QueuedReport] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM report_outbox ORDER BY enqueued_at, rowid")
            return try rows.map(Ledger.queuedReport(from:)).filter { states?.contains($0.state) ?? true }
        }
    }

    /// Adds a report to the outbox as it is; a report with the same id already there is left unchanged.
    public func enqueue(_ report: QueuedReport) throws {
        try writeOutbox { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM report_outbox WHERE report_id = ?",
                                 arguments: [Projection.key(report.reportID)]) == true { return }
            try Ledger.insert(report, db)
        }
    }

    /// Counts a failed delivery attempt; the report stays pending.
    public func recordDeliveryAttempt(_ reportID: UUID, error: String, at date: Date) throws {
        try updateQueued(reportID, set: "attempts = attempts + 1, last_error = :error, updated_at = :at",
                         ["error": error, "at": PayloadCoding.timestamp(date)])
    }

    /// Marks a report delivered (and ends its lease).
    public func markReportSent(_ reportID: UUID, at date: Date) throws {
        let at = PayloadCoding.timestamp(date)
        try updateQueued(reportID, set: """
            state = 'sent', attempts = attempts + 1, last_error = NULL, updated_at = :at, finished_at = :at,
            lease_holder = NULL, lease_until = NULL
            """, ["at": at])
    }

    /// Parks a report as failed with the endpoint's (sanitized) reason (and ends its lease).
    public func markReportFailed(_ reportID: UUID, reason: String, at date: Date) throws {
        let at = PayloadCoding.timestamp(date)
        try updateQueued(reportID, set: """
            state = 'failed', attempts = attempts + 1, last_error = :error, updated_at = :at, finished_at = :at,
            lease_holder = NULL, lease_until = NULL
            """, ["error": reason, "at": at])
    }

    /// Claims the oldest pending report that no other publisher run holds, in one immediate transaction, and
    /// leases it to `holder` until `until`. A lease that lapsed, or whose holder is in `reclaiming` (runs the
    /// caller knows are gone, e.g. killed), does not hold.
    /// - Returns: the claimed report, or `nil` when none is free.
    public func claimNextReport(holder: String, until: Date, now: Date, reclaiming: Set<String> = []) throws
        -> QueuedReport?
    {
        try writeOutbox { db in
            try OutboxLease.reports.claimNext(
                db, holder: holder, until: until, now: now, reclaiming: reclaiming, decode: Ledger.queuedReport(from:))
        }
    }

    /// Ends `holder`'s lease on a report that stays pending, so a later run may send it.
    public func releaseReport(_ reportID: UUID, holder: String) throws {
        try writeOutbox { db in
            try OutboxLease.reports.release(db, id: reportID, holder: holder)
        }
    }

    private func updateQueued(_ reportID: UUID, set assignments: String, _ arguments: StatementArguments) throws {
        try writeOutbox { db in
            var arguments = arguments
            arguments += ["id": Projection.key(reportID)]
            try db.execute(sql: "UPDATE report_outbox SET \(assignments) WHERE report_id = :id", arguments: arguments)
            guard db.changesCount == 1 else { throw StoreError(.notFound, "no queued report with this id") }
        }
    }

    func writeOutbox<T>(_ body: (Database) throws -> T) throws -> T {
        try Ledger.mapErrors { try writer.write { db in try body(db) } }
    }

    static func insert(_ report: QueuedReport, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO report_outbox (report_id, facility_code, period, body, format, state, attempts, last_error,
                enqueued_at, updated_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                Projection.key(report.reportID), report.facilityCode, report.period.description, report.body,
                report.format, report.state.rawValue, report.attempts, report.lastError,
                PayloadCoding.timestamp(report.enqueuedAt), PayloadCoding.timestamp(report.updatedAt),
                report.finishedAt.map(PayloadCoding.timestamp),
            ])
    }

    static func queuedReport(from row: Row) throws -> QueuedReport {
        guard let id = UUID(uuidString: row["report_id"]), let period = ReportingPeriod(row["period"] as String),
            let state = QueuedReport.State(rawValue: row["state"]),
            let enqueuedAt = PayloadCoding.date(fromTimestamp: row["enqueued_at"]),
            let updatedAt = PayloadCoding.date(fromTimestamp: row["updated_at"])
        else { throw StoreError(.corrupted, "a queued report cannot be read") }
        let finished: String? = row["finished_at"]
        let leaseUntil: String? = row["lease_until"]
        var report = QueuedReport(
            reportID: id, facilityCode: row["facility_code"], period: period, body: row["body"], format: row["format"],
            state: state, attempts: row["attempts"], lastError: row["last_error"], enqueuedAt: enqueuedAt,
            updatedAt: updatedAt, finishedAt: finished.flatMap(PayloadCoding.date(fromTimestamp:)))
        report.leaseHolder = row["lease_holder"]
        report.leaseUntil = leaseUntil.flatMap(PayloadCoding.date(fromTimestamp:))
        return report
    }
}
