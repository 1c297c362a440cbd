import GRDB

/// The `pk` role (v9): a Bapas's parole officers sign in with accounts of its ledger. Never edited once shipped.
enum AccountRoleSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // SQLite cannot change a CHECK constraint: the account projection is copied into a table with the new one
        // (GRDB runs migrations with foreign keys deferred and checks them after, so `caseload` keeps pointing at it).
        migrator.registerMigration("v9-account-role-pk") { db in
            try db.execute(sql: """
                CREATE TABLE account_v9 (
                    name TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
                    role TEXT NOT NULL CHECK (role IN ('admin', 'counselor', 'assessor', 'viewer', 'pk')),
                    display_name TEXT,
                    active INTEGER NOT NULL CHECK (active IN (0, 1)),
                    event_id TEXT NOT NULL
                );
                INSERT INTO account_v9 (name, role, display_name, active, event_id)
                    SELECT name, role, display_name, active, event_id FROM account;
                DROP TABLE account;
                ALTER TABLE account_v9 RENAME TO account;
                """)
        }
    }
}
