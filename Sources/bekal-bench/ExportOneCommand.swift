import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalStore
import Foundation

/// Export of one portfolio with `--achievements` achievements: signing and serializing in memory, and with the
/// ledger read included. The generator's richest portfolios hold about 12 achievements (every sample unit
/// Kompeten, a certificate, the record), so the richest one found is topped up with further certificates —
/// one more signed credential each, as in a long-serving person's portfolio. Also writes that export for the
/// verify, RDFC and CLI benchmarks.
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
        guard var (portfolio, count) = best else { throw BenchFailure("the ledger holds no person") }
        let found = count
        var random = SeededRandom(state: 3)
        while count < achievements {
            let issued = portfolio.person.admissionDate.adding(days: 30 + count)
            portfolio.certificates.append(Certificate(
                id: UUID(uuid: HeavyPersonCommand.uuidBytes(&random)), personID: portfolio.person.id,
                issuer: "DEMO LSP Batik (fiktif)", scheme: "DEMO Skema \(count)", number: "DEMO-CERT-X\(count)",
                registrationNumber: nil, issuedOn: issued, expiresOn: issued.adding(years: 3),
                unitCodes: Array(portfolio.framework.units.prefix(2).map(\.code))))
            count = PortfolioExport.achievementCount(portfolio)
        }
        let shape = found == count ? "\(count) achievements" : "\(count) achievements (\(found) generated + \(count - found) certificates)"
        var size = 0
        let inMemory = try Sampling.measure(repetition.repetitions) {
            var random = SeededRandom(state: 1)
            size = try PortfolioExport.bytes(portfolio, key: key, random: &random).count
        }
        Figure(id: "export.one", samples: inMemory, items: 1, bytes: size,
               note: "\(shape), in memory (sign + serialize), eddsa-jcs-2022").emit()
        let rdfc = try Sampling.measure(repetition.repetitions) {
            var random = SeededRandom(state: 1)
            _ = try PortfolioExport.bytes(portfolio, key: key, cryptosuite: .rdfc, random: &random)
        }
        Figure(id: "export.one.rdfc", samples: rdfc, items: 1, bytes: size,
               note: "\(shape), in memory, eddsa-rdfc-2022 (bekal export's default)").emit()
        let topUp = Array(portfolio.certificates.suffix(count - found))
        let withRead = try Sampling.measure(repetition.repetitions) {
            var random = SeededRandom(state: 1)
            var read = try ledger.portfolio(of: .id(portfolio.person.id))
            read.certificates += topUp
            _ = try PortfolioExport.bytes(read, key: key, random: &random)
        }
        Figure(id: "export.one.with-read", samples: withRead, items: 1, bytes: size,
               note: "\(shape), ledger read included").emit()
        if let out {
            var random = SeededRandom(state: 1)
            let bytes = try PortfolioExport.bytes(portfolio, key: key, random: &random)
            try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        }
    }
}
