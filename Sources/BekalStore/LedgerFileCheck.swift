import Foundation
import GRDB

/// Checks that a file is a Bekal ledger before anything is written to it: an empty file, another program's
/// database, one marked by a newer Bekal, or one found damaged is refused, so that a write never lands in a file
/// that is not (or no longer) a sound ledger.
enum LedgerFileCheck {
    /// `PRAGMA application_id` of a Bekal ledger: "BEKL".
    static let applicationID: Int32 = 0x4245_4B4C
    /// The schema generation this Bekal writes into `PRAGMA user_version`; a larger one was written by a newer Bekal.
    static let schemaGeneration: Int32 = 7

    /// The marker left beside a ledger found damaged (by `ledger verify` or any read that met a corrupt page).
    static func damageMarker(_ file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".damaged")
    }

    /// Refuses an empty file or one marked damaged, before SQLite opens it (SQLite would treat an empty file as a
    /// new database and the migrations would turn it into an empty ledger).
    static func checkFile(_ file: URL) throws {
        if FileManager.default.fileExists(atPath: damageMarker(file).path) {
            throw StoreError(.corrupted, """
                the ledger was found damaged and is closed for writing; restore it from a backup, check it with \
                `bekal ledger verify`, then remove \(damageMarker(file).lastPathComponent)
                """)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { throw StoreError(.corrupted, "the database file is empty: it is not a Bekal ledger") }
    }

    /// Refuses a database that is not a Bekal ledger or was written by a newer Bekal; run before migrating.
    static func checkDatabase(_ db: Database) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let hasLedger = try db.tableExists("ledger_event")
        if application != 0 && application != applicationID || !hasLedger {
            throw StoreError(.corrupted, "the database file is not a Bekal ledger")
        }
        if version > schemaGeneration {
            throw StoreError(.newerSchema, "the database was written by a newer version of Bekal; upgrade Bekal")
        }
    }

    /// Whether an error is SQLite reporting a damaged file (not merely a file that is not a ledger).
    static func isDamage(_ error: StoreError) -> Bool {
        guard let cause = error.cause as? DatabaseError else { return false }
        return cause.resultCode == .SQLITE_CORRUPT || cause.resultCode == .SQLITE_NOTADB
    }

    /// Marks the ledger damaged (after SQLite reported a corrupt page), so no later command writes to it.
    static func markDamaged(_ file: URL) {
        FileManager.default.createFile(atPath: damageMarker(file).path, contents: Data(
            "SQLite reported this ledger damaged; writing is refused until it is restored.\n".utf8))
    }

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-ledger-file-identity") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = \(schemaGeneration)")
        }
    }
}
