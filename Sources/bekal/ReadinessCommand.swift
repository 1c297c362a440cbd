import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Shows what each person's portfolio still lacks for release, ordered by release date.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "One person's register number or internal id (default: every active person).")
    var person: String?
    @Option(help: "Only persons expected to be released within this many days.") var dueWithin: Int?

    func validate() throws {
        if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within: expected 0 or more days") }
    }

    func run() throws {
        throw CommandFailure(status: .storage, message: "readiness is not available yet")
    }
}
