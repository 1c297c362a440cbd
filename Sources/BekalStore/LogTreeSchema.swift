import BekalLog
import GRDB

/// The Merkle log's stored node hashes, registered after every earlier migration; never edited once shipped.
///
/// `ledger_tree_tile` holds the hash of every complete subtree of the log (RFC 9162 §2.1), level by level, 64
/// consecutive nodes of one level per row: the hashes of `MerkleNode(level, 64·tile …)` concatenated, 32 bytes
/// each. The last tile of each level is partial and grows. With every complete subtree stored, the root of any
/// size n and any inclusion or consistency proof fold at most a few dozen node hashes, read from one tile row
/// per level: O(log n) reads at any ledger size. Packing 64 nodes per row keeps the bulk import's cost to about
/// one row write per 32 events, and the file about 64 bytes per event larger.
///
/// The rows are derived data maintained in the same transaction as every append (`LogTreeWriter`); they are
/// not trusted by verification, which recomputes every leaf from the stored event columns.
enum LogTreeSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-log-tree") { db in
            try db.execute(sql: """
                CREATE TABLE ledger_tree_tile (
                    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
                    tile INTEGER NOT NULL CHECK (tile >= 0),
                    hashes BLOB NOT NULL CHECK (length(hashes) BETWEEN 32 AND 2048 AND length(hashes) % 32 = 0),
                    PRIMARY KEY (level, tile)
                ) WITHOUT ROWID
                """)
            // Existing ledgers: every event already recorded becomes a leaf, in sequence order.
            try LogTreeWriter.build(db)
        }
    }
}
