import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

/// `bekal revoke`: withdraws an exported credential; the next `bekal status-list export` sets its bit.
struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revokes an exported credential (a ledger event); publish the status list afterwards.",
        discussion: """
            CREDENTIAL-ID is the urn:uuid: id of the outer export or of an embedded credential, as `bekal verify` \
            and `bekal history` show it. Unknown ids exit 3, an already revoked credential exits 5.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The credential's id, urn:uuid:...") var credentialID: String
    @Option(help: "Why it is revoked (kept in the ledger, not published).") var reason: String

    func run() async throws {
        let app = try global.open()
        let context = try global.context()
        let event = try await app.revoke(credentialID: credentialID, reason: reason, context: context)
        guard case .credentialRevoked(let revocation) = event.payload else { return Recorded.print(event) }
        print("Revoked \(revocation.credentialID) (event \(event.id.uuidString.lowercased())); run `bekal status-list export` to publish")
        let bapas = try await app.deliveryDestinations(context: context).count
        if bapas > 0 {
            print("The new status list is queued for the \(bapas) Bapas address(es) portfolios went to; `bekal send --to URL` sends it.")
        }
    }
}
