import BekalDomain
import Foundation
import GRDB

extension Ledger {
    /// Queues a delivery for `destination` (its id is also its `Idempotency-Key`): a person's portfolio, or the
    /// status list alone (`person` `nil`).
    public func enqueueDelivery(
        id: UUID, destination: String, facilityCode: String, body: Data, at date: Date, kind: DeliveryKind,
        person: UUID?
    ) throws {
        let at = PayloadCoding.timestamp(date)
        try writeOutbox { db in
            try db.execute(sql: """
                INSERT INTO portfolio_delivery (delivery_id, destination, facility_code, body, state, enqueued_at,
                    updated_at, kind, person_id) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)
                """, arguments: [Projection.key(id), destination, facilityCode, body, at, at, kind.rawValue,
                                 person.map(Projection.key)])
        }
    }

    /// Deliveries queued for `destination` (every destination when `nil`), oldest first, as outbox records
    /// (their `period` is the month they were queued in).
    public func deliveries(destination: String? = nil) throws -> [QueuedReport] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM portfolio_delivery WHERE ? IS NULL OR destination = ? ORDER BY enqueued_at, rowid
                """, arguments: [destination, destination]).map(Ledger.delivery(from:))
        }
    }

    /// The `limit` most recently queued deliveries to any destination, newest first, without their bodies (a body
    /// is a whole signed export; a list of deliveries needs none of it), each with the person it is for.
    public func recentDeliveries(limit: Int) throws -> [DeliveryStatus] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.delivery_id, d.destination, d.kind, d.person_id, p.register_number, d.enqueued_at, d.state,
                    d.attempts, d.last_error
                FROM portfolio_delivery d LEFT JOIN person p ON p.id = d.person_id
                ORDER BY d.rowid DESC LIMIT ?
                """, arguments: [limit]).map { row in
                guard let id = UUID(uuidString: row["delivery_id"]), let state = QueuedReport.State(rawValue: row["state"]),
                    let kind = DeliveryKind(rawValue: row["kind"]),
                    let enqueuedAt = PayloadCoding.date(fromTimestamp: row["enqueued_at"])
                else { throw StoreError(.corrupted, "a queued delivery cannot be read") }
                let person: DeliveredPerson? = if let personID = (row["person_id"] as String?).flatMap(UUID.init),
                    let number = row["register_number"] as String? { DeliveredPerson(id: personID, registerNumber: number) } else { nil }
                return DeliveryStatus(id: id, destination: row["destination"], kind: kind, person: person,
                                      enqueuedAt: enqueuedAt, state: state, attempts: row["attempts"],
                                      lastError: row["last_error"])
            }
        }
    }

    /// Every destination a delivery was queued for, in the order first used.
    public func deliveryDestinations() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT destination FROM portfolio_delivery GROUP BY destination ORDER BY MIN(rowid)
                """)
        }
    }

    /// Claims the oldest pending delivery for `destination` no live run holds (see `claimNextReport`).
    public func claimNextDelivery(
        destination: String, holder: String, until: Date, now: Date, reclaiming: Set<String> = []
    ) throws -> QueuedReport? {
        try writeOutbox { db in
            try OutboxLease.deliveries.claimNext(
                db, filter: "destination = ?", [destination], holder: holder, until: until, now: now,
                reclaiming: reclaiming, decode: Ledger.delivery(from:))
        }
    }

    /// Records the outcome of a delivery attempt: `pending` (a failed attempt, `error` kept), `sent` or `failed`
    /// (parked with the Bapas's reason); the last two end the lease.
    public func updateDelivery(_ id: UUID, state: QueuedReport.State, error: String?, at date: Date) throws {
        let at = PayloadCoding.timestamp(date)
        try writeOutbox { db in
            try db.execute(sql: """
                UPDATE portfolio_delivery SET state = ?, attempts = attempts + 1, last_error = ?, updated_at = ?,
                    finished_at = CASE WHEN ? = 'pending' THEN NULL ELSE ? END,
                    lease_holder = CASE WHEN ? = 'pending' THEN lease_holder END,
                    lease_until = CASE WHEN ? = 'pending' THEN lease_until END
                WHERE delivery_id = ?
                """, arguments: [state.rawValue, error, at, state.rawValue, at, state.rawValue, state.rawValue,
                                 Projection.key(id)])
            guard db.changesCount == 1 else { throw StoreError(.notFound, "no queued delivery with this id") }
        }
    }

    /// Ends `holder`'s lease on a delivery that stays pending.
    public func releaseDelivery(_ id: UUID, holder: String) throws {
        try writeOutbox { db in
            try OutboxLease.deliveries.release(db, id: id, holder: holder)
        }
    }

    static func delivery(from row: Row) throws -> QueuedReport {
        guard let id = UUID(uuidString: row["delivery_id"]), let state = QueuedReport.State(rawValue: row["state"]),
            let enqueuedAt = PayloadCoding.date(fromTimestamp: row["enqueued_at"]),
            let updatedAt = PayloadCoding.date(fromTimestamp: row["updated_at"])
        else { throw StoreError(.corrupted, "a queued delivery cannot be read") }
        let day = FacilityCalendar.day(of: enqueuedAt)
        guard let period = ReportingPeriod.month(day.year, day.month) else {
            throw StoreError(.corrupted, "a queued delivery cannot be read")
        }
        let finished: String? = row["finished_at"]
        let leaseUntil: String? = row["lease_until"]
        var delivery = QueuedReport(
            reportID: id, facilityCode: row["facility_code"], period: period, body: row["body"], format: "delivery",
            state: state, attempts: row["attempts"], lastError: row["last_error"], enqueuedAt: enqueuedAt,
            updatedAt: updatedAt, finishedAt: finished.flatMap(PayloadCoding.date(fromTimestamp:)))
        delivery.leaseHolder = row["lease_holder"]
        delivery.leaseUntil = leaseUntil.flatMap(PayloadCoding.date(fromTimestamp:))
        return delivery
    }
}
