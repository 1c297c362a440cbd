import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Checks the ledger (its chain, or against a checkpoint held outside), signs checkpoints, rebuilds.",
        subcommands: [LedgerVerify.self, LedgerCheckpointCommand.self, LedgerRebuild.self])
}

struct LedgerVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recomputes the hash chain and reports the first broken or missing link (exit 1 if broken).",
        discussion: """
            With --checkpoint FILE (a checkpoint the facility gave out, a witness's cosigned one, or one from an \
            export or report), checks the ledger against it instead: truncation, rollback and any rewrite of the \
            history it covers are named by event; events appended after it are listed with their actor. \
            --witness-key requires (and checks) that witness's cosignature. Exit 1 when it does not match.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("A signed checkpoint held outside the facility.", valueName: "file"))
    var checkpoint: String?
    @Option(name: .customLong("witness-key"), help: ArgumentHelp(
        "With --checkpoint: a witness's cosignature verifier key whose cosignature must be there (repeatable).",
        valueName: "key"))
    var witnessKeys: [String] = []

    func validate() throws {
        if checkpoint == nil && !witnessKeys.isEmpty { throw ValidationError("--witness-key needs --checkpoint") }
    }

    struct Report: Encodable {
        var intact: Bool
        var count: Int?
        var headHash: String?
        var sequence: Int64?
        var reason: String?
        var message: String?
    }

    func run() async throws {
        if let checkpoint {
            let bytes = try InputFile.read(checkpoint, field: "checkpoint")
            let result = try await global.open().verifyLedger(
                checkpoint: bytes, witnessKeys: witnessKeys, context: try global.context())
            return try LedgerAuditOutput.print(result, json: output.json)
        }
        switch try await global.open().verifyChain(context: try global.context()) {
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
        commandName: "rebuild", abstract: "Drops the query tables and replays the whole ledger into them.",
        discussion: """
            --log-tree rebuilds the log's stored tree instead, after Bekal refused to append or sign because it was \
            out of step with the events. Check the ledger against a witnessed checkpoint FIRST (`ledger verify \
            --checkpoint`): the rebuilt tree agrees with the events as they are now, tampered or not, and a witness \
            refuses the next checkpoint as a fork if the history it saw changed.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("log-tree"), help: "Rebuild the log's stored tree instead of the query tables.")
    var logTree = false

    func run() async throws {
        let app = try global.open()
        if logTree {
            let leaves = try await app.rebuildLogTree(context: try global.context())
            print("Rebuilt the log tree from \(leaves) events; check it against a witnessed checkpoint")
            return
        }
        let events = try await app.rebuildProjections(context: try global.context())
        print("Rebuilt the query tables from \(events) events")
    }
}
