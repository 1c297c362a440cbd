import GRDB

/// The import's migrations, registered after the metrics, status and figures-index (v3) migrations; never
/// edited once shipped.
enum ImportSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // No query reads ledger_event by person_id alone (reads go through the projections, and movements
        // through the partial index ledger_event_movement), yet every append paid for this index: one more
        // B-tree insert per event, keyed by person, so scattered over the whole index during an import.
        migrator.registerMigration("v4-import-drop-ledger-event-person") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS ledger_event_person")
        }
    }
}
