import GRDB

/// The Bapas's own database (`bapas.sqlite`, next to the ledger that keeps its staff accounts): the trust lists it
/// imported (its trust registry, kept as the history of imports), the secrets facilities deliver with, the
/// portfolios it received and the status lists that came with them. Never edit a shipped migration; add one.
enum BapasSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("bapas-v1") { db in
            // Every import, in order: the registry is these lists merged one after the other, so the table is also
            // the registry's change history.
            try db.execute(sql: """
                CREATE TABLE trust_list_import (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    imported_at TEXT NOT NULL,
                    imported_by TEXT NOT NULL,
                    facility_names TEXT NOT NULL,
                    signed_by TEXT NOT NULL,
                    list BLOB NOT NULL
                );
                CREATE TABLE facility_secret (
                    facility_code TEXT PRIMARY KEY,
                    token_sha256 BLOB NOT NULL UNIQUE,
                    set_at TEXT NOT NULL
                );
                CREATE TABLE received_portfolio (
                    id TEXT PRIMARY KEY,
                    sender_code TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL,
                    body BLOB NOT NULL,
                    sha256 TEXT NOT NULL,
                    verdict TEXT NOT NULL,
                    sentence TEXT NOT NULL,
                    facility_name TEXT,
                    holder TEXT,
                    release_date TEXT,
                    received_at TEXT NOT NULL,
                    verified_at TEXT NOT NULL,
                    UNIQUE (sender_code, idempotency_key)
                );
                CREATE INDEX received_portfolio_order ON received_portfolio(received_at);
                CREATE TABLE received_status_list (
                    url TEXT PRIMARY KEY,
                    body BLOB NOT NULL,
                    received_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("bapas-v2-sentence-english") { db in
            // The verdict's sentence in English too, for the English pages (NULL for portfolios received before,
            // until they are verified again).
            try db.execute(sql: "ALTER TABLE received_portfolio ADD COLUMN sentence_en TEXT")
        }
        return migrator
    }
}
