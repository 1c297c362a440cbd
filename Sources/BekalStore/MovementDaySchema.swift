import GRDB

/// Release and transfer days readable from an index (v12). Never edited once shipped.
///
/// The programme figures read every release and transfer with its day and release kind. Those live only in the
/// event's JSON, so the partial index `ledger_event_movement` (the metrics migration) found the events but SQLite then
/// read each one's table row: one 16 KiB page per event, scattered over the whole ledger. At 20,000 people that is
/// 3,000 pages (≈ 48 MB) per quarter's figures, more than the 32 MiB page cache, so every figures read fetched
/// them again and pushed the period's index pages out with them (16 ms of 183 ms, and the kernel copying pages
/// ≈ 11% of the samples). VIRTUAL generated columns name the day and the kind, computed only when a movement
/// event is written, stored only in the new partial index, which covers the figures' movement read and replaces
/// the old one, whose columns it starts with (a Bekal from before this migration refuses the migrated ledger as
/// newer, so none reads the old index again). Building it reads the events once: 1.4–1.7 s for a 20,000-person
/// ledger (2 million events, 1.2 GB) in the OS cache.
enum MovementDaySchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-movement-day-index") { db in
            try db.execute(sql: """
                ALTER TABLE ledger_event ADD COLUMN movement_day TEXT GENERATED ALWAYS AS (
                    CASE type WHEN 'person.released' THEN json_extract(payload, '$.released._0.date')
                              WHEN 'person.transferred' THEN json_extract(payload, '$.transferred._0.date') END
                ) VIRTUAL;
                ALTER TABLE ledger_event ADD COLUMN release_kind TEXT GENERATED ALWAYS AS (
                    CASE type WHEN 'person.released' THEN json_extract(payload, '$.released._0.kind') END
                ) VIRTUAL;
                CREATE INDEX ledger_event_movement_day
                    ON ledger_event(person_id, type, movement_day, sequence, release_kind)
                    WHERE type IN ('person.released', 'person.transferred');
                DROP INDEX ledger_event_movement;
                """)
        }
    }
}
