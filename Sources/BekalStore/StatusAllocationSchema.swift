import GRDB

/// The table that keeps every credential's Bitstring Status List index. It is not a projection: indices are
/// handed out at export time, not derived from events, so a projection rebuild never touches it.
enum StatusAllocationSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-status-allocation") { db in
            try db.execute(sql: """
                CREATE TABLE status_allocation (
                    credential_id TEXT PRIMARY KEY NOT NULL CHECK (credential_id <> ''),
                    list_url TEXT NOT NULL CHECK (list_url <> ''),
                    status_index INTEGER NOT NULL CHECK (status_index >= 0),
                    person_id TEXT,
                    allocated_at TEXT NOT NULL,
                    UNIQUE (list_url, status_index)
                );
                CREATE INDEX status_allocation_person ON status_allocation(person_id);
                """)
        }
    }
}
