import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

/// `bekal bapas trust history`: every import into the registry, oldest first.
struct BapasTrustHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Shows the registry's change history: every trust list imported, oldest first.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let bapas = try BapasApp.open(home: global.homeURL, logger: global.logger)
        for entry in try await bapas.trustHistory() {
            print("\(entry.sequence)  \(Timestamp.format(entry.importedAt))  \(entry.importedBy)  \(entry.facilityNames)  [\(entry.signedBy)]")
        }
    }
}
