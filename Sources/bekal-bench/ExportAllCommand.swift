import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalStore
import Foundation

/// The whole-facility export: every person's portfolio read, signed and written to its own file, on `--jobs`
/// threads. Portfolios are streamed (read, exported, written, dropped), so memory does not grow with people.
struct ExportAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-all", abstract: "Exports every person of the facility, one file each.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The data directory.") var home: String
    @Option(help: "The output directory (files are replaced on every run).") var outDir: String
    @Option(help: "Worker threads.") var jobs = 2
    @Option(help: "Export only the first N persons (0: all).") var limit = 0
    @Option(help: "The cryptosuite: eddsa-jcs-2022 (what the Python peers verify) or eddsa-rdfc-2022.")
    var cryptosuite: String = ExportCryptosuite.jcs.rawValue

    func validate() throws {
        guard ExportCryptosuite(rawValue: cryptosuite) != nil else {
            throw ValidationError("--cryptosuite must be one of: \(ExportCryptosuite.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let ledger = try Ledger(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        let key = try BenchFixture.issuerKey()
        var persons = try ledger.persons(status: nil).map(\.id)
        if limit > 0 { persons = Array(persons.prefix(limit)) }
        let out = URL(fileURLWithPath: outDir)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let ids = persons
        let suite = ExportCryptosuite(rawValue: cryptosuite) ?? .jcs
        let workers = max(1, jobs)
        let samples = try Sampling.measure(repetition.repetitions) {
            let failures = FailureBox()
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var random = SeededRandom(state: UInt64(worker + 1))
                var index = worker
                while index < ids.count {
                    do {
                        let portfolio = try ledger.portfolio(of: .id(ids[index]))
                        let bytes = try PortfolioExport.bytes(portfolio, key: key, cryptosuite: suite, random: &random)
                        let file = out.appendingPathComponent("\(ids[index].uuidString.lowercased()).json")
                        try Data(bytes).write(to: file, options: .atomic)
                    } catch {
                        failures.record("\(error)")
                        return
                    }
                    index += workers
                }
            }
            if let failure = failures.first { throw BenchFailure("export failed: \(failure)") }
        }
        let id = suite == .jcs ? "export.all" : "export.all.\(suite.rawValue)"
        Figure(id: id, samples: samples, items: ids.count, note: "\(workers) threads, \(suite.rawValue)").emit()
    }
}

/// The first failure of a concurrent loop.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func record(_ message: String) { lock.withLock { messages.append(message) } }
    var first: String? { lock.withLock { messages.first } }
}
