import BekalDomain
import Foundation
import Logging
@testable import BekalStore

/// A small facility with the sample framework and one person, on a fixed clock.
struct Scenario {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z
    static let facility = Facility(code: "LAPAS-TEST", name: "Lapas Uji")
    static let actor = "petugas-1"

    let home: URL?
    let ledger: Ledger
    let person: Person

    /// - Parameter onDisk: a real SQLite file in a fresh temporary data directory, else in memory.
    init(onDisk: Bool = false) throws {
        if onDisk {
            let home = FileManager.default.temporaryDirectory
                .appendingPathComponent("bekal-store-\(UUID().uuidString)")
            ledger = try Ledger.initialize(
                home: home, facility: Scenario.facility, actor: Scenario.actor, recordedAt: Scenario.now,
                logger: Logger(label: "test"))
            self.home = home
        } else {
            ledger = try Ledger.inMemory()
            try ledger.append(.facilityInitialized(Scenario.facility), actor: Scenario.actor,
                              facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
            home = nil
        }
        try ledger.append(.frameworkImported(.sampleBatikCap), actor: Scenario.actor,
                          facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
        person = Scenario.person(register: "REG-0001")
        try ledger.append(.personAdded(person), actor: Scenario.actor, facilityCode: Scenario.facility.code,
                          recordedAt: Scenario.now)
    }

    static func person(register: String) -> Person {
        Person(
            id: UUID(), registerNumber: RegisterNumber(register)!, fullName: PersonName("Siti Contoh")!,
            birthDate: LocalDate("1990-04-02"), admissionDate: LocalDate("2025-09-01")!,
            expectedReleaseDate: LocalDate("2026-08-15")!, status: .active, facilityCode: facility.code)
    }

    func assessment(unit: String = "SAMPLE.BTKCAP.001", outcome: AssessmentOutcome = .kompeten,
                    date: String = "2026-03-10") -> LedgerPayload {
        .assessmentRecorded(Assessment(
            id: UUID(), personID: person.id, frameworkID: CompetencyFramework.sampleBatikCap.id,
            frameworkVersion: CompetencyFramework.sampleBatikCap.version, unitCode: unit, outcome: outcome,
            assessorName: "Asesor Uji", assessorRole: .partnerMentor, method: .observation,
            date: LocalDate(date)!))
    }

    /// A training record for the scenario's person, or for `other`.
    func training(hours: Double = 3, date: String = "2026-02-01", for other: Person? = nil) -> LedgerPayload {
        .trainingRecorded(TrainingSession(
            id: UUID(), personID: (other ?? person).id, date: LocalDate(date)!, hours: hours, topic: "Malam",
            trainer: "Mentor"))
    }

    @discardableResult
    func record(_ payload: LedgerPayload) throws -> LedgerEvent {
        try ledger.append(payload, actor: Scenario.actor, facilityCode: Scenario.facility.code,
                          recordedAt: Scenario.now)
    }

    func removeHome() {
        if let home { try? FileManager.default.removeItem(at: home) }
    }
}
