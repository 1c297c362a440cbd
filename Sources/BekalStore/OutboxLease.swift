import BekalDomain
import Foundation
import GRDB

/// The leases on an outbox table's rows: the metrics reports (`report_outbox`) and the portfolios sent to a Bapas
/// (`portfolio_delivery`) are claimed and released the same way, so that two runs never send one row.
struct OutboxLease {
    /// The table (a constant of this file, never input).
    let table: String
    /// Its primary key column, the row's UUID.
    let idColumn: String

    static let reports = OutboxLease(table: "report_outbox", idColumn: "report_id")
    static let deliveries = OutboxLease(table: "portfolio_delivery", idColumn: "delivery_id")

    /// Leases to `holder` until `until` the oldest pending row matching `filter` that no live run holds. A lease
    /// that lapsed, or whose holder is in `reclaiming` (runs the caller knows are gone), does not hold. Runs inside
    /// the caller's immediate transaction.
    func claimNext(
        _ db: Database, filter: String = "1", _ arguments: StatementArguments = [], holder: String, until: Date,
        now: Date, reclaiming: Set<String>, decode: (Row) throws -> QueuedReport
    ) throws -> QueuedReport? {
        let nowText = PayloadCoding.timestamp(now)
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM \(table) WHERE state = 'pending' AND (\(filter)) ORDER BY enqueued_at, rowid
            """, arguments: arguments)
        for row in rows {
            let leaseHolder: String? = row["lease_holder"]
            let leaseUntil: String? = row["lease_until"]
            if let leaseHolder, let leaseUntil, leaseUntil > nowText, !reclaiming.contains(leaseHolder) { continue }
            var claimed = try decode(row)
            try db.execute(
                sql: "UPDATE \(table) SET lease_holder = ?, lease_until = ? WHERE \(idColumn) = ?",
                arguments: [holder, PayloadCoding.timestamp(until), Projection.key(claimed.reportID)])
            claimed.leaseHolder = holder
            claimed.leaseUntil = until
            return claimed
        }
        return nil
    }

    /// Ends `holder`'s lease on a row that stays pending, so a later run may send it.
    func release(_ db: Database, id: UUID, holder: String) throws {
        try db.execute(
            sql: "UPDATE \(table) SET lease_holder = NULL, lease_until = NULL WHERE \(idColumn) = ? AND lease_holder = ?",
            arguments: [Projection.key(id), holder])
    }
}
