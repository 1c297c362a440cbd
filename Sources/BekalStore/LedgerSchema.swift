import GRDB

/// The database schema. A migration is never edited after it ships; a change is a new migration.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE ledger_event (
                    sequence INTEGER PRIMARY KEY,
                    event_id TEXT UNIQUE NOT NULL,
                    type TEXT NOT NULL,
                    person_id TEXT,
                    payload TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    facility_code TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    natural_key TEXT,
                    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                    hash TEXT NOT NULL CHECK (length(hash) = 64)
                );
                CREATE UNIQUE INDEX ledger_event_natural_key ON ledger_event(natural_key)
                    WHERE natural_key IS NOT NULL;
                CREATE INDEX ledger_event_person ON ledger_event(person_id);
                CREATE TRIGGER ledger_event_no_update BEFORE UPDATE ON ledger_event
                    BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
                CREATE TRIGGER ledger_event_no_delete BEFORE DELETE ON ledger_event
                    BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
                """)
            try createProjections(db)
        }
        MetricsSchema.register(in: &migrator)
        StatusAllocationSchema.register(in: &migrator)
        FiguresIndexSchema.register(in: &migrator)
        ImportSchema.register(in: &migrator)
        LogTreeSchema.register(in: &migrator)
        OutboxLeaseSchema.register(in: &migrator)
        PersonMovementSchema.register(in: &migrator)
        LedgerFileCheck.register(in: &migrator)
        AccountSchema.register(in: &migrator)
        DeliverySchema.register(in: &migrator)
        AccountRoleSchema.register(in: &migrator)
        NaturalKeySchema.register(in: &migrator)
        DeliveryPersonSchema.register(in: &migrator)
        MovementDaySchema.register(in: &migrator)
        return migrator
    }

    /// The projection tables: query state derived from the ledger, dropped and replayed by a rebuild.
    static func createProjections(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE facility (
                code TEXT PRIMARY KEY NOT NULL CHECK (code <> ''),
                name TEXT NOT NULL CHECK (name <> '')
            );
            CREATE TABLE framework (
                id TEXT NOT NULL,
                version TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (id, version)
            );
            CREATE TABLE person (
                id TEXT PRIMARY KEY NOT NULL,
                event_id TEXT NOT NULL UNIQUE,
                register_number TEXT NOT NULL UNIQUE CHECK (register_number <> ''),
                admission_date TEXT NOT NULL,
                expected_release_date TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('active', 'released', 'transferred')),
                facility_code TEXT NOT NULL,
                json TEXT NOT NULL
            );
            CREATE TABLE assessment (
                event_id TEXT PRIMARY KEY NOT NULL,
                person_id TEXT NOT NULL REFERENCES person(id),
                framework_id TEXT NOT NULL,
                framework_version TEXT NOT NULL,
                unit_code TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('K', 'BK')),
                date TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                json TEXT NOT NULL,
                FOREIGN KEY (framework_id, framework_version) REFERENCES framework(id, version)
            );
            CREATE INDEX assessment_person ON assessment(person_id, date, sequence);
            CREATE TABLE certificate (
                event_id TEXT PRIMARY KEY NOT NULL,
                person_id TEXT NOT NULL REFERENCES person(id),
                issued_on TEXT NOT NULL,
                expires_on TEXT NOT NULL CHECK (expires_on >= issued_on),
                sequence INTEGER NOT NULL,
                json TEXT NOT NULL
            );
            CREATE INDEX certificate_person ON certificate(person_id, issued_on, sequence);
            CREATE TABLE training (
                event_id TEXT PRIMARY KEY NOT NULL,
                person_id TEXT NOT NULL REFERENCES person(id),
                date TEXT NOT NULL,
                hours REAL NOT NULL CHECK (hours > 0),
                sequence INTEGER NOT NULL,
                json TEXT NOT NULL
            );
            CREATE INDEX training_person ON training(person_id, date, sequence);
            CREATE TABLE production (
                event_id TEXT PRIMARY KEY NOT NULL,
                person_id TEXT NOT NULL REFERENCES person(id),
                date TEXT NOT NULL,
                quantity REAL NOT NULL CHECK (quantity >= 0),
                sequence INTEGER NOT NULL,
                json TEXT NOT NULL
            );
            CREATE INDEX production_person ON production(person_id, date, sequence);
            CREATE TABLE revocation (
                credential_id TEXT PRIMARY KEY NOT NULL,
                reason TEXT NOT NULL,
                event_id TEXT NOT NULL
            );
            """)
    }

    /// Projection tables, children first so that deleting in this order respects the foreign keys.
    static let projectionTables = [
        "caseload", "verification_code", "assessment", "certificate", "training", "production", "revocation", "person", "framework", "facility", "account",
    ]
}
