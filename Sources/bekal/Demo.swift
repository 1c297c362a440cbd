import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates a demo facility with clearly fake people and a few months of records.",
        discussion: "Every name starts with DEMO. The data directory must not hold a ledger yet.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many fake people (1 to 100000).") var people: Int = 12
    @Option(help: "The random seed; the same seed gives the same data.") var seed: UInt64 = 1

    func validate() throws {
        guard (1...100_000).contains(people) else { throw ValidationError("--people: expected 1 to 100000") }
    }

    func run() async throws {
        let demo = try await FacilityApp.createDemo(
            home: global.homeURL, people: people, seed: seed, context: try global.context(), logger: global.logger)
        print("Demo facility \(demo.facility.code) with \(people) fake people: \(demo.events) events in \(global.homeURL.path)")
    }
}
