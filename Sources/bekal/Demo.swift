import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates a demo facility with clearly fake people and a few months of records.",
        discussion: "Every name starts with DEMO. The data directory must not hold a ledger yet.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many fake people.") var people: Int = 12
    @Option(help: "The random seed; the same seed gives the same data.") var seed: UInt64 = 1

    func validate() throws {
        guard (1...100_000).contains(people) else { throw ValidationError("--people: expected 1 to 100000") }
    }

    func run() throws {
        let data = DemoFacility.generate(people: people, seed: seed, today: Clock.today())
        let ledger = try Ledger.create(home: global.homeURL, logger: global.logger)
        let entries = data.events.map {
            LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
        }
        let result = try ledger.append(
            contentsOf: entries, actor: global.resolvedActor, facilityCode: data.facility.code, recordedAt: Date())
        print("Demo facility \(data.facility.code) with \(people) fake people: \(result.appended.count) events "
            + "in \(global.homeURL.path)")
    }
}
