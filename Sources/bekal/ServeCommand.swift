import ArgumentParser
import BekalApp
import BekalDomain
import BekalPublisher
import BekalWeb
import Foundation
import Logging

/// `bekal serve`: the facility's web interface over its data directory.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the facility's web interface (Indonesian, English one click away) from the data directory.",
        discussion: """
            Staff sign in with their account (`bekal user add`, `bekal user password`); every page calls the same \
            use cases as the CLI and every event names the signed-in account. Listens on 127.0.0.1:8080 unless \
            --listen says otherwise (0.0.0.0:8443 for the office network, with --tls-cert and --tls-key). With \
            port 0 the system picks a free port; the first line on standard output always names the address \
            served (`Listening on http://127.0.0.1:PORT/`). Access logs name route templates, never paths, \
            queries or client addresses. For tests only: BEKAL_NOW moves the server's clock (it then advances \
            with real time). With --bapas (repeatable), a person's page offers "Kirim ke Bapas": it queues the \
            portfolio in the delivery outbox for that Bapas, and the scheduled `bekal send --to URL` delivers it \
            (the web server holds no delivery secret). Only the addresses given here can be chosen.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listen: ListenOptions
    @Option(name: .customLong("bapas"), help: ArgumentHelp(
        "A Bapas's receiving URL (…/terima) that a person's page may queue portfolios for; repeat for several.",
        valueName: "url"))
    var bapas: [String] = []

    func validate() throws {
        // Every page acts as the account signed in on it; an account named here would act for no one, and
        // accepting it silently would suggest it does.
        if global.actor != nil { throw ValidationError(ListenOptions.actorRefusal) }
        for url in bapas where (try? Endpoint(url: url)) == nil {
            throw ValidationError("--bapas: expected an absolute http or https URL (the Bapas's …/terima)")
        }
    }

    func run() async throws {
        let settings = try listen.settings()
        let app = try global.open()
        let facility = try await app.storage.facility()
        let logger = ListenOptions.logger
        let clock = try WallClock.source()
        let kit = WebKit(directory: app, secure: settings.tls != nil, clock: clock, logger: logger)
        let site = FacilitySite(app: app, kit: kit, facilityName: facility.name, bapasDestinations: bapas)
        if try await app.accountsAbleToSignIn() == 0 {
            Output.warning("no active account has a password yet; set one with `bekal user password NAME`")
        }
        try await WebServer.run(site.router(), listen: settings, logger: logger,
                                onListening: ListenOptions.announce(settings))
    }
}
