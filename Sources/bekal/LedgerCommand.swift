import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Checks the ledger's hash chain and rebuilds the query tables from it.",
        subcommands: [LedgerVerify.self, LedgerRebuild.self])
}

struct LedgerVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recomputes the hash chain and reports the first broken or missing link (exit 1 if broken).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        var intact: Bool
        var count: Int?
        var headHash: String?
        var sequence: Int64?
        var reason: String?
        var message: String?
    }

    func run() async throws {
        switch try await global.open().verifyChain() {
        case .intact(let count, let head):
            if output.json { try Output.json(Report(intact: true, count: count, headHash: head)) }
            else { print("Ledger intact: \(count) events, head \(head)") }
        case .broken(let failure):
            if output.json {
                try Output.json(Report(intact: false, sequence: failure.sequence, reason: failure.reason.rawValue,
                                       message: failure.message))
            } else {
                print("Ledger BROKEN at event \(failure.sequence): \(failure.message)")
            }
            throw ExitCode(ExitStatus.verificationFailed.rawValue)
        }
    }
}

struct LedgerRebuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Drops the query tables and replays the whole ledger into them.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        print("Rebuilt the query tables from \(try await global.open().rebuildProjections()) events")
    }
}
