import GRDB

/// Staff accounts, caseloads and password hashes (v8); never edited once shipped.
enum AccountSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // `account` and `caseload` are projections of the ledger's account events (dropped and replayed by a
        // rebuild). `account_password` is not: a password hash is a secret that must be replaceable and never
        // enter the append-only, exported-in-part ledger, so it lives beside it, written in its own transactions;
        // a rebuild leaves it alone (hence no foreign key to `account`).
        migrator.registerMigration("v8-accounts-caseload") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    name TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
                    role TEXT NOT NULL CHECK (role IN ('admin', 'counselor', 'assessor', 'viewer')),
                    display_name TEXT,
                    active INTEGER NOT NULL CHECK (active IN (0, 1)),
                    event_id TEXT NOT NULL
                );
                CREATE TABLE caseload (
                    person_id TEXT PRIMARY KEY NOT NULL REFERENCES person(id),
                    counselor TEXT NOT NULL REFERENCES account(name),
                    event_id TEXT NOT NULL
                );
                CREATE INDEX caseload_counselor ON caseload(counselor);
                CREATE TABLE account_password (
                    name TEXT PRIMARY KEY NOT NULL,
                    hash TEXT NOT NULL CHECK (hash LIKE '$2%'),
                    changed_at TEXT NOT NULL
                );
                """)
        }
    }
}
