import GRDB
import GRDBSQLite

/// Per-person running totals over one period's rows, found through a `PersonIndex` of the person ids' bytes.
///
/// SQLite can group the period's rows by person only by sorting them on the 36-character id, which grows faster
/// than the rows (a 20,000-person quarter sorted ten times the rows of a 2,000-person one at 13 times the cost);
/// one pass over the date index into this table grows with the rows. `persons` hands the totals back in person id
/// order, the order SQLite's `GROUP BY person_id` gives them, so totals summed from them are summed as before.
struct PersonTally<Totals> {
    /// Every person met, with its totals, in the order first met.
    private(set) var index = PersonIndex<Totals>()
    private let empty: Totals

    init(empty: Totals) { self.empty = empty }

    /// Steps `statement`, whose first column is a stored person id, and lets `update` fold each row (read
    /// through SQLite's C API, columns from 1) into that person's totals.
    /// - Returns: `false`, having stopped, when a row's id is not 36 bytes of text (never written by the store);
    ///   the caller then groups in SQL instead.
    mutating func fold(
        _ statement: Statement, _ update: (inout Totals, SQLiteStatement) -> Void
    ) throws -> Bool {
        let raw = statement.sqliteStatement
        let empty = empty
        let rows = try Row.fetchCursor(statement)
        while try rows.next() != nil {
            guard let text = sqlite3_column_text(raw, 0),
                let key = PersonKey(text: text, count: Int(sqlite3_column_bytes(raw, 0)))
            else { return false }
            index.update(key, initial: empty) { update(&$0, raw) }
        }
        return true
    }

    /// Every person's totals, in person id order.
    var persons: [Totals] {
        let entries = index.entries
        return entries.indices.sorted { entries[$0].key < entries[$1].key }.map { entries[$0].value }
    }
}

/// A stored person id (36 bytes of text, the 8-4-4-4-12 form) held as its bytes in five words, for hashing.
/// The words are loaded big-endian, so two keys are equal exactly when the texts are and order as SQLite's
/// binary collation orders the texts; no parsing is needed. An id of any other length has no key.
struct PersonKey: Hashable, Comparable {
    var word0: UInt64
    var word1: UInt64
    var word2: UInt64
    var word3: UInt64
    var tail: UInt32

    init?(text: UnsafePointer<UInt8>, count: Int) {
        guard count == 36 else { return nil }
        let raw = UnsafeRawPointer(text)
        word0 = UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))
        word1 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        word2 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        word3 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        tail = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
    }

    static func < (lhs: PersonKey, rhs: PersonKey) -> Bool {
        (lhs.word0, lhs.word1, lhs.word2, lhs.word3, lhs.tail) < (rhs.word0, rhs.word1, rhs.word2, rhs.word3, rhs.tail)
    }
}
