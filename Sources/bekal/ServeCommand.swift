import ArgumentParser
import BekalApp
import BekalDomain
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
            with real time).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listen: ListenOptions

    func validate() throws {
        // Every page acts as the account signed in on it; an account named here would act for no one, and
        // accepting it silently would suggest it does.
        if global.actor != nil { throw ValidationError(ListenOptions.actorRefusal) }
    }

    func run() async throws {
        let settings = try listen.settings()
        let app = try global.open()
        let facility = try await app.storage.facility()
        let logger = ListenOptions.logger
        let clock = try WallClock.source()
        let kit = WebKit(directory: app, secure: settings.tls != nil, clock: clock, logger: logger)
        let site = FacilitySite(app: app, kit: kit, facilityName: facility.name)
        if try await app.accountsAbleToSignIn() == 0 {
            Output.warning("no active account has a password yet; set one with `bekal user password NAME`")
        }
        try await WebServer.run(site.router(), listen: settings, logger: logger,
                                onListening: ListenOptions.announce(settings))
    }
}
