import ArgumentParser
import Foundation

/// `bekal-bench`: measures Bekal in-process and prints one JSON line per figure on standard output.
///
/// It is driven by `scripts/bench.sh` (through `benchmarks/run.py`), which also runs the peers and writes
/// `BENCHMARKS.md`. Speed is only ever measured here, never asserted in tests.
@main
struct BekalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bekal-bench",
        abstract: "Benchmarks of Bekal (release build); prints JSON lines of timing samples.",
        subcommands: [
            GenerateCommand.self, HeavyPersonCommand.self, ExportOneCommand.self, ExportAllCommand.self,
            VerifyCommand.self, CanonicalizeCommand.self, RDFCCommand.self, PortfolioReadCommand.self,
            StatsCommand.self, PublishCommand.self, ContextsCommand.self, LogCommand.self, DisclosureCommand.self,
            ExportLogCommand.self,
        ])
}
