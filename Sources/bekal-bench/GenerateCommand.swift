import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalStore
import Foundation

/// Writes the synthetic facility (`DemoFacility`, deterministic under the seed) into a real data directory,
/// and the same records as CSV files for the import benchmark.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Creates a synthetic facility ledger and its CSV form.")

    @Option(help: "How many fake people.") var people: Int
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: "The data directory to create (must not hold a ledger).") var home: String
    @Option(help: "Where to write persons.csv, assessments.csv, training.csv, production.csv, certificates.csv.")
    var csvDir: String?

    func validate() throws {
        guard (1...200_000).contains(people) else { throw ValidationError("--people: expected 1 to 200000") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let data = DemoFacility.generate(people: people, seed: seed, today: BenchFixture.today)
        let generated = clock.now
        let ledger = try Ledger.create(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        let entries = data.events.map {
            LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
        }
        let result = try ledger.append(
            contentsOf: entries, actor: BenchFixture.actor, facilityCode: data.facility.code,
            recordedAt: BenchFixture.now)
        let appended = clock.now
        // The facility's issuer key, as `bekal init` makes it, so that `bekal export` can run on this home.
        _ = try KeyRing.create(at: URL(fileURLWithPath: home).appendingPathComponent("keys"), now: BenchFixture.now)
        var rows = 0
        if let csvDir {
            rows = try DemoCSV(data: data).write(to: URL(fileURLWithPath: csvDir))
        }
        Figure(id: "generate.demo", samples: [(generated - start).seconds], items: data.events.count).emit()
        Figure(id: "generate.append", samples: [(appended - generated).seconds], items: result.appended.count,
               note: "DemoFacility events appended in one batch").emit()
        if csvDir != nil { Figure(id: "generate.csv", samples: [(clock.now - appended).seconds], items: rows).emit() }
    }
}
