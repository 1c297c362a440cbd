import BekalDomain
import Foundation

extension ProgrammeFigures {
    /// The reference computation of every figure from the ledger's events, in plain Swift.
    ///
    /// It is the test oracle the SQL query (`Ledger.programmeFigures(period:)`, the only production path) must
    /// agree with, and the definition in `docs/metrics.md` written as code; it lives in the test-support target
    /// because nothing but tests and the benchmark's comparison run it. Corrections are applied first (a
    /// retracted event counts nowhere).
    public static func compute(from events: [ProgrammeEvent], facilityCode: String, period: ReportingPeriod)
        -> ProgrammeFigures
    {
        let payloads = ProgrammeEvent.effective(events)
        var assessments: [Assessment] = []
        var certificates: [Certificate] = []
        var training: [TrainingSession] = []
        var production: [ProductionEntry] = []
        var releases: [Release] = []
        var transfers: [Transfer] = []
        var framework: CompetencyFramework?
        for payload in payloads {
            switch payload {
            case .assessmentRecorded(let a): assessments.append(a)
            case .certificateRecorded(let c): certificates.append(c)
            case .trainingRecorded(let t): training.append(t)
            case .productionRecorded(let p): production.append(p)
            case .released(let r): releases.append(r)
            case .transferred(let t): transfers.append(t)
            case .frameworkImported(let f): framework = f
            case .facilityInitialized, .personAdded, .corrected, .credentialRevoked, .privacyBudgetSpent,
                .remissionGranted, .evidenceAttached, .verificationCodeIssued, .account:
                break
            }
        }
        let inPeriod = { (day: LocalDate) in period.contains(day) }
        return ProgrammeFigures(
            facilityCode: facilityCode, period: period,
            participants: participantsTable(
                active: Set(assessments.filter { inPeriod($0.date) }.map(\.personID))
                    .union(training.filter { inPeriod($0.date) }.map(\.personID))
                    .union(production.filter { inPeriod($0.date) }.map(\.personID)),
                releases: releases, transfers: transfers, lastDay: period.lastDay),
            competencyOutcomes: competencyTable(
                assessments: assessments.filter { inPeriod($0.date) }, framework: framework),
            certificates: certificateTable(certificates.filter { inPeriod($0.issuedOn) }),
            trainingHours: trainingTable(training.filter { inPeriod($0.date) }),
            production: productionTable(production.filter { inPeriod($0.date) && $0.unit == .pieces }),
            releases: releaseTable(
                releases.filter { inPeriod($0.date) }, assessments: assessments, framework: framework))
    }

    static func participantsTable(
        active: Set<UUID>, releases: [Release], transfers: [Transfer], lastDay: LocalDate
    ) -> FigureTable {
        var status: [UUID: (LocalDate, PersonStatus)] = [:]
        for release in releases where release.date <= lastDay && active.contains(release.personID) {
            if let current = status[release.personID], current.0 > release.date { continue }
            status[release.personID] = (release.date, .released)
        }
        for transfer in transfers where transfer.date <= lastDay && active.contains(transfer.personID) {
            if let current = status[transfer.personID], current.0 >= transfer.date { continue }
            status[transfer.personID] = (transfer.date, .transferred)
        }
        let rows = PersonStatus.allCases.map { s in
            FigureRow(key: s.rawValue, cells: [.persons(active.filter { (status[$0]?.1 ?? .active) == s }.count)])
        }
        return FigureTable(
            id: "participants", columns: [FigureColumn(key: "persons", measure: .persons)], rows: rows,
            hasRowTotals: true, sensitivity: 1)
    }

    static func competencyTable(assessments: [Assessment], framework: CompetencyFramework?) -> FigureTable {
        // The latest assessment of each (unit, person) in the period; on the same day the later ledger entry wins.
        var latest: [String: [UUID: Assessment]] = [:]
        for a in assessments {
            if let current = latest[a.unitCode]?[a.personID], current.date > a.date { continue }
            latest[a.unitCode, default: [:]][a.personID] = a
        }
        let codes = Set(framework?.units.map(\.code) ?? []).union(latest.keys).sorted()
        let rows = codes.map { code in
            let outcomes = latest[code, default: [:]].values.map(\.outcome)
            return FigureRow(key: code, cells: [
                .persons(outcomes.filter { $0 == .kompeten }.count),
                .persons(outcomes.filter { $0 == .belumKompeten }.count),
            ])
        }
        return FigureTable(
            id: "competency-outcomes",
            columns: [FigureColumn(key: "K", measure: .persons), FigureColumn(key: "BK", measure: .persons)],
            rows: rows, hasRowTotals: true, sensitivity: max(1, rows.count))
    }

    static func certificateTable(_ certificates: [Certificate]) -> FigureTable {
        let schemes = Set(standardSchemes).union(certificates.map(\.scheme)).sorted()
        let rows = schemes.map { scheme in
            let issued = certificates.filter { $0.scheme == scheme }
            return FigureRow(
                key: scheme, cells: [FigureCell(value: issued.count, persons: Set(issued.map(\.personID)).count)])
        }
        return FigureTable(
            id: "certificates", columns: [FigureColumn(key: "certificates", measure: .certificates)], rows: rows,
            hasRowTotals: true, sensitivity: max(1, rows.count))
    }

    static func trainingTable(_ sessions: [TrainingSession]) -> FigureTable {
        var hours: [UUID: Double] = [:]
        for session in sessions { hours[session.personID, default: 0] += session.hours }
        let rows = trainingBands.map { band in
            let inBand = hours.values.filter { $0 > 0 && band.lower <= $0 && $0 < band.upper }
            let total = Int(inBand.reduce(0, +).rounded(.toNearestOrAwayFromZero))
            return FigureRow(key: band.key, cells: [.persons(inBand.count), FigureCell(value: total, persons: inBand.count)])
        }
        return FigureTable(
            id: "training-hours",
            columns: [FigureColumn(key: "persons", measure: .persons), FigureColumn(key: "hours", measure: .hours)],
            rows: rows, hasRowTotals: false, sensitivity: 1)
    }

    static func productionTable(_ entries: [ProductionEntry]) -> FigureTable {
        let rows = QualityGrade.allCases.map { grade in
            let graded = entries.filter { $0.grade == grade }
            let pieces = Int(graded.reduce(0) { $0 + $1.quantity }.rounded(.toNearestOrAwayFromZero))
            return FigureRow(key: grade.rawValue, cells: [FigureCell(value: pieces, persons: Set(graded.map(\.personID)).count)])
        }
        return FigureTable(
            id: "production", columns: [FigureColumn(key: "pieces", measure: .pieces)], rows: rows,
            hasRowTotals: true, sensitivity: 1
        ).withColumnContributors([Set(entries.map(\.personID)).count])
    }

    static func releaseTable(_ released: [Release], assessments: [Assessment], framework: CompetencyFramework?)
        -> FigureTable
    {
        // One release per person per period: the latest one counts.
        var byPerson: [UUID: Release] = [:]
        for r in released where (byPerson[r.personID].map { $0.date <= r.date } ?? true) { byPerson[r.personID] = r }
        let rows = ReleaseKind.allCases.map { kind in
            let people = byPerson.values.filter { $0.kind == kind }
            let ready = people.filter { isReady($0.personID, on: $0.date, assessments: assessments, framework: framework) }
            return FigureRow(key: kind.rawValue, cells: [.persons(ready.count), .persons(people.count - ready.count)])
        }
        return FigureTable(
            id: "releases",
            columns: [FigureColumn(key: "ready", measure: .persons), FigureColumn(key: "not-ready", measure: .persons)],
            rows: rows, hasRowTotals: true, sensitivity: 1)
    }

    /// A portfolio is ready at release when the latest assessment, on or before the release day, of every core
    /// unit of the facility's framework is Kompeten.
    static func isReady(_ person: UUID, on day: LocalDate, assessments: [Assessment], framework: CompetencyFramework?)
        -> Bool
    {
        guard let framework else { return false }
        let core = framework.units.filter(\.isCore).map(\.code)
        guard !core.isEmpty else { return false }
        var latest: [String: Assessment] = [:]
        for a in assessments
        where a.personID == person && a.date <= day && a.frameworkID == framework.id
            && a.frameworkVersion == framework.version
        {
            if let current = latest[a.unitCode], current.date > a.date { continue }
            latest[a.unitCode] = a
        }
        return core.allSatisfy { latest[$0]?.outcome == .kompeten }
    }
}
