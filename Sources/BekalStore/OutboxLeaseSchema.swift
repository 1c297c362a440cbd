import GRDB

/// The outbox lease and the person-history index (v6); never edited once shipped.
enum OutboxLeaseSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // Two `bekal publish` runs on one data directory each claim a report before sending it, so every report
        // is sent by one run only (before, both sent everything and relied on the receiver to de-duplicate).
        migrator.registerMigration("v6-outbox-lease") { db in
            try db.execute(sql: """
                ALTER TABLE report_outbox ADD COLUMN lease_holder TEXT;
                ALTER TABLE report_outbox ADD COLUMN lease_until TEXT;
                """)
        }
        // A person's history (every event about them, corrections included) is read on every person page; the
        // index v4 dropped for import speed comes back as (person_id, sequence), which also orders the history.
        migrator.registerMigration("v6-person-history-index") { db in
            try db.execute(sql: """
                CREATE INDEX ledger_event_person_history ON ledger_event(person_id, sequence)
                    WHERE person_id IS NOT NULL
                """)
        }
    }
}
