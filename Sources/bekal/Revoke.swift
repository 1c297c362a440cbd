import ArgumentParser
import BekalStore
import Foundation

/// `bekal revoke`: withdraws an exported credential; the next `bekal status-list export` sets its bit.
struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revokes an exported credential (a ledger event); publish the status list afterwards.",
        discussion: """
            CREDENTIAL-ID is the urn:uuid: id of the outer export or of an embedded credential, as `bekal verify` \
            prints it. Unknown ids exit 3, an already revoked credential exits 5.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The credential's id, urn:uuid:...")
    var credentialID: String

    @Option(help: "Why it is revoked (kept in the ledger, not published).")
    var reason: String

    func run() throws {
        let id = credentialID.trimmingCharacters(in: .whitespaces).lowercased()
        guard id.hasPrefix("urn:uuid:"), UUID(uuidString: String(id.dropFirst(9))) != nil else {
            throw CommandFailure.invalid("CREDENTIAL-ID: expected a urn:uuid: id")
        }
        let reason = try Input.text(reason, option: "--reason")
        let ledger = try global.openLedger()
        let event = try ledger.revoke(credentialID: id, reason: reason, actor: global.resolvedActor, recordedAt: Date())
        print("Revoked \(id) (event \(event.id.uuidString.lowercased())); run `bekal status-list export` to publish")
    }
}
