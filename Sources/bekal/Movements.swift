import BekalCredentials
import Foundation
import ArgumentParser
import BekalApp
import BekalDomain

struct TransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Records the transfer of a WBP to another facility.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The receiving facility's code.") var to: String
    @Option(help: "The transfer date.") var date: String

    func run() async throws {
        let event = try await global.open().transfer(
            try TypedInput.person(person), to: to, on: try TypedInput.date(date, field: "--date"),
            context: try global.context())
        Recorded.print(event)
    }
}

struct ReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Records the release of a WBP and prints their identity verification code for them.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The release date.") var date: String
    @Option(help: "parole (PB), conditional-leave (CB), leave-before-release (CMB) or end-of-sentence (bebas).")
    var kind: String = "end-of-sentence"

    func run() async throws {
        let (event, code) = try await global.open().release(
            try TypedInput.person(person), on: try TypedInput.date(date, field: "--date"),
            kind: try TypedInput.term(kind, field: "--kind", as: ReleaseKind.self), context: try global.context())
        Recorded.print(event)
        print("Verification code for the person (print it for them; a PK asks for it to confirm their export): \(code.formatted)")
    }
}
