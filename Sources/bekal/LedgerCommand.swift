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
        abstract: "Checks the ledger: its hash chain, log tree, projections and evidence files (exit 1 if not intact).",
        discussion: """
            Without --checkpoint: recomputes the hash chain (the first broken or missing link), checks every event \
            against the log tree Bekal stores with every append (an event written outside Bekal has no leaf there) \
            and the tree's own nodes, replays the events against the query tables, and checks that every evidence \
            file is there and hashes to its name. Exit 1, naming what is wrong, when any of it fails. \
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
        struct Failure: Encodable {
            var reason: String
            var firstEvent: Int64?
            var lastEvent: Int64?
            var message: String
        }
        var intact: Bool
        var count: Int?
        var headHash: String?
        var sequence: Int64?
        var reason: String?
        var message: String?
        var failures: [Failure]?
    }

    func run() async throws {
        if let checkpoint {
            let result = try await reportingErrors {
                let bytes = try InputFile.read(checkpoint, field: "checkpoint")
                return try await global.open().verifyLedger(
                    checkpoint: bytes, witnessKeys: witnessKeys, context: try global.context())
            }
            return try LedgerAuditOutput.print(result, json: output.json)
        }
        // The chain, then what needs no outside checkpoint: events against the stored log tree, projections,
        // evidence files, events' actors. "Intact" only when all of it holds.
        let integrity = try await reportingErrors {
            try await global.open().verifyIntegrity(context: try global.context())
        }
        try Self.print(integrity, json: output.json)
    }

    /// Runs `body`; with --json, an error it throws is printed as the JSON object `bekal verify --json` prints for
    /// errors (standard output), and the command exits with the error's code.
    private func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch where output.json && !(error is ExitCode) && !Usage.isArgumentParserError(error) {
            let failure = AppError(error)
            let status = ExitStatus(failure.code).rawValue
            Swift.print(VerificationReport.jsonError(failure, exitCode: status))
            throw ExitCode(status)
        }
    }

    private static func print(_ integrity: LedgerIntegrityReport, json: Bool) throws {
        let failures = integrity.failures.map {
            Report.Failure(reason: $0.reason, firstEvent: $0.events?.lowerBound, lastEvent: $0.events?.upperBound,
                           message: $0.message)
        }
        switch integrity.chain {
        case .intact(let count, let head):
            if json {
                try Output.json(Report(intact: integrity.isIntact, count: count, headHash: head,
                                       failures: failures))
            } else if integrity.isIntact {
                Swift.print("Ledger intact: \(count) events, head \(head)")
            } else {
                Swift.print("Ledger NOT intact: the hash chain of \(count) events holds, but:")
            }
        case .broken(let failure):
            if json {
                try Output.json(Report(intact: false, sequence: failure.sequence, reason: failure.reason.rawValue,
                                       message: failure.message, failures: failures))
            } else {
                Swift.print("Ledger BROKEN at event \(failure.sequence): \(failure.message)")
            }
        }
        if !json {
            for failure in failures { Swift.print("  \(failure.reason) \(Self.events(failure)): \(failure.message)") }
        }
        if !integrity.isIntact { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
    }

    private static func events(_ failure: Report.Failure) -> String {
        guard let first = failure.firstEvent, let last = failure.lastEvent else { return "" }
        return first == last ? "event \(first)" : "events \(first)-\(last)"
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
