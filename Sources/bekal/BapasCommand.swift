import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import BekalWeb
import Foundation
import Logging

/// `bekal bapas …`: a Bapas's side. Its data directory is a Bekal data directory (`bekal init` with the office's
/// name and code) whose ledger keeps the staff accounts (`bekal user add NAME --role pk`), plus `bapas.sqlite`.
struct BapasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bapas",
        abstract: "A Bapas: trusted facilities, delivery secrets, received portfolios and the PK's web pages.",
        subcommands: [BapasTrust.self, BapasSecret.self, BapasInbox.self, BapasServe.self])
}

/// `bekal bapas trust import FILE` / `bekal bapas trust list` / `bekal bapas trust history`.
struct BapasTrust: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "The facilities the Bapas trusts: imports a trust list, lists the registry, or shows its history.",
        subcommands: [BapasTrustImport.self, BapasTrustList.self, BapasTrustHistory.self])
}

/// `bekal bapas secret CODE --secret-file FILE`.
struct BapasSecret: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret", abstract: "Sets the secret a facility delivers with (only its SHA-256 is kept).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The facility's code, e.g. LAPAS-PWT.") var facility: String
    @Option(help: ArgumentHelp("A file (mode 0600) holding the secret.", valueName: "file")) var secretFile: String?
    @Option(help: ArgumentHelp("An environment variable holding the secret.", valueName: "name")) var secretEnv: String?

    func validate() throws {
        guard (secretFile == nil) != (secretEnv == nil) else {
            throw ValidationError("give the secret with exactly one of --secret-file or --secret-env")
        }
    }

    func run() async throws {
        let bapas = try BapasApp.open(home: global.homeURL, logger: global.logger)
        let secret = try BapasApp.readSecret(secretFile.map(SecretSource.file) ?? .environment(secretEnv ?? ""))
        try await bapas.setDeliverySecret(facilityCode: facility, secret: secret, context: try global.context())
        print("The delivery secret of \(facility) is set.")
    }
}

/// `bekal bapas inbox`: received portfolios, newest first (no names: a terminal's scrollback is not the PK's page).
struct BapasInbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inbox", abstract: "Lists received portfolios.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let bapas = try BapasApp.open(home: global.homeURL, logger: global.logger)
        for p in try await bapas.inbox() {
            print("\(p.id.uuidString.lowercased())  \(Timestamp.format(p.receivedAt))  \(p.verdict)  \(p.facilityName ?? "(issuer not trusted)")  release \(p.releaseDate ?? "-")")
        }
    }
}

/// `bekal bapas serve`: the receiving endpoint and the PK's pages.
struct BapasServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the Bapas: POST /terima for facilities' deliveries, and the PK's pages.",
        discussion: """
            A separate command from `bekal serve`, on purpose: a Bapas holds no WBP records, so none of the \
            facility's routes exist here, and the receiving endpoint exists nowhere else. Accounts, sessions, CSRF, \
            throttling and headers are the same code. The first line on standard output names the address served.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listen: ListenOptions

    func validate() throws {
        if global.actor != nil { throw ValidationError(ListenOptions.actorRefusal) }
    }

    func run() async throws {
        let settings = try listen.settings()
        let app = try global.open()
        let bapas = try BapasApp.open(home: global.homeURL, logger: global.logger)
        let office = try await app.storage.facility()
        let logger = ListenOptions.logger
        let kit = WebKit(directory: app, secure: settings.tls != nil, clock: try WallClock.source(), logger: logger)
        let site = BapasSite(bapas: bapas, kit: kit, officeName: office.name)
        try await WebServer.run(site.router(), listen: settings, logger: logger,
                                onListening: ListenOptions.announce(settings))
    }
}
