import BekalDomain
import GRDB

/// When a person left and their verification code (v7); never edited once shipped.
enum PersonMovementSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // Records dated after a release or transfer are refused, so the person row keeps the day they left;
        // existing ledgers take it from their movement events.
        migrator.registerMigration("v7-person-left-on-verification-code") { db in
            try db.execute(sql: """
                ALTER TABLE person ADD COLUMN left_on TEXT;
                CREATE TABLE verification_code (
                    person_id TEXT PRIMARY KEY NOT NULL REFERENCES person(id),
                    code TEXT NOT NULL CHECK (length(code) = 13),
                    event_id TEXT NOT NULL
                );
                """)
            let rows = try Row.fetchAll(db, sql: """
                SELECT sequence, payload FROM ledger_event
                WHERE type IN ('person.released', 'person.transferred') ORDER BY sequence
                """)
            for row in rows {
                try Projection.applyMovement(try PayloadCoding.decode(row["payload"], sequence: row["sequence"]), db)
            }
        }
    }
}
