import BekalDomain
import GRDB

/// A date-led figures index (`FiguresIndexSchema`) taken down while a large import fills its table, and built
/// again from the table before the import commits.
///
/// Those indexes lead with the date, and a file lists each person's rows together with dates spread over years,
/// so consecutive rows land on random leaves. Once the index outgrows the page cache every row reads a leaf and
/// later spills it to the WAL; building the index once from the finished table is one sort. Measured at 20,000
/// people (1,000,278 production rows into an empty table, 64 MiB cache): 48.8 s with `production_date` kept row
/// by row, 40.7 s without it plus 2.6 s to build it afterwards; at 2,000 people the two were level. This is
/// SQLite's own advice for bulk loads (create the index after loading), applied only where it pays.
///
/// The index is dropped only once the batch has appended as many rows as its table held when the batch began,
/// and at least `minimumRows`: a monthly file into a large table keeps the index (rebuilding would cost the
/// whole table), and a file whose rows are all recorded already never drops it. Both steps run inside the
/// import's one transaction, so a failed or killed import leaves the index exactly as it was, and the index
/// comes back from its own `CREATE INDEX` text in `sqlite_master`: the schema the migrations made, unchanged.
struct DeferredIndex {
    /// Fewer appended rows than this never drop an index: below it the index stays in the page cache.
    static let minimumRows = 50_000

    /// The index's name.
    let name: String
    /// Appended rows after which the index is dropped.
    let threshold: Int
    /// The index's `CREATE INDEX` statement as `sqlite_master` holds it.
    private let definition: String
    /// Whether the index is down, to be built again by `restore`.
    private var isDropped = false

    /// The deferred index of an import of `kind` into this ledger, or `nil` when that kind's table has none or
    /// the index is not there.
    /// - Parameter minimumRows: `DeferredIndex.minimumRows` but in tests, which use small files.
    init?(importing kind: ImportKind, minimumRows: Int = Self.minimumRows, _ db: Database) throws {
        guard let (table, index) = FiguresIndexSchema.dateIndex(importing: kind),
            let definition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND tbl_name = ?",
                arguments: [index, table])
        else { return nil }
        // The largest rowid instead of counting the rows: never less than the count (a retracted record's row
        // leaves a gap), so the estimate errs toward keeping the index.
        let rows = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)") ?? 0
        name = index
        threshold = max(minimumRows, rows)
        self.definition = definition
    }

    /// Drops the index once `appended` reaches the threshold; does nothing before or after.
    mutating func dropIfDue(appended: Int, _ db: Database) throws {
        guard !isDropped, appended >= threshold else { return }
        try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        isDropped = true
    }

    /// Builds the index again when it was dropped; the batch calls this before it commits.
    /// - Returns: the index's name when it was built again, `nil` when it had stayed up.
    ///
    /// SQLite's sorter keeps up to the page cache's size in memory besides the cache itself, which took a
    /// 20,000-person import from 138 to 200 MiB; the sort runs with `sortCache` instead (it merges runs from a
    /// temporary file beyond that), and the connection's cache size is put back after it.
    mutating func restore(_ db: Database) throws -> String? {
        guard isDropped else { return nil }
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? Ledger.cacheSize
        try db.execute(sql: "PRAGMA cache_size = \(Self.sortCache)")
        try db.execute(sql: definition)
        try db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
        isDropped = false
        return name
    }

    /// The page cache (and so the sorter's memory) while the index is built: 16 MiB, in SQLite's unit.
    static let sortCache = -16_384
}
