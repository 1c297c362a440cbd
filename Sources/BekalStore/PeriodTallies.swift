import BekalDomain

import GRDB
import GRDBSQLite

extension ProgrammeFiguresQuery {
    /// One pass over each period table's date index into per-person tallies (`PersonTally`), from which the
    /// participants, training bands and graded pieces are counted without SQLite sorting the period's rows by
    /// person id (the sorts and the person-index walk grew faster than the rows). `nil` when a stored person id
    /// is not 36 bytes long; the figures then come from the SQL forms, which the tests also hold these to.
    struct PeriodTallies {
        var training: PersonTally<Double>
        var production: PersonTally<ProducedPieces>
        /// Every person with an assessment, training or production entry (of any unit) in the period.
        var participants: PersonIndex<Void>

        init?(_ w: Window, _ db: Database) throws {
            guard let training = try trainingTally(w, db), let production = try productionTally(w, db) else {
                return nil
            }
            var assessed = PersonTally(empty: ())
            let statement = try db.cachedStatement(
                sql: "SELECT person_id FROM assessment WHERE date BETWEEN :first AND :last")
            try statement.setArguments(w.arguments)
            guard try assessed.fold(statement, { _, _ in }) else { return nil }
            self.training = training
            self.production = production
            var participants = assessed.index
            for entry in training.index.entries { participants.update(entry.key, initial: ()) { _ in } }
            for entry in production.index.entries { participants.update(entry.key, initial: ()) { _ in } }
            self.participants = participants
        }
    }

    /// A person's piece entries of the period: pieces per grade lane, a bit per grade met, and whether any entry
    /// was in pieces (a contributor). Entries in other units make the person a participant only.
    struct ProducedPieces {
        var pieces = SIMD4<Double>()
        var has: UInt8 = 0
        var contributes = false
    }

    static func trainingTally(_ w: Window, _ db: Database) throws -> PersonTally<Double>? {
        let statement = try db.cachedStatement(
            sql: "SELECT person_id, hours FROM training WHERE date BETWEEN :first AND :last")
        try statement.setArguments(w.arguments)
        var tally = PersonTally(empty: 0.0)
        guard try tally.fold(statement, { hours, row in hours += sqlite3_column_double(row, 1) }) else { return nil }
        return tally
    }

    static func productionTally(_ w: Window, _ db: Database) throws -> PersonTally<ProducedPieces>? {
        let grades = QualityGrade.allCases.map { Array($0.rawValue.utf8) }
        // Four lanes hold the grades (there are three), so a person's totals are plain values.
        guard grades.count <= 4 else { return nil }
        let statement = try db.cachedStatement(sql: """
            SELECT person_id, unit = 'pieces', grade, quantity FROM production WHERE date BETWEEN :first AND :last
            """)
        try statement.setArguments(w.arguments)
        var tally = PersonTally(empty: ProducedPieces())
        let folded = try tally.fold(statement) { person, row in
            guard sqlite3_column_type(row, 1) == SQLITE_INTEGER && sqlite3_column_int64(row, 1) == 1 else { return }
            // A pieces entry makes a contributor even without one of the grades, as the SQL form counts it.
            person.contributes = true
            guard let text = sqlite3_column_text(row, 2) else { return }
            let grade = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, 2)))
            guard let index = grades.firstIndex(where: { $0.elementsEqual(grade) }) else { return }
            person.pieces[index] += sqlite3_column_double(row, 3)
            person.has |= 1 << index
        }
        return folded ? tally : nil
    }

    /// Persons and their summed hours per training band.
    static func bands(_ tally: PersonTally<Double>) -> [Int: (Int, Double)] {
        let bands = ProgrammeFigures.trainingBands
        var byBand: [Int: (Int, Double)] = [:]
        for hours in tally.persons where hours > 0 && hours >= bands[0].lower {
            // Band n holds sums in [lower, upper); the bands are contiguous.
            let band = bands.indices.dropLast().first { hours < bands[$0].upper } ?? bands.count - 1
            let (persons, sum) = byBand[band] ?? (0, 0)
            byBand[band] = (persons + 1, sum + hours)
        }
        return byBand
    }

    /// Per grade, the pieces summed over persons in person id order (as the SQL form sums them) and the persons
    /// with any; the contributors are the persons with any piece entry.
    static func gradedPieces(_ tally: PersonTally<ProducedPieces>) -> GradedPieces {
        let count = QualityGrade.allCases.count
        var graded = GradedPieces(
            pieces: Array(repeating: 0, count: count), persons: Array(repeating: 0, count: count), contributors: 0)
        for person in tally.persons where person.contributes {
            graded.contributors += 1
            for index in 0..<count where person.has & (1 << index) != 0 {
                graded.pieces[index] += person.pieces[index]
                graded.persons[index] += 1
            }
        }
        return graded
    }

    /// Participants per status: each of `persons` counts under its latest release or transfer on or before the
    /// period's last day (the same `movement` rows and rule as the SQL form), else as active. `nil` when a
    /// moved person's id is not 36 bytes long.
    static func participantCounts(_ w: Window, persons: PersonIndex<Void>, _ db: Database) throws -> [String: Int]? {
        let rows = try Row.fetchAll(db, sql: """
            WITH \(movements),
            \(latestMovement)
            SELECT person_id, CASE
                    WHEN transferred_on IS NOT NULL
                        AND (released_on IS NULL OR transferred_on > released_on) THEN 'transferred'
                    WHEN released_on IS NOT NULL THEN 'released'
                    ELSE 'active' END AS status
            FROM latest
            """, arguments: w.arguments)
        var counts: [String: Int] = [:]
        var moved = 0
        for row in rows {
            guard var id = row["person_id"] as String? else { continue }
            let key = id.withUTF8 { utf8 in utf8.baseAddress.flatMap { PersonKey(text: $0, count: utf8.count) } }
            guard let key else { return nil }
            guard persons.contains(key) else { continue }
            counts[row["status"], default: 0] += 1
            moved += 1
        }
        counts[PersonStatus.active.rawValue, default: 0] += persons.count - moved
        return counts
    }
}
