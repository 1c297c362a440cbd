import GRDB

/// Reads the stored events in sequence order, column by column exactly as stored: the one reader behind the
/// chain verifier, the log tree's builder and the checkpoint audit, so that all three hash the same bytes.
enum StoredEventReader {
    static let columns = """
        sequence, event_id, type, person_id, payload, actor, facility_code, recorded_at, natural_key, prev_hash, hash
        """

    /// The stored events, in sequence order.
    static func cursor(_ db: Database) throws -> MapCursor<RowCursor, StoredEvent> {
        try Row.fetchCursor(db, sql: "SELECT \(columns) FROM ledger_event ORDER BY sequence").map(event)
    }

    /// Calls `body` with every stored event, in sequence order.
    static func forEach(_ db: Database, _ body: (StoredEvent) throws -> Void) throws {
        let events = try cursor(db)
        while let event = try events.next() { try body(event) }
    }

    static func event(_ row: Row) -> StoredEvent {
        StoredEvent(
            columns: EventDigest.Columns(
                sequence: row["sequence"], eventID: text(row, "event_id"), type: text(row, "type"),
                personID: optionalText(row, "person_id"),
                payload: text(row, "payload"), actor: text(row, "actor"),
                facilityCode: text(row, "facility_code"), recordedAt: text(row, "recorded_at"),
                naturalKey: optionalText(row, "natural_key"),
                previousHash: text(row, "prev_hash")),
            hash: text(row, "hash"))
    }

    /// A column as text; a value an attacker stored with another type still hashes (and so fails) instead of
    /// stopping the verification.
    private static func text(_ row: Row, _ column: String) -> String { text(row[column] as DatabaseValue) }

    private static func optionalText(_ row: Row, _ column: String) -> String? {
        let value: DatabaseValue = row[column]
        return value.isNull ? nil : text(value)
    }

    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let data): String(decoding: data, as: UTF8.self)
        }
    }
}
