import Foundation
import GRDB

/// The projection tables are what the events say: every event is replayed into an empty database in memory
/// (the same projection schema, read from the ledger file), and each projection table is compared row by row
/// with the ledger's. A training row edited from 3 to 5 hours, a forged certificate row, a deleted assessment
/// row: each shows as a row that differs, is extra, or is missing, named by the event it belongs to.
///
/// It holds a copy of the projections in memory: the heaviest check (about the size of the projection tables).
struct ProjectionReplayPolicy: AuditPolicy {
    func check(_ context: AuditContext) throws -> [AuditFailure] {
        let replay = try DatabaseQueue(configuration: Ledger.configuration())
        if let failure = try replayEvents(context.db, into: replay) { return [failure] }
        var failures: [AuditFailure] = []
        for table in LedgerSchema.projectionTables {
            if let failure = try compare(table, context.db, replay) { failures.append(failure) }
        }
        return failures
    }

    /// Replays every stored event into `replay`; a finding when an event cannot be replayed.
    private func replayEvents(_ db: Database, into replay: DatabaseQueue) throws -> AuditFailure? {
        let schema = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master
            WHERE tbl_name IN (\(LedgerSchema.projectionTables.map { "'\($0)'" }.joined(separator: ", ")))
                AND sql IS NOT NULL
            ORDER BY type = 'table' DESC, rowid
            """)
        return try replay.write { memory -> AuditFailure? in
            // Only what corrections look up in the ledger (Projection.applyCorrection).
            try memory.execute(sql: """
                CREATE TABLE ledger_event (sequence INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL)
                """)
            for statement in schema { try memory.execute(sql: statement) }
            let insert = try memory.makeStatement(sql: "INSERT INTO ledger_event (sequence, event_id, type) VALUES (?, ?, ?)")
            let rows = try Row.fetchCursor(db, sql: "SELECT sequence, event_id, type, payload FROM ledger_event ORDER BY sequence")
            while let row = try rows.next() {
                let sequence: Int64 = row["sequence"]
                do {
                    let eventID: String = row["event_id"]
                    guard let id = UUID(uuidString: eventID) else { throw StoreError(.corrupted, "malformed event id") }
                    try insert.execute(arguments: [sequence, eventID, row["type"] as String])
                    try Projection.apply(try PayloadCoding.decode(row["payload"], sequence: sequence), eventID: id,
                                         sequence: sequence, memory)
                } catch {
                    return AuditFailure(
                        reason: .projectionEdited, events: sequence...sequence,
                        message: "ProjectionReplayPolicy: event \(sequence) cannot be replayed, so the projections "
                            + "cannot be checked")
                }
            }
            return nil
        }
    }

    /// Compares one table in primary-key order; a finding naming the first row that differs.
    private func compare(_ table: String, _ db: Database, _ replay: DatabaseQueue) throws -> AuditFailure? {
        let key = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk",
                                      arguments: [table])
        let sql = "SELECT * FROM \(table) ORDER BY \(key.joined(separator: ", "))"
        return try replay.read { memory -> AuditFailure? in
            let stored = try Row.fetchCursor(db, sql: sql)
            let replayed = try Row.fetchCursor(memory, sql: sql)
            var storedRow = try stored.next()
            var replayedRow = try replayed.next()
            var differing = 0
            var first: (row: Row, what: String)?
            func note(_ row: Row, _ what: String) {
                differing += 1
                if first == nil { first = (row.copy(), what) }
            }
            while storedRow != nil || replayedRow != nil {
                let order = ProjectionReplayPolicy.order(storedRow.map { row in key.map { row[$0] } },
                                                         replayedRow.map { row in key.map { row[$0] } })
                if order == .orderedAscending, let row = storedRow {
                    note(row, "has a row that no event records")
                    storedRow = try stored.next()
                } else if order == .orderedDescending, let row = replayedRow {
                    note(row, "lacks the row")
                    replayedRow = try replayed.next()
                } else {
                    if let row = storedRow, row != replayedRow { note(row, "has a changed row") }
                    storedRow = try stored.next()
                    replayedRow = try replayed.next()
                }
            }
            guard let first else { return nil }
            let sequence = try ProjectionReplayPolicy.sequence(of: first.row, db)
            let owner = sequence.map { " of event \($0)" } ?? ""
            return AuditFailure(
                reason: .projectionEdited, events: sequence.map { $0...$0 },
                message: "ProjectionReplayPolicy: table \(table) \(first.what)\(owner) (\(differing) row(s) differ "
                    + "from a replay of the ledger)")
        }
    }

    /// The event a projection row belongs to: its `event_id`, or its `sequence`.
    private static func sequence(of row: Row, _ db: Database) throws -> Int64? {
        if row.hasColumn("event_id"), let id = row["event_id"] as String? {
            return try Int64.fetchOne(db, sql: "SELECT sequence FROM ledger_event WHERE event_id = ?", arguments: [id])
        }
        return row.hasColumn("sequence") ? row["sequence"] as Int64? : nil
    }

    /// SQLite's order of primary keys (NULL < numbers < text < blob; text and blob by bytes); a missing row
    /// sorts after every row.
    static func order(_ left: [DatabaseValue]?, _ right: [DatabaseValue]?) -> ComparisonResult {
        guard let left else { return right == nil ? .orderedSame : .orderedDescending }
        guard let right else { return .orderedAscending }
        for (a, b) in zip(left, right) {
            let result = order(a, b)
            if result != .orderedSame { return result }
        }
        return .orderedSame
    }

    private static func order(_ a: DatabaseValue, _ b: DatabaseValue) -> ComparisonResult {
        func rank(_ value: DatabaseValue) -> Int {
            switch value.storage {
            case .null: 0
            case .int64, .double: 1
            case .string: 2
            case .blob: 3
            }
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) ? .orderedAscending : .orderedDescending }
        func bytes(_ value: DatabaseValue) -> [UInt8] {
            switch value.storage {
            case .string(let text): Array(text.utf8)
            case .blob(let data): Array(data)
            default: []
            }
        }
        switch (a.storage, b.storage) {
        case (.null, .null): return .orderedSame
        case (.string, .string), (.blob, .blob):
            let (x, y) = (bytes(a), bytes(b))
            if x == y { return .orderedSame }
            return x.lexicographicallyPrecedes(y) ? .orderedAscending : .orderedDescending
        default:
            let x = Double.fromDatabaseValue(a) ?? 0, y = Double.fromDatabaseValue(b) ?? 0
            return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
        }
    }
}
