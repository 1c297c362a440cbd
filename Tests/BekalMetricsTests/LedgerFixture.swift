import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation

/// Builds ledgers for tests: hand-written events, or a seeded random facility.
enum LedgerFixture {
    static let framework = CompetencyFramework(
        id: "sample-batik-cap", version: "1", title: LocalizedText(id: "Contoh", en: "Sample"), isSample: true,
        units: [
            CompetencyUnit(code: "U1", title: LocalizedText(id: "Menyiapkan mori", en: "Prepare mori")),
            CompetencyUnit(code: "U2", title: LocalizedText(id: "Mengecap", en: "Stamp")),
            CompetencyUnit(code: "U3", title: LocalizedText(id: "Melorod", en: "Lorod"), isCore: false),
        ])

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func person(_ id: UUID, name: String = "Budi Santoso", register: String = "AI.2024.0001") -> Person {
        Person(
            id: id, registerNumber: RegisterNumber(register)!, fullName: PersonName(name)!, birthDate: date("1990-01-01"),
            admissionDate: date("2024-01-01"), expectedReleaseDate: date("2027-01-01"), status: .active,
            facilityCode: "LAPAS-PWT")
    }

    static func assessment(_ person: UUID, _ unit: String, _ outcome: AssessmentOutcome, _ day: String) -> LedgerPayload {
        .assessmentRecorded(Assessment(
            id: UUID(), personID: person, frameworkID: framework.id, frameworkVersion: framework.version, unitCode: unit,
            outcome: outcome, assessorName: "Asesor Satu", assessorRole: .bnspAssessor, method: .observation,
            date: date(day)))
    }

    static func training(_ person: UUID, _ hours: Double, _ day: String) -> LedgerPayload {
        .trainingRecorded(TrainingSession(id: UUID(), personID: person, date: date(day), hours: hours, topic: "Cap", trainer: "Pelatih"))
    }

    static func production(_ person: UUID, _ pieces: Double, _ grade: QualityGrade, _ day: String, unit: ProductionUnit = .pieces)
        -> LedgerPayload
    {
        .productionRecorded(ProductionEntry(
            id: UUID(), personID: person, date: date(day), motif: "Parang", cap: "C-01", quantity: pieces, unit: unit,
            grade: grade, hours: 2))
    }

    static func certificate(_ person: UUID, _ scheme: String, _ day: String) -> LedgerPayload {
        .certificateRecorded(Certificate(
            id: UUID(), personID: person, issuer: "LSP Batik", scheme: scheme, number: "CERT-\(UUID().uuidString.prefix(6))",
            registrationNumber: nil, issuedOn: date(day), expiresOn: date(day).adding(years: 3), unitCodes: ["U1"]))
    }

    static func events(_ payloads: [LedgerPayload]) -> [ProgrammeEvent] {
        payloads.map { ProgrammeEvent(id: UUID(), payload: $0) }
    }

    /// A facility of `people` persons with about `eventsPerPerson` events each across 2026, from a seed.
    static func randomLedger(people: Int, eventsPerPerson: Int, seed: UInt64) -> [ProgrammeEvent] {
        var random = SeededGenerator(seed: seed)
        var payloads: [LedgerPayload] = [.frameworkImported(framework)]
        let ids = (0..<people).map { _ in UUID(uuid: randomUUIDBytes(&random)) }
        for (n, id) in ids.enumerated() {
            payloads.append(.personAdded(person(id, name: "Orang \(n)", register: "REG-\(n)")))
        }
        let schemes = ProgrammeFigures.standardSchemes + ["Skema Lokal"]
        for _ in 0..<(people * eventsPerPerson) {
            let id = ids[Int.random(in: 0..<people, using: &random)]
            let day = LocalDate(daysSinceEpoch: LocalDate(year: 2026, month: 1, day: 1)!.daysSinceEpoch + Int.random(in: 0..<365, using: &random))
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<30:
                let unit = ["U1", "U2", "U3"][Int.random(in: 0..<3, using: &random)]
                payloads.append(assessment(id, unit, Bool.random(using: &random) ? .kompeten : .belumKompeten, day.description))
            case 30..<60: payloads.append(training(id, Double(Int.random(in: 1...8, using: &random)) / 2, day.description))
            case 60..<90:
                payloads.append(production(id, Double(Int.random(in: 1...20, using: &random)), QualityGrade.allCases.randomElement(using: &random)!, day.description,
                                           unit: Int.random(in: 0..<10, using: &random) == 0 ? .metres : .pieces))
            case 90..<95: payloads.append(certificate(id, schemes.randomElement(using: &random)!, day.description))
            case 95..<98: payloads.append(.released(Release(personID: id, date: day, kind: ReleaseKind.allCases.randomElement(using: &random)!)))
            default: payloads.append(.transferred(Transfer(personID: id, fromFacility: "LAPAS-PWT", toFacility: "LAPAS-CLP", date: day)))
            }
        }
        return events(payloads)
    }

    static func randomUUIDBytes(_ random: inout SeededGenerator) -> uuid_t {
        let a = random.next(), b = random.next()
        return withUnsafeBytes(of: (a, b)) { raw in
            raw.load(as: uuid_t.self)
        }
    }
}
