import GRDB
import GRDBSQLite

/// Per-person running totals over one period's rows, kept in a hash table keyed by the person id's 128 bits.
///
/// SQLite can group the period's rows by person only by sorting them on the 36-character id, which grows faster
/// than the rows (a 20,000-person quarter sorted ten times the rows of a 2,000-person one at 13 times the cost);
/// one pass over the date index into this table grows with the rows. `persons` hands the totals back in person id
/// order, the order SQLite's `GROUP BY person_id` gives them, so totals summed from them are summed as before.
struct PersonTally<Totals> {
    private var slots: [PersonKey: Int] = [:]
    private var keys: [PersonKey] = []
    private var totals: [Totals] = []
    private let empty: Totals

    init(empty: Totals) { self.empty = empty }

    /// Steps `statement`, whose first column is a stored person id, and lets `update` fold each row (read
    /// through SQLite's C API, columns from 1) into that person's totals.
    /// - Returns: `false`, having stopped, when a row's id is not a stored (lowercase) UUID text; the caller then
    ///   groups in SQL instead.
    mutating func fold(
        _ statement: Statement, _ update: (inout Totals, SQLiteStatement) -> Void
    ) throws -> Bool {
        let raw = statement.sqliteStatement
        let rows = try Row.fetchCursor(statement)
        while try rows.next() != nil {
            guard let text = sqlite3_column_text(raw, 0),
                let key = PersonKey(text: text, count: Int(sqlite3_column_bytes(raw, 0)))
            else { return false }
            if let slot = slots[key] {
                update(&totals[slot], raw)
            } else {
                slots[key] = totals.count
                keys.append(key)
                totals.append(empty)
                update(&totals[totals.count - 1], raw)
            }
        }
        return true
    }

    /// Every person's totals, in person id order.
    var persons: [Totals] {
        keys.indices.sorted { keys[$0] < keys[$1] }.map { totals[$0] }
    }
}

/// A stored person id (lowercase 8-4-4-4-12 text) as its 128 bits. Only lowercase hex digits and the four dashes
/// are accepted, so two ids are equal exactly when their texts are, and the bits order as the texts do.
struct PersonKey: Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    init?(text: UnsafePointer<UInt8>, count: Int) {
        guard count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for index in 0..<36 {
            let byte = text[index]
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte &- UInt8(ascii: "a") &+ 10
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        self.high = high
        self.low = low
    }

    static func < (lhs: PersonKey, rhs: PersonKey) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
