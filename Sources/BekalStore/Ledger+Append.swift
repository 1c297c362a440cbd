import Logging
import BekalDomain
import Foundation
import GRDB

extension Ledger {
    /// Appends one event, updating the projections in the same transaction.
    ///
    /// - Parameters:
    ///   - actor: the staff member recording the event.
    ///   - facilityCode: the facility where it is recorded, stamped on the event.
    ///   - recordedAt: the time of recording; injected so tests and imports control it.
    /// - Throws: `StoreError` (`.notFound` for an unknown person or unit, `.conflict`, `.invalidInput`, ...);
    ///   nothing is written then.
    @discardableResult
    public func append(_ payload: LedgerPayload, actor: String, facilityCode: String, recordedAt: Date) throws
        -> LedgerEvent
    {
        let result = try append(contentsOf: [LedgerEntry(payload)], actor: actor, facilityCode: facilityCode,
                                recordedAt: recordedAt)
        guard let event = result.appended.first else {
            throw StoreError(.storage, "the event was not appended")
        }
        return event
    }

    /// Appends a batch all-or-nothing: either every new entry is appended or, on the first failure, none is.
    /// Entries whose natural key is already in the ledger (or earlier in the batch) are skipped.
    ///
    /// - Parameter failureContext: names an entry in error messages, e.g. `{ "row \($0 + 2)" }` for CSV rows;
    ///   by default `entry N` when the batch holds several, nothing when it holds one (the field alone says where).
    public func append(
        contentsOf entries: [LedgerEntry], actor: String, facilityCode: String, recordedAt: Date,
        failureContext: ((Int) -> String)? = nil
    ) throws -> BatchAppendResult {
        let failureContext = failureContext ?? (entries.count == 1 ? { _ in "" } : { "entry \($0 + 1)" })
        return try appendBatch(count: entries.count, actor: actor, facilityCode: facilityCode, recordedAt: recordedAt) {
            appender in
            for (index, entry) in entries.enumerated() {
                try appender.append(entry, context: { failureContext(index) })
            }
        }.result
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`) with an appender positioned at the chain
    /// head; commits if it returns, rolls everything back if it throws.
    /// - Parameters:
    ///   - count: how many entries the batch holds (or about), to size the page cache.
    ///   - keepsEvents: whether the result lists the appended events; `appended` counts them either way.
    ///   - importing: the kind of CSV file the batch imports, whose table's date-led index a large batch defers,
    ///     and the fewest appended rows that drop it (`DeferredIndex`).
    func appendBatch(
        count: Int, actor: String, facilityCode: String, recordedAt: Date, keepsEvents: Bool = true,
        importing: (kind: ImportKind, minimumRows: Int)? = nil, _ body: (inout EventAppender) throws -> Void
    ) throws -> (result: BatchAppendResult, appended: Int) {
        guard !actor.isEmpty else { throw StoreError(.invalidInput, "the actor is empty") }
        guard !facilityCode.isEmpty else { throw StoreError(.invalidInput, "the facility code is empty") }
        let result = try Ledger.mapErrors {
            try writer.writeWithoutTransaction { db in
                // A large batch touches more pages than the usual cache holds; spilling them to the WAL mid-way
                // writes many pages twice. Pages are allocated only as they are used.
                if count > Ledger.largeBatch {
                    try db.execute(sql: "PRAGMA cache_size = \(Ledger.largeBatchCacheSize)")
                }
                defer {
                    if count > Ledger.largeBatch {
                        try? db.execute(sql: "PRAGMA cache_size = \(Ledger.cacheSize)")
                    }
                }
                var result = (result: BatchAppendResult(appended: [], skipped: 0), appended: 0)
                var rebuiltIndex: String?
                try db.inTransaction(.immediate) {
                    var appender = try EventAppender(
                        db, actor: actor, facilityCode: facilityCode, recordedAt: recordedAt, keepsEvents: keepsEvents,
                        importing: importing)
                    try body(&appender)
                    try appender.finish()
                    result = (appender.result, appender.appendedCount)
                    rebuiltIndex = appender.rebuiltIndex
                    return .commit
                }
                if let rebuiltIndex {
                    logger.info("deferred index rebuilt", metadata: ["index.name": "\(rebuiltIndex)"])
                }
                return result
            }
        }
        for event in result.result.appended.prefix(1000) {
            logger.debug("ledger event appended", metadata: [
                "event.sequence": "\(event.sequence)", "event.type": "\(event.type)",
            ])
        }
        logger.info("ledger append committed", metadata: [
            "events.appended": "\(result.appended)", "events.skipped": "\(result.result.skipped)",
        ])
        return result
    }

    /// Drops every projection and replays the whole ledger into it, in one transaction.
    /// - Returns: the number of events replayed.
    @discardableResult
    public func rebuildProjections() throws -> Int {
        let count = try Ledger.mapErrors {
            try writer.write { db -> Int in
                for table in LedgerSchema.projectionTables { try db.execute(sql: "DELETE FROM \(table)") }
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT sequence, event_id, payload FROM ledger_event ORDER BY sequence")
                var count = 0
                while let row = try rows.next() {
                    let sequence: Int64 = row["sequence"]
                    let payload = try PayloadCoding.decode(row["payload"], sequence: sequence)
                    guard let eventID = UUID(uuidString: row["event_id"]) else {
                        throw StoreError(.corrupted, "event \(sequence) has a malformed id")
                    }
                    try Projection.apply(payload, eventID: eventID, sequence: sequence, db)
                    count += 1
                }
                return count
            }
        }
        logger.info("projections rebuilt", metadata: ["events.replayed": "\(count)"])
        return count
    }
}
