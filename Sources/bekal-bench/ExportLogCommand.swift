import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// What the ledger log proof adds to one export (docs/ledger.md, "Cost of the log proof in an export"): the
/// app layer's whole export of the generated portfolio closest to `--achievements` achievements, with and without
/// `ledgerLog` (the checkpoint and the inclusion proofs of every event the credentials were built from), for each
/// cryptosuite: time (allocation, ledger reads, proofs, checkpoint signature, signing, serializing) and bytes.
/// Nothing is topped up: every credential must come from events in the ledger to have proofs.
struct ExportLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-log", abstract: "Times one export with and without its ledger log proof.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The data directory (bekal-bench generate).") var home: String
    @Option(help: "Achievements wanted in the portfolio.") var achievements = 25

    func run() async throws {
        let app = try FacilityApp.open(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        var best: (Person, Int)?
        for person in try await app.storage.persons(status: .active, matching: nil).prefix(2_000) {
            let count = PortfolioExport.achievementCount(try await app.storage.portfolio(of: .id(person.id)))
            if best == nil || abs(count - achievements) < abs(best!.1 - achievements) { best = (person, count) }
            if count == achievements { break }
        }
        guard let (person, count) = best else { throw BenchFailure("the ledger holds no active person") }
        let context = ActionContext(actor: try Actor(account: BenchFixture.actor), now: BenchFixture.now)
        let events = try await app.storage.events(about: person.id).count
        let size = try await app.storage.eventCount()
        for suite in [ExportCryptosuite.rdfc, .jcs] {
            var sizes: [Bool: Int] = [:]
            var proofEvents = 0
            for withLog in [false, true] {
                let settings = ExportSettings(cryptosuite: suite, withLedgerLog: withLog)
                let samples = try await Sampling.measure(repetition.repetitions) {
                    let export = try await app.exportPortfolio(.id(person.id), settings: settings, context: context)
                    sizes[withLog] = export.bytes.count
                    if withLog, let log = try? UnverifiedCredential(parsing: export.bytes).document[LedgerLogEvidence.member] {
                        proofEvents = (try LedgerLogEvidence(json: log)).records.reduce(0) { $0 + $1.events.count }
                    }
                }
                Figure(id: "export.log.\(withLog ? "with" : "without").\(suite == .rdfc ? "rdfc" : "jcs")",
                       samples: samples, items: 1, bytes: sizes[withLog] ?? 0,
                       note: "\(count) achievements, \(events) events about the person, ledger of \(size) events, "
                           + "\(suite.rawValue), \(withLog ? "with the log proof (\(proofEvents) inclusion proofs)" : "without the log proof")")
                    .emit()
            }
        }
    }
}
