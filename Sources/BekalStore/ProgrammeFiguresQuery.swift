import BekalDomain

import Foundation
import GRDB

/// The programme figures of one period computed over the projections: SQL per table, with the per-person grouping
/// of participants, training and production done in one hashed pass over the period's rows (`PeriodTallies`;
/// the SQL GROUP BY forms remain as the fallback and the tests' oracle).
///
/// It is the store's one query path for metrics: every table is built from its cells only (totals are derived by
/// `FigureTable`), so a total always equals the sum of its rows. `ProgrammeFigures.compute(from:facilityCode:period:)`
/// is the reference it must agree with exactly; `docs/metrics.md` defines every figure.
///
/// Each period table is read through its date index (`FiguresIndexSchema`), which holds every column these
/// statements read (production `grade`/`unit` and certificate `scheme` are generated columns over the JSON), so a
/// quarter costs its own rows, not the ledger's. `ProgrammeFiguresPlanTests` checks SQLite's plans for this.
enum ProgrammeFiguresQuery {
    static func figures(period: ReportingPeriod, _ db: Database) throws -> ProgrammeFigures {
        guard let facility = try Ledger.facility(db) else {
            throw StoreError(.notInitialized, "the ledger has no facility")
        }
        let window = Window(first: period.firstDay.description, last: period.lastDay.description)
        let framework = try Ledger.frameworks(db).last
        let tallies = try PeriodTallies(window, db)
        return ProgrammeFigures(
            facilityCode: facility.code, period: period,
            participants: try participants(window, persons: tallies?.participants, db),
            competencyOutcomes: try competencyOutcomes(window, framework: framework, db),
            certificates: try certificates(window, db),
            trainingHours: try trainingHours(window, bands: tallies.map { bands($0.training) }, db),
            production: try production(window, graded: tallies.map { gradedPieces($0.production) }, db),
            releases: try releases(window, framework: framework, db))
    }

    /// The period's first and last day as stored (`YYYY-MM-DD`, so text order is date order).
    struct Window {
        var first: String
        var last: String
        var arguments: StatementArguments { ["first": first, "last": last] }
    }

    /// Release and transfer days, read from the ledger itself (they have no projection table), through the
    /// partial index that holds them (`MovementDaySchema`), so no event row is read. The `type IN` term is written
    /// exactly as the index's, so that the index is used.
    static let movements = """
        movement AS (
            SELECT person_id, type, sequence, movement_day AS day, release_kind AS kind
            FROM ledger_event INDEXED BY ledger_event_movement_day
            WHERE type IN ('person.released', 'person.transferred')
        )
        """

    /// Each moved person's latest release and transfer day on or before the period's last day (after `movements`).
    static let latestMovement = """
        latest AS (
            SELECT person_id,
                MAX(CASE WHEN type = 'person.released' THEN day END) AS released_on,
                MAX(CASE WHEN type = 'person.transferred' THEN day END) AS transferred_on
            FROM movement WHERE day <= :last GROUP BY person_id
        )
        """

    /// Every person with an assessment, training or production entry in the period, in one of the status rows,
    /// by the walk over the persons (the fallback and the tests' form).
    static func participants(_ w: Window, _ db: Database) throws -> FigureTable {
        try participants(w, persons: nil, db)
    }

    /// The participants table; from `persons` (the period tables' persons, `PeriodTallies`) when given, else
    /// from the walk over the persons.
    static func participants(_ w: Window, persons: PersonIndex<Void>?, _ db: Database) throws -> FigureTable {
        let counts = try persons.flatMap { try participantCounts(w, persons: $0, db) } ?? participantsWalked(w, db)
        return FigureTable(
            id: "participants", columns: [FigureColumn(key: "persons", measure: .persons)],
            rows: PersonStatus.allCases.map { FigureRow(key: $0.rawValue, cells: [.persons(counts[$0.rawValue] ?? 0)]) },
            hasRowTotals: true, sensitivity: 1)
    }

    /// Participants per status by walking the persons once in id order, each asking its own person-leading
    /// indexes whether it has an entry in the window (at most three index-only seeks; no sort of the period's
    /// rows). `person_id` is a foreign key into `person`, so this is the union of the period tables' persons
    /// (`ProgrammeFiguresQueryTests` compares them).
    static func participantsWalked(_ w: Window, _ db: Database) throws -> [String: Int] {
        let rows = try Row.fetchAll(db, sql: """
            WITH participant(person_id) AS (
                SELECT id FROM person WHERE
                    EXISTS (SELECT 1 FROM assessment a INDEXED BY assessment_person
                            WHERE a.person_id = person.id AND a.date BETWEEN :first AND :last)
                    OR EXISTS (SELECT 1 FROM training t INDEXED BY training_person
                               WHERE t.person_id = person.id AND t.date BETWEEN :first AND :last)
                    OR EXISTS (SELECT 1 FROM production r INDEXED BY production_person
                               WHERE r.person_id = person.id AND r.date BETWEEN :first AND :last)
            ),
            \(movements),
            \(latestMovement)
            SELECT CASE
                    WHEN l.transferred_on IS NOT NULL
                        AND (l.released_on IS NULL OR l.transferred_on > l.released_on) THEN 'transferred'
                    WHEN l.released_on IS NOT NULL THEN 'released'
                    ELSE 'active' END AS status,
                COUNT(*) AS persons
            FROM participant p LEFT JOIN latest l ON l.person_id = p.person_id
            GROUP BY status
            """, arguments: w.arguments)
        return Dictionary(rows.map { (($0["status"] as String), ($0["persons"] as Int)) }, uniquingKeysWith: +)
    }

    static func competencyOutcomes(_ w: Window, framework: CompetencyFramework?, _ db: Database) throws
        -> FigureTable
    {
        // The latest assessment of each (unit, person) in the period; on the same day the later ledger entry wins
        // (a correction keeps the sequence of the event it replaces).
        let rows = try Row.fetchAll(db, sql: """
            SELECT unit_code, SUM(outcome = 'K') AS k, SUM(outcome = 'BK') AS bk FROM (
                SELECT unit_code, outcome, ROW_NUMBER() OVER (
                    PARTITION BY unit_code, person_id ORDER BY date DESC, sequence DESC) AS n
                FROM assessment WHERE date BETWEEN :first AND :last
            ) WHERE n = 1 GROUP BY unit_code
            """, arguments: w.arguments)
        var outcomes: [String: (Int, Int)] = [:]
        for row in rows { outcomes[row["unit_code"]] = (row["k"], row["bk"]) }
        let codes = Set(framework?.units.map(\.code) ?? []).union(outcomes.keys).sorted()
        return FigureTable(
            id: "competency-outcomes",
            columns: [FigureColumn(key: "K", measure: .persons), FigureColumn(key: "BK", measure: .persons)],
            rows: codes.map { code in
                let (k, bk) = outcomes[code] ?? (0, 0)
                return FigureRow(key: code, cells: [.persons(k), .persons(bk)])
            },
            hasRowTotals: true, sensitivity: max(1, codes.count))
    }

    static func certificates(_ w: Window, _ db: Database) throws -> FigureTable {
        let rows = try Row.fetchAll(db, sql: """
            SELECT scheme, COUNT(*) AS issued, COUNT(DISTINCT person_id) AS persons
            FROM certificate WHERE issued_on BETWEEN :first AND :last GROUP BY scheme
            """, arguments: w.arguments)
        var issued: [String: FigureCell] = [:]
        for row in rows { issued[row["scheme"]] = FigureCell(value: row["issued"], persons: row["persons"]) }
        let schemes = Set(ProgrammeFigures.standardSchemes).union(issued.keys).sorted()
        return FigureTable(
            id: "certificates", columns: [FigureColumn(key: "certificates", measure: .certificates)],
            rows: schemes.map { FigureRow(key: $0, cells: [issued[$0] ?? .zero]) },
            hasRowTotals: true, sensitivity: max(1, schemes.count))
    }

    static func trainingHours(_ w: Window, bands tallied: [Int: (Int, Double)]?, _ db: Database) throws
        -> FigureTable
    {
        let bands = ProgrammeFigures.trainingBands
        let byBand = try tallied ?? trainingBandsGrouped(w, db)
        return FigureTable(
            id: "training-hours",
            columns: [FigureColumn(key: "persons", measure: .persons), FigureColumn(key: "hours", measure: .hours)],
            rows: bands.enumerated().map { index, band in
                let (persons, hours) = byBand[index] ?? (0, 0)
                let total = Int(hours.rounded(.toNearestOrAwayFromZero))
                return FigureRow(key: band.key, cells: [.persons(persons), FigureCell(value: total, persons: persons)])
            },
            hasRowTotals: false, sensitivity: 1)
    }

    /// The same bands grouped in SQL (a sort of the period's rows by person id).
    static func trainingBandsGrouped(_ w: Window, _ db: Database) throws -> [Int: (Int, Double)] {
        let bands = ProgrammeFigures.trainingBands
        // Band n holds sums in [lower, upper); the bands are contiguous, so comparing with each upper bound in
        // order places a sum.
        let cases = bands.enumerated().dropLast().map { "WHEN hours < \($0.element.upper) THEN \($0.offset)" }
        let rows = try Row.fetchAll(db, sql: """
            SELECT CASE \(cases.joined(separator: " ")) ELSE \(bands.count - 1) END AS band,
                COUNT(*) AS persons, SUM(hours) AS hours
            FROM (SELECT SUM(hours) AS hours FROM training WHERE date BETWEEN :first AND :last GROUP BY person_id)
            WHERE hours > 0 AND hours >= \(bands[0].lower)
            GROUP BY band
            """, arguments: w.arguments)
        var byBand: [Int: (Int, Double)] = [:]
        for row in rows { byBand[row["band"]] = (row["persons"], row["hours"]) }
        return byBand
    }

    /// The pieces of each grade with their distinct contributors, and the contributors of any grade.
    struct GradedPieces: Equatable {
        var pieces: [Double]
        var persons: [Int]
        var contributors: Int
    }

    static func production(_ w: Window, graded tallied: GradedPieces?, _ db: Database) throws -> FigureTable {
        let grades = QualityGrade.allCases.map(\.rawValue)
        let graded = try tallied ?? gradedPiecesGrouped(w, db)
        let cells = grades.indices.map { index in
            FigureCell(value: Int(graded.pieces[index].rounded(.toNearestOrAwayFromZero)),
                       persons: graded.persons[index])
        }
        return FigureTable(
            id: "production", columns: [FigureColumn(key: "pieces", measure: .pieces)],
            rows: zip(grades, cells).map { FigureRow(key: $0, cells: [$1]) },
            hasRowTotals: true, sensitivity: 1
        ).withColumnContributors([graded.contributors])
    }

    /// The same graded pieces grouped in SQL: one sort of the period's pieces by person, then one streaming pass.
    static func gradedPiecesGrouped(_ w: Window, _ db: Database) throws -> GradedPieces {
        let grades = QualityGrade.allCases.map(\.rawValue)
        let perPerson = grades.indices.map {
            "SUM(CASE WHEN grade = :grade\($0) THEN quantity END) AS pieces\($0), MAX(grade = :grade\($0)) AS has\($0)"
        }
        let totals = grades.indices.map { "SUM(pieces\($0)) AS pieces\($0), SUM(has\($0)) AS persons\($0)" }
        var arguments = w.arguments
        for (index, grade) in grades.enumerated() { arguments += ["grade\(index)": grade] }
        let row = try Row.fetchOne(db, sql: """
            SELECT \(totals.joined(separator: ", ")), COUNT(*) AS contributors FROM (
                SELECT \(perPerson.joined(separator: ", ")) FROM production
                WHERE date BETWEEN :first AND :last AND unit = 'pieces' GROUP BY person_id
            )
            """, arguments: arguments)
        return GradedPieces(
            pieces: grades.indices.map { row?["pieces\($0)"] as Double? ?? 0 },
            persons: grades.indices.map { row?["persons\($0)"] as Int? ?? 0 },
            contributors: row?["contributors"] as Int? ?? 0)
    }

    static func releases(_ w: Window, framework: CompetencyFramework?, _ db: Database) throws -> FigureTable {
        // Ready: the latest assessment on or before the release day of every core unit of the last imported
        // framework is Kompeten. Without a framework or core units nobody is ready.
        let core = framework?.units.filter(\.isCore).map(\.code) ?? []
        let coreJSON = String(decoding: try JSONEncoder().encode(core), as: UTF8.self)
        var arguments = w.arguments
        arguments += [
            "core": coreJSON, "coreCount": core.count, "frameworkID": framework?.id ?? "",
            "frameworkVersion": framework?.version ?? "",
        ]
        let rows = try Row.fetchAll(db, sql: """
            WITH \(movements),
            released AS (
                SELECT person_id, day, kind, ROW_NUMBER() OVER (
                    PARTITION BY person_id ORDER BY day DESC, sequence DESC) AS n
                FROM movement WHERE type = 'person.released' AND day BETWEEN :first AND :last
            ),
            core(code) AS (SELECT value FROM json_each(:core))
            SELECT kind, COUNT(*) AS persons, SUM(:coreCount > 0 AND (
                SELECT COUNT(*) FROM core c WHERE (
                    SELECT outcome FROM assessment a
                    WHERE a.person_id = r.person_id AND a.unit_code = c.code AND a.date <= r.day
                        AND a.framework_id = :frameworkID AND a.framework_version = :frameworkVersion
                    ORDER BY a.date DESC, a.sequence DESC LIMIT 1) = 'K'
                ) = :coreCount) AS ready
            FROM released r WHERE n = 1 GROUP BY kind
            """, arguments: arguments)
        var byKind: [String: (Int, Int)] = [:]
        for row in rows { byKind[row["kind"]] = (row["ready"], row["persons"]) }
        return FigureTable(
            id: "releases",
            columns: [FigureColumn(key: "ready", measure: .persons), FigureColumn(key: "not-ready", measure: .persons)],
            rows: ReleaseKind.allCases.map { kind in
                let (ready, persons) = byKind[kind.rawValue] ?? (0, 0)
                return FigureRow(key: kind.rawValue, cells: [.persons(ready), .persons(persons - ready)])
            },
            hasRowTotals: true, sensitivity: 1)
    }
}
