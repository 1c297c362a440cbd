import ArgumentParser
import BekalCredentials
import BekalJSON
import BekalStore
import Foundation

/// `bekal status-list`: the facility's signed revocation list.
struct StatusListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status-list",
        abstract: "Publishes the facility's revocation status list.",
        subcommands: [StatusListExport.self])
}

struct StatusListExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes the signed BitstringStatusListCredential with every revoked credential's bit set.",
        discussion: "The file is replaced atomically: publish it wherever the exports' statusListCredential points.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Where to write the status list credential.")
    var out: String

    func run() throws {
        let ledger = try global.openLedger()
        let setup = try IssuerSetup.load(home: global.homeURL, facility: try ledger.facility())
        let indices = try ledger.statusIndices(listURL: setup.statusListURL)
        let revoked = try ledger.revokedCredentialIDs().keys.filter { indices[$0] != nil }
        let allocation = StatusAllocation(listURL: setup.statusListURL, indices: indices)
        let list = try allocation.statusList(revoked: revoked)
        let document = try StatusListCredential.make(
            id: setup.statusListURL, issuer: setup.issuerID, list: list, key: setup.key, now: Date())
        try AtomicFile.write(JSONWriter.serialize(.object(document), pretty: true), to: URL(fileURLWithPath: out),
                             replacing: true)
        print("Status list \(setup.statusListURL): \(revoked.count) revoked of \(indices.count) credential(s)")
    }
}
