import BekalCredentials
import BekalDomain
import ArgumentParser
import BekalApp
import Foundation

/// `bekal status-list`: the facility's signed revocation list.
struct StatusListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status-list", abstract: "Publishes the facility's revocation status list.",
        subcommands: [StatusListExport.self])
}

struct StatusListExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes the signed BitstringStatusListCredential with every revoked credential's bit set.",
        discussion: "The file is replaced atomically: publish it wherever the exports' statusListCredential points.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to write the status list credential.") var out: String

    func run() async throws {
        let list = try await global.open().statusList(context: try global.context())
        try AtomicFile.write(list.bytes, to: URL(fileURLWithPath: out), replacing: true)
        print("Status list \(list.url): \(list.revoked) revoked of \(list.credentials) credential(s)")
    }
}
