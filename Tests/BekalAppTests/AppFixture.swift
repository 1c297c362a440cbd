import BekalApp
import BekalDomain
import BekalStore
import Foundation
import Logging

/// A facility for use-case tests: an in-memory ledger behind the app layer, its files (keys, evidence) in a
/// temporary directory, and fixed instants (no test reads the clock).
struct AppFixture {
    /// "Now" for the tests: 15 November 2026, 10:00 WIB.
    static let now = Date(timeIntervalSince1970: 1_794_711_600)
    static let actor = try! Actor(account: "petugas.uji")

    let files: URL
    let app: FacilityApp

    var context: ActionContext { ActionContext(actor: Self.actor, now: Self.now) }

    func context(at instant: Date) -> ActionContext { ActionContext(actor: Self.actor, now: instant) }

    /// An empty facility with the sample framework and an issuer key.
    init(facility: Facility = Facility(code: "LAPAS-UJI", name: "Lapas Uji")) async throws {
        files = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-app-\(UUID().uuidString)")
        app = try FacilityApp.inMemory(files: files)
        let context = ActionContext(actor: Self.actor, now: Self.now)
        _ = try await app.storage.append([LedgerEntry(.facilityInitialized(facility))], actor: Self.actor,
                                         recordedAt: Self.now)
        _ = try await app.importFramework(.sample, context: context)
        _ = try FacilityKeys(directory: app.directory).create(context: context)
    }

    /// A demo facility generated for `today`, recorded at noon WIB that day, behind the app layer.
    init(demoPeople people: Int, seed: UInt64, today: LocalDate) throws {
        files = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-app-\(UUID().uuidString)")
        let data = DemoFacility.generate(people: people, seed: seed, today: today)
        let ledger = try Ledger.inMemory()
        _ = try ledger.append(
            contentsOf: data.events.map {
                LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
            }, actor: "demo", facilityCode: data.facility.code, recordedAt: Self.noonWIB(today))
        let storage = SQLiteLedgerStorage(ledger).withEvidence(at: files.appendingPathComponent("evidence"))
        app = FacilityApp(storage: storage, evidence: storage, directory: DataDirectory(root: files),
                          logger: Logger(label: "bekal.app.tests"))
        self.ledger = ledger
        // Reports carry the ledger's checkpoint, signed with the facility's key.
        _ = try FacilityKeys(directory: app.directory).create(context: ActionContext(actor: Self.actor, now: Self.now))
    }

    /// The ledger under a demo fixture, for appending raw events as an import would.
    private(set) var ledger: Ledger?

    static func noonWIB(_ day: LocalDate) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 5 * 3600)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: files) }
}

/// A generator that always gives the same numbers, so noisy reports are reproducible in tests.
struct CountingGenerator: RandomNumberGenerator {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
