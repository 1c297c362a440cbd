import GRDB

/// The metrics migrations: the report outbox and the indexes the figures query needs. Registered after the
/// ledger's own migrations; like them, never edited once shipped.
enum MetricsSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-metrics-outbox") { db in
            try db.execute(sql: """
                CREATE TABLE report_outbox (
                    report_id TEXT PRIMARY KEY NOT NULL,
                    facility_code TEXT NOT NULL,
                    period TEXT NOT NULL,
                    body BLOB NOT NULL,
                    format TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                    last_error TEXT,
                    enqueued_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    finished_at TEXT
                );
                CREATE INDEX report_outbox_state ON report_outbox(state, enqueued_at);
                -- The body is fixed at enqueue: every retry must send the same bytes under the same key.
                CREATE TRIGGER report_outbox_body_fixed BEFORE UPDATE OF body, report_id ON report_outbox
                    BEGIN SELECT RAISE(ABORT, 'a queued report body never changes'); END;
                -- Partial indexes: only releases, transfers and budget spends, so appends barely pay for them.
                CREATE INDEX ledger_event_movement ON ledger_event(person_id, type)
                    WHERE type IN ('person.released', 'person.transferred');
                CREATE INDEX ledger_event_budget ON ledger_event(facility_code)
                    WHERE type = 'metrics.privacy-budget-spent';
                """)
        }
    }
}
