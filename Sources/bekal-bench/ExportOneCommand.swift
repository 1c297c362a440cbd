import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

/// Export of one portfolio with about 25 achievements: signing and serializing in memory, and with the
/// ledger read included. Also writes that export (and a few more) for the verify and canonicalize benchmarks.
struct ExportOneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-one", abstract: "Times the export of the portfolio closest to 25 achievements.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The data directory.") var home: String
    @Option(help: "Achievements wanted in the portfolio.") var achievements = 25
    @Option(help: "Write the chosen export here.") var out: String?

    func run() throws {
        let ledger = try Ledger(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        let key = try BenchFixture.issuerKey()
        var best: (Portfolio, Int)?
        for person in try ledger.persons(status: nil).prefix(2_000) {
            let portfolio = try ledger.portfolio(of: .id(person.id))
            let count = PortfolioExport.achievementCount(portfolio)
            if best == nil || abs(count - achievements) < abs(best!.1 - achievements) { best = (portfolio, count) }
            if count == achievements { break }
        }
        guard let (portfolio, count) = best else { throw BenchFailure("the ledger holds no person") }
        var size = 0
        let inMemory = try Sampling.measure(repetition.repetitions) {
            var random = SeededRandom(state: 1)
            size = try PortfolioExport.bytes(portfolio, key: key, random: &random).count
        }
        Figure(id: "export.one", samples: inMemory, items: 1, bytes: size,
               note: "\(count) achievements, in memory (sign + serialize)").emit()
        let withRead = try Sampling.measure(repetition.repetitions) {
            var random = SeededRandom(state: 1)
            let read = try ledger.portfolio(of: .id(portfolio.person.id))
            _ = try PortfolioExport.bytes(read, key: key, random: &random)
        }
        Figure(id: "export.one.with-read", samples: withRead, items: 1, bytes: size,
               note: "\(count) achievements, ledger read included").emit()
        if let out {
            var random = SeededRandom(state: 1)
            let bytes = try PortfolioExport.bytes(portfolio, key: key, random: &random)
            try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        }
    }
}
