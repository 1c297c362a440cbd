import ArgumentParser
import BekalApp
import Foundation

/// `bekal witness`: an offline witness for parties outside the facility (Kanwil, Bapas, the ministry).
struct WitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Keeps facilities' ledger checkpoints, cosigns consistent ones, and reports rollbacks and forks.",
        discussion: """
            A small offline tool for a party outside the facility. It works on its own state directory (--state \
            DIR, else $BEKAL_WITNESS_HOME, else ~/.bekal-witness), never on a facility's data directory. Exit codes: \
            0 cosigned; 9 rollback and 10 fork (both checkpoints written to an evidence file); 1 a checkpoint not \
            signed by the log's trusted key; 3 an unknown log; 5 a proof from another size than the one held.
            """,
        subcommands: [WitnessInit.self, WitnessTrust.self, WitnessAdd.self, WitnessShow.self])
}

/// Options every witness command takes.
struct WitnessOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The witness's state directory. Defaults to $BEKAL_WITNESS_HOME, else ~/.bekal-witness.", valueName: "dir"))
    var state: String?

    var desk: WitnessDesk {
        let root: URL
        if let state, !state.isEmpty {
            root = URL(fileURLWithPath: state)
        } else if let home = Environment.value("BEKAL_WITNESS_HOME"), !home.isEmpty {
            root = URL(fileURLWithPath: home)
        } else {
            root = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".bekal-witness")
        }
        return WitnessDesk(directory: WitnessDirectory(root: root))
    }

    /// Now (the cosignature's time); the witness acts as the OS user.
    func context() throws -> ActionContext {
        let name = [Environment.value("USER"), Environment.value("LOGNAME")].compactMap { $0 }.first { !$0.isEmpty }
        return ActionContext(actor: try Actor(account: name ?? "witness"), now: try WallClock.now())
    }
}
