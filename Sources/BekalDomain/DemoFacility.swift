import Foundation

/// One event of the demo data: the payload with the event id the ledger should store it under (corrections
/// name earlier events by these ids), the staff actor and the facility that records it.
public struct DemoEvent: Sendable, Hashable {
    /// The ledger event id to store this event under, deterministic for the generator's seed.
    public var id: UUID
    /// What the event records (a person added, an assessment, a release, …).
    public var payload: LedgerPayload
    /// A fake staff account, e.g. `demo.wali`.
    public var actor: String
    /// The code of the demo facility that records the event.
    public var facilityCode: String

    /// Creates a demo event with its id, payload, staff actor and recording facility.
    public init(id: UUID, payload: LedgerPayload, actor: String, facilityCode: String) {
        self.id = id
        self.payload = payload
        self.actor = actor
        self.facilityCode = facilityCode
    }
}

/// A placeholder evidence file of the demo: a few bytes of text that say what they stand for, named in the
/// events by the SHA-256 the caller's hasher gave them. The front end that makes a demo facility writes them into
/// its evidence store, so the facility's evidence matches its events from the start.
public struct DemoEvidenceFile: Sendable, Hashable {
    /// Lowercase hex SHA-256 of `bytes`, as the events record it.
    public var sha256: String
    /// The media type the events record (`text/plain`: the placeholder is text).
    public var mediaType: String
    /// The events' description of the file.
    public var description: String
    /// The placeholder's content.
    public var bytes: [UInt8]
}

/// A demo facility with clearly fake people and months of records, in an order the ledger accepts.
public struct DemoDataSet: Sendable {
    /// The fake facility the demo data belongs to (`DEMO-LAPAS-01`).
    public var facility: Facility
    /// The sample batik cap framework the demo assessments refer to.
    public var framework: CompetencyFramework
    /// Facility, framework, then each person: added first, then their records by date, then corrections.
    public var events: [DemoEvent]
    /// The events' payloads alone, in ledger order, for callers that ignore ids and actors.
    public var payloads: [LedgerPayload] { events.map(\.payload) }
    /// The placeholder evidence files the events name, in the order first named; empty unless `generate` was
    /// given a hasher (then the events name these and nothing else).
    public var evidenceFiles: [DemoEvidenceFile] = []
}

/// Generates demo data: deterministic for a seed, about 100 events per person, fast enough for benchmarks
/// with 20,000 people. Every name starts with "DEMO" and register numbers look like `DEMO-0001/2026`.
public enum DemoFacility {
    /// The fake Lapas every demo person is admitted to; its name says it is fictitious.
    public static let facility = Facility(code: "DEMO-LAPAS-01", name: "DEMO Lapas Contoh (fiktif)")
    /// Where demo transfers go.
    public static let otherFacilityCode = "DEMO-LAPAS-02"
    /// The demo counselor's account, who records most events and is responsible for every demo person.
    public static let recorder = "demo.wali"
    /// The demo assessor's account.
    public static let assessorActor = "demo.asesor"
    /// The demo admin's account.
    public static let administrator = "demo.admin"

    /// Generates the facility, the sample framework and the records of `people` fake WBP, deterministic for `seed`, with dates relative to `today`.
    /// - Parameter sha256: the hasher (lowercase hex SHA-256) for placeholder evidence files. Given, every
    ///   evidence item the events name is a small text placeholder in `evidenceFiles` named by its hash, for a
    ///   demo facility whose evidence store must match its events. Without it (benchmarks, tests that write no
    ///   files) the events name random hashes with no file behind them. The events are otherwise the same.
    public static func generate(
        people: Int, seed: UInt64, today: LocalDate, sha256: (([UInt8]) -> String)? = nil
    ) -> DemoDataSet {
        var rng = DemoRandom(seed: seed)
        var placeholders = DemoPlaceholders(sha256: sha256)
        let framework = CompetencyFramework.sampleBatikCap
        var events: [DemoEvent] = []
        events.reserveCapacity(2 + max(0, people) * 104)
        events.append(DemoEvent(id: rng.uuid(), payload: .facilityInitialized(facility), actor: administrator, facilityCode: facility.code))
        events.append(DemoEvent(id: rng.uuid(), payload: .frameworkImported(framework), actor: administrator, facilityCode: facility.code))
        for index in 0..<max(0, people) {
            var person = DemoPerson(index: index, today: today, framework: framework, rng: &rng)
            person.appendEvents(to: &events, rng: &rng, placeholders: &placeholders)
        }
        return DemoDataSet(facility: facility, framework: framework, events: events, evidenceFiles: placeholders.files)
    }
}

/// Makes the demo's evidence items: with a hasher, text placeholders named by their hash (kept in `files`);
/// without, random hashes as before. Either way each item draws the same numbers from the generator, so the rest
/// of the data does not depend on it.
struct DemoPlaceholders {
    let sha256: (([UInt8]) -> String)?
    var files: [DemoEvidenceFile] = []

    mutating func evidence(
        mediaType: String, description: String, byteCounts: ClosedRange<Int>, _ rng: inout DemoRandom
    ) -> Evidence {
        let token = rng.fakeSHA256()
        let fakeCount = rng.int(byteCounts)
        guard let sha256 else {
            return Evidence(sha256: token, mediaType: mediaType, description: description, byteCount: fakeCount)
        }
        let bytes = Array("""
            DEMO placeholder evidence, not a real file: stands for "\(description)" (\(mediaType)) of the fictitious \
            facility \(DemoFacility.facility.code). Bekal demo data, token \(token).

            """.utf8)
        let file = DemoEvidenceFile(sha256: sha256(bytes), mediaType: "text/plain", description: description, bytes: bytes)
        files.append(file)
        return Evidence(sha256: file.sha256, mediaType: file.mediaType, description: description, byteCount: bytes.count)
    }
}

/// The records of one fake person.
struct DemoPerson {
    let person: Person
    let framework: CompetencyFramework
    let today: LocalDate
    /// The last day with activity: today, or the day the person left.
    let lastDay: LocalDate
    let exit: LedgerPayload?
    let index: Int

    static let firstNames = ["Contoh", "Fiktif", "Sampel", "Rekaan", "Percobaan"]
    static let lastNames = ["Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan", "Sepuluh"]
    static let motifs = ["DEMO Sekar Jagad", "DEMO Parang Banyumasan", "DEMO Kawung", "DEMO Lumbon", "DEMO Jahe Puger"]
    static let caps = ["DEMO-CAP-01", "DEMO-CAP-02", "DEMO-CAP-03", "DEMO-CAP-04"]
    static let topics = [
        "Persiapan mori", "Meja cap berlapis", "Memanaskan malam", "Pola tubrukan", "Pola parang", "Pewarnaan celup",
        "Pewarnaan colet", "Lorod", "Kendali mutu",
    ]
    static let trainers = ["DEMO Mentor Mitra A", "DEMO Mentor Mitra B", "DEMO Pembina C"]
    static let assessors = ["DEMO Asesor A", "DEMO Asesor B", "DEMO Asesor C"]
    static let rejectReasons = [
        "tekanan cap tidak merata", "malam terlalu panas", "malam tidak tembus", "warna luntur saat dicuci",
    ]

    init(index: Int, today: LocalDate, framework: CompetencyFramework, rng: inout DemoRandom) {
        self.index = index
        self.today = today
        self.framework = framework
        let id = rng.uuid()
        let admission = today.adding(days: -rng.int(120...1400))
        let birth = admission.adding(days: -rng.int(18 * 365...55 * 365))
        var release: LocalDate
        var exit: LedgerPayload?
        var lastDay = today
        switch index % 10 {
        case 0: release = today.adding(days: rng.int(1...30))
        case 1: release = today.adding(days: rng.int(31...60))
        case 2: release = today.adding(days: rng.int(61...90))
        case 3:
            release = today.adding(days: -rng.int(1...30))
            lastDay = release
            exit = .released(Release(
                personID: id, date: release, kind: rng.pick(ReleaseKind.allCases)))
        case 4 where index % 20 == 4:
            release = today.adding(days: rng.int(91...1500))
            lastDay = today.adding(days: -rng.int(1...30))
            exit = .transferred(Transfer(
                personID: id, fromFacility: DemoFacility.facility.code, toFacility: DemoFacility.otherFacilityCode,
                date: lastDay))
        default: release = today.adding(days: rng.int(91...1500))
        }
        self.lastDay = lastDay
        self.exit = exit
        let number = String(index + 1)
        let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
        person = Person(
            id: id, registerNumber: RegisterNumber("DEMO-\(padded)/2026")!,
            fullName: PersonName("DEMO \(rng.pick(Self.firstNames)) \(rng.pick(Self.lastNames))")!,
            birthDate: birth, admissionDate: admission, expectedReleaseDate: release, status: .active,
            facilityCode: DemoFacility.facility.code)
    }

    /// A day in the activity window, or after `from`.
    func day(_ rng: inout DemoRandom, from: LocalDate? = nil) -> LocalDate {
        let start = (from ?? person.admissionDate).daysSinceEpoch
        let end = lastDay.daysSinceEpoch
        return LocalDate(daysSinceEpoch: start >= end ? end : rng.int(start...end))
    }

    mutating func appendEvents(to events: inout [DemoEvent], rng: inout DemoRandom, placeholders: inout DemoPlaceholders) {
        let facilityCode = DemoFacility.facility.code
        events.append(DemoEvent(id: rng.uuid(), payload: .personAdded(person), actor: DemoFacility.recorder, facilityCode: facilityCode))
        var dated: [(date: LocalDate, event: DemoEvent)] = []
        dated.reserveCapacity(110)
        func add(_ date: LocalDate, _ payload: LedgerPayload, actor: String = DemoFacility.recorder, rng: inout DemoRandom) {
            dated.append((date, DemoEvent(id: rng.uuid(), payload: payload, actor: actor, facilityCode: facilityCode)))
        }
        var stampingCompetentOn: LocalDate?
        for unit in framework.units where rng.chance(0.9) {
            var date = day(&rng)
            if rng.chance(0.3) {
                add(date, .assessmentRecorded(assessment(unit.code, .belumKompeten, date, &rng, &placeholders)), actor: DemoFacility.assessorActor, rng: &rng)
                guard rng.chance(0.8) else { continue }
                // Banding, then re-assessment.
                date = day(&rng, from: date)
            }
            add(date, .assessmentRecorded(assessment(unit.code, .kompeten, date, &rng, &placeholders)), actor: DemoFacility.assessorActor, rng: &rng)
            if unit.code == "SAMPLE.BTKCAP.004" { stampingCompetentOn = date }
        }
        if index % 50 == 0 {
            // A certificate from an earlier course, long expired.
            let issued = person.admissionDate.adding(days: -rng.int(1100...1400))
            add(person.admissionDate, .certificateRecorded(certificate(issued: issued, partner: false, &rng)), rng: &rng)
        }
        if let competent = stampingCompetentOn, rng.chance(0.6) {
            add(day(&rng, from: competent), .certificateRecorded(certificate(issued: nil, partner: false, from: competent, &rng)), rng: &rng)
        }
        if rng.chance(0.3) {
            add(day(&rng), .certificateRecorded(certificate(issued: nil, partner: true, &rng)), rng: &rng)
        }
        var sessions: [(UUID, TrainingSession)] = []
        for _ in 0..<rng.int(35...45) {
            let date = day(&rng)
            let session = TrainingSession(
                id: rng.uuid(), personID: person.id, date: date, hours: Double(rng.int(4...8)) / 2,
                topic: rng.pick(Self.topics), trainer: rng.pick(Self.trainers))
            add(date, .trainingRecorded(session), rng: &rng)
            sessions.append((dated[dated.count - 1].event.id, session))
        }
        var entries: [UUID] = []
        for _ in 0..<rng.int(45...55) {
            let date = day(&rng)
            let metres = rng.chance(0.2)
            let quantity = metres ? Double(rng.int(4...40)) / 2 : Double(rng.int(2...12))
            let rejects = rng.chance(0.3) ? rng.int(1...max(1, Int(quantity) / 3)) : 0
            let grade: QualityGrade = rejects > 0 ? rng.pick([.b, .c]) : rng.pick([.a, .a, .b])
            let entry = ProductionEntry(
                id: rng.uuid(), personID: person.id, date: date, motif: rng.pick(Self.motifs), cap: rng.pick(Self.caps),
                quantity: quantity, unit: metres ? .metres : .pieces, grade: grade, rework: rng.chance(0.2) ? rng.int(1...2) : 0,
                rejects: rejects, rejectReason: rejects > 0 ? rng.pick(Self.rejectReasons) : nil,
                hours: Double(rng.int(2...12)) / 2)
            add(date, .productionRecorded(entry), rng: &rng)
            entries.append(dated[dated.count - 1].event.id)
        }
        if let exit {
            let date: LocalDate = if case .released(let r) = exit { r.date } else { lastDay }
            add(date, exit, rng: &rng)
        }
        // Records of one day keep the order they were made in (a BK before its re-assessment).
        let order = dated.indices.sorted { (dated[$0].date, $0) < (dated[$1].date, $1) }
        events.append(contentsOf: order.lazy.map { dated[$0].event })

        if rng.chance(0.25), let (eventID, session) = sessions.first {
            var fixed = session
            fixed.hours = max(0.5, session.hours - 1)
            events.append(DemoEvent(
                id: rng.uuid(),
                payload: .corrected(Correction(
                    correctedEventID: eventID, personID: person.id, reason: "Jam pelatihan salah catat",
                    replacement: .trainingRecorded(fixed))),
                actor: DemoFacility.recorder, facilityCode: facilityCode))
        }
        if rng.chance(0.1), let eventID = entries.last {
            events.append(DemoEvent(
                id: rng.uuid(),
                payload: .corrected(Correction(
                    correctedEventID: eventID, personID: person.id, reason: "Tercatat dua kali", replacement: nil)),
                actor: DemoFacility.recorder, facilityCode: facilityCode))
        }
    }

    func assessment(
        _ unitCode: String, _ outcome: AssessmentOutcome, _ date: LocalDate, _ rng: inout DemoRandom,
        _ placeholders: inout DemoPlaceholders
    ) -> Assessment {
        var evidence: [Evidence] = []
        if rng.chance(outcome == .kompeten ? 0.9 : 0.5) {
            evidence.append(placeholders.evidence(
                mediaType: "image/jpeg", description: "DEMO foto kain hasil cap", byteCounts: 80_000...2_000_000, &rng))
            if rng.chance(0.5) {
                evidence.append(placeholders.evidence(
                    mediaType: "application/pdf", description: "DEMO ceklis observasi asesor",
                    byteCounts: 20_000...300_000, &rng))
            }
        }
        return Assessment(
            id: rng.uuid(), personID: person.id, frameworkID: framework.id, frameworkVersion: framework.version,
            unitCode: unitCode, outcome: outcome, assessorName: rng.pick(Self.assessors),
            assessorRole: rng.pick(AssessorRole.allCases), method: rng.pick(AssessmentMethod.allCases), date: date,
            evidence: evidence)
    }

    func certificate(issued: LocalDate?, partner: Bool, from: LocalDate? = nil, _ rng: inout DemoRandom) -> Certificate {
        let issuedOn = issued ?? day(&rng, from: from)
        let serial = String(rng.int(100_000...999_999))
        return Certificate(
            id: rng.uuid(), personID: person.id,
            issuer: partner ? "DEMO Mitra Batik (fiktif)" : "DEMO LSP Batik (fiktif)",
            scheme: partner ? "Pelatihan batik cap" : "Tukang Cap", number: "DEMO-CERT-\(serial)",
            registrationNumber: partner ? nil : "DEMO-REG-\(serial)", issuedOn: issuedOn,
            // Partner certificates last a year, so some expire soon; BNSP ones the standard three.
            expiresOn: partner ? issuedOn.adding(years: 1) : Certificate.defaultExpiry(issuedOn: issuedOn),
            unitCodes: partner ? [] : ["SAMPLE.BTKCAP.001", "SAMPLE.BTKCAP.002", "SAMPLE.BTKCAP.003", "SAMPLE.BTKCAP.004"])
    }
}
