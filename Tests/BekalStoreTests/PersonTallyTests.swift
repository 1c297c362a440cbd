import BekalDomain
import Foundation
import GRDB
import Testing
@testable import BekalStore

/// The figures grouped per person by hashing (`PersonTally`) must equal the same figures grouped by SQLite's sort,
/// the obvious form they replace, for every period and seed; and the person-id key must be exact.
@Suite("Per-person tallies agree with SQL grouping")
struct PersonTallyTests {
    static func window(_ period: ReportingPeriod) -> ProgrammeFiguresQuery.Window {
        ProgrammeFiguresQuery.Window(first: period.firstDay.description, last: period.lastDay.description)
    }

    static func bands(_ byBand: [Int: (Int, Double)]) -> [String] {
        byBand.keys.sorted().map { "\($0): \(byBand[$0]!.0) persons, \(byBand[$0]!.1) hours" }
    }

    @Test("training bands and graded pieces equal the GROUP BY forms in every period", arguments: [UInt64(1), 7, 42])
    func tallyEqualsGroupBy(seed: UInt64) throws {
        let (ledger, _) = try ProgrammeFiguresQueryTests.demoLedger(people: 60, seed: seed)
        try ledger.read { db in
            var nonEmpty = 0
            for period in ProgrammeFiguresQueryTests.periods + [ReportingPeriod("2024-Q1")!] {
                let window = Self.window(period)
                let tallied = try #require(try ProgrammeFiguresQuery.trainingBandsTallied(window, db))
                let grouped = try ProgrammeFiguresQuery.trainingBandsGrouped(window, db)
                #expect(Self.bands(tallied) == Self.bands(grouped), "training \(period)")
                let pieces = try #require(try ProgrammeFiguresQuery.gradedPiecesTallied(window, db))
                #expect(pieces == (try ProgrammeFiguresQuery.gradedPiecesGrouped(window, db)), "production \(period)")
                if pieces.contributors > 0 && !grouped.isEmpty { nonEmpty += 1 }
            }
            #expect(nonEmpty >= 4)
        }
    }

    @Test("participants counted from the tallies equal the walk over the persons in every period",
          arguments: [UInt64(1), 7, 42])
    func participantsFromTallies(seed: UInt64) throws {
        let (ledger, _) = try ProgrammeFiguresQueryTests.demoLedger(people: 60, seed: seed)
        try ledger.read { db in
            var moved = 0
            for period in ProgrammeFiguresQueryTests.periods + [ReportingPeriod("2024-Q1")!] {
                let window = Self.window(period)
                let tallies = try #require(try ProgrammeFiguresQuery.PeriodTallies(window, db))
                let counts = try #require(
                    try ProgrammeFiguresQuery.participantCounts(window, persons: tallies.participants, db))
                let walked = try ProgrammeFiguresQuery.participantsWalked(window, db)
                #expect(counts.filter { $0.value > 0 } == walked.filter { $0.value > 0 }, "period \(period)")
                moved += (walked["released"] ?? 0) + (walked["transferred"] ?? 0)
            }
            #expect(moved > 0)
        }
    }

    @Test("a person id of another length falls back to SQL grouping with the same figures")
    func fallsBack() throws {
        let scenario = try Scenario()
        let upper = "P-" + UUID().uuidString  // never written by the store, but valid for the foreign key
        try scenario.ledger.writer.write { db in
            try db.execute(sql: """
                INSERT INTO person (id, event_id, register_number, admission_date, expected_release_date, status,
                    facility_code, json)
                SELECT ?, ?, 'REG-UPPER', admission_date, expected_release_date, status, facility_code, json
                FROM person LIMIT 1
                """, arguments: [upper, UUID().uuidString.lowercased()])
            for (hours, grade) in [(4.5, "A"), (7.0, "B")] {
                try db.execute(sql: """
                    INSERT INTO training (event_id, person_id, date, hours, sequence, json) VALUES (?, ?, '2026-05-03', ?, 99, '{}')
                    """, arguments: [UUID().uuidString.lowercased(), upper, hours])
                try db.execute(sql: """
                    INSERT INTO production (event_id, person_id, date, quantity, sequence, json)
                    VALUES (?, ?, '2026-05-03', ?, 99, json_object('unit', 'pieces', 'grade', ?))
                    """, arguments: [UUID().uuidString.lowercased(), upper, hours, grade])
            }
        }
        try scenario.ledger.read { db in
            let window = Self.window(ReportingPeriod("2026-Q2")!)
            #expect(try ProgrammeFiguresQuery.trainingBandsTallied(window, db) == nil)
            #expect(try ProgrammeFiguresQuery.gradedPiecesTallied(window, db) == nil)
            let figures = try ProgrammeFiguresQuery.figures(period: ReportingPeriod("2026-Q2")!, db)
            #expect(figures.trainingHours.rows[1].cells == [.persons(1), FigureCell(value: 12, persons: 1)])
            #expect(figures.production.rows.map { $0.cells[0] } == [
                FigureCell(value: 5, persons: 1), FigureCell(value: 7, persons: 1), .zero,
            ])
        }
    }

    @Test("person keys are equal exactly when the ids are, and order as the ids' bytes do")
    func keysFollowText() throws {
        var generator = SystemRandomNumberGenerator()
        var ids = (0..<500).map { _ in UUID().uuidString.lowercased() }
        // Ids sharing long prefixes, so the later words decide; and other 36-byte texts.
        ids += (0..<50).map { _ in "00000000-0000-4000-8000-" + String(format: "%012llx", generator.next() % 4096) }
        ids += ids.prefix(20).map { $0.uppercased() } + ["", "x", "z"].map { String(repeating: $0 + "y", count: 18) }
        ids = Array(Set(ids.filter { $0.utf8.count == 36 }))
        let keys = try ids.map { id in try #require(Self.key(id)) }
        let byKey = zip(ids, keys).sorted { $0.1 < $1.1 }.map(\.0)
        #expect(byKey == ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(Set(keys).count == ids.count)
        for bad in [String(ids[0].dropLast()), ids[0] + "0", ""] {
            #expect(Self.key(bad) == nil, "\(bad)")
        }
    }

    static func key(_ text: String) -> PersonKey? {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return PersonKey(text: base, count: buffer.count)
        }
    }
}

/// The tallied forms of the training bands and graded pieces, to hold against the SQL forms.
extension ProgrammeFiguresQuery {
    static func trainingBandsTallied(_ w: Window, _ db: Database) throws -> [Int: (Int, Double)]? {
        try trainingTally(w, db).map(bands)
    }

    static func gradedPiecesTallied(_ w: Window, _ db: Database) throws -> GradedPieces? {
        try productionTally(w, db).map(gradedPieces)
    }
}
