import GRDB

/// The natural-key index keyed by person (v10). Never edited once shipped.
enum NaturalKeySchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // A natural key is a SHA-256, so the v1 index on it alone took every imported row to a random leaf: at
        // 20,000 people (2 million keys, ≈ 156 MiB of index by proportion to the 15.6 MiB measured at 2,000) most
        // inserts missed the 64 MiB page cache, read a page and later spilled it to the WAL, and the import's kernel time grew ≈ 30-fold for 10 times the
        // rows. Led by the person, the keys of one person's rows (which a file lists together) share a leaf.
        //
        // Uniqueness is unchanged for a file's rows: a natural key is a digest of the row's whole content and the
        // person column is part of it, so one key never names two people, except where a register number now
        // names a different person than when the row was first imported (a correction gave it to someone else):
        // that row is now recorded for the person it names today instead of being skipped. `person.added` rows
        // (whose person id is new on every import) and rows without a person share the empty lead, so the same
        // person row is still recognised on a second import.
        migrator.registerMigration("v10-natural-key-by-person") { db in
            try db.execute(sql: """
                CREATE UNIQUE INDEX ledger_event_natural_key_by_person ON ledger_event(
                    CASE WHEN type = 'person.added' OR person_id IS NULL THEN '' ELSE person_id END, natural_key)
                    WHERE natural_key IS NOT NULL;
                DROP INDEX ledger_event_natural_key;
                """)
        }
    }
}
