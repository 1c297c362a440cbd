import GRDB

/// The portfolio-delivery outbox (v9); never edited once shipped.
enum DeliverySchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // `bekal send` queues a person's export for a Bapas here, then delivers it like a report (leases,
        // attempts, Idempotency-Key = delivery id). A separate table from `report_outbox`, so `bekal publish` never
        // sends a portfolio to the ministry's endpoint.
        migrator.registerMigration("v9-portfolio-delivery") { db in
            try db.execute(sql: """
                CREATE TABLE portfolio_delivery (
                    delivery_id TEXT PRIMARY KEY,
                    destination TEXT NOT NULL,
                    facility_code TEXT NOT NULL,
                    body BLOB NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    enqueued_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    finished_at TEXT,
                    lease_holder TEXT,
                    lease_until TEXT
                );
                CREATE INDEX portfolio_delivery_pending ON portfolio_delivery(destination, state, enqueued_at);
                """)
        }
    }
}
