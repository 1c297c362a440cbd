import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates a demo facility with clearly fake people and a few months of records.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many fake people.") var people: Int = 12
    @Option(help: "The random seed; the same seed gives the same data.") var seed: UInt64 = 1

    func run() throws {
        throw CommandFailure(status: .storage, message: "demo is not available yet")
    }
}
