import BekalDomain
import GRDB

/// The indexes that let one period's figures read only that period's rows (`ProgrammeFiguresQuery`). Registered
/// after the metrics and status migrations; like them, never edited once shipped.
///
/// Every index leads with the date, so a quarter is one range of each index, and holds every column the figures
/// read, so no table row is visited. The production grade and unit and the certificate scheme live only in the
/// row's JSON; VIRTUAL generated columns name them (computed when a row is written, stored only in the index), so
/// the index can hold them without the projection inserts changing. SQLite 3.40 cannot read an indexed
/// *expression* back from an index, but it does read an indexed generated column.
enum FiguresIndexSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-date-covering-indexes") { db in
            try db.execute(sql: """
                ALTER TABLE production ADD COLUMN unit TEXT
                    GENERATED ALWAYS AS (json_extract(json, '$.unit')) VIRTUAL;
                ALTER TABLE production ADD COLUMN grade TEXT
                    GENERATED ALWAYS AS (json_extract(json, '$.grade')) VIRTUAL;
                ALTER TABLE certificate ADD COLUMN scheme TEXT
                    GENERATED ALWAYS AS (json_extract(json, '$.scheme')) VIRTUAL;
                CREATE INDEX assessment_date ON assessment(date, unit_code, person_id, sequence, outcome);
                CREATE INDEX training_date ON training(date, person_id, hours);
                CREATE INDEX production_date ON production(date, unit, grade, person_id, quantity);
                CREATE INDEX certificate_date ON certificate(issued_on, scheme, person_id);
                """)
        }
    }

    /// The projection table an import of `kind` fills and its date-led index from the migration above, for
    /// `DeferredIndex`; `nil` for persons, whose table has none.
    static func dateIndex(importing kind: ImportKind) -> (table: String, index: String)? {
        switch kind {
        case .persons: nil
        case .assessments: ("assessment", "assessment_date")
        case .training: ("training", "training_date")
        case .production: ("production", "production_date")
        case .certificates: ("certificate", "certificate_date")
        }
    }
}
