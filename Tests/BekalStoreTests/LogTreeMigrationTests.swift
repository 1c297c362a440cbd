import BekalDomain
import BekalLog
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// Ledgers already in use were written before `v5-log-tree`; opening one must build the tree over every event
/// it holds, equal to the tree the append path builds and to an independent recomputation.
@Suite("The log tree migration on a ledger from the previous schema")
struct LogTreeMigrationTests {
    static let lastShipped = "v4-import-drop-ledger-event-person"
    let logger = Logger(label: "test")

    @Test("opening a previous-schema ledger backfills the tree; roots and proofs equal a fresh computation")
    func backfill() throws {
        let (home, events) = try FiguresIndexMigrationTests().previousSchemaLedger(
            people: 40, seed: 3, upTo: Self.lastShipped)
        defer { try? FileManager.default.removeItem(at: home.deletingLastPathComponent()) }
        let current = try Ledger(home: home.deletingLastPathComponent().appendingPathComponent("current"), logger: logger)
        let queue = try DatabaseQueue(path: home.appendingPathComponent(Ledger.databaseFileName).path)
        let before = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid").last,
             try db.tableExists("ledger_tree_tile"))
        }
        try queue.close()
        // The file really is at the previous schema, so the migration has work to do.
        #expect(before.0 == Self.lastShipped && before.1 == false)

        let migrated = try Ledger(home: home, logger: logger)
        let entries = try migrated.read { db in try IndependentLeaf.entries(db) }
        #expect(entries.count == events.count && entries.count > 1_000)
        let head = try migrated.treeHead()
        #expect(head.root.bytes == IndependentLeaf.root(entries[...]))
        #expect(head == (try current.treeHead()))
        #expect(try migrated.treeHead(size: 777) == (try current.treeHead(size: 777)))
        #expect(try migrated.consistencyProof(from: 500, to: Int64(head.size))
            == (try current.consistencyProof(from: 500, to: Int64(head.size))))
        // The demo data names evidence files by made-up hashes (no files exist), so that check is left out.
        let audit = try migrated.audit(against: head, checks: [.coveredHistory, .storedTree, .projections])
        #expect(audit.isIntact, "\(audit.failures)")
    }
}
