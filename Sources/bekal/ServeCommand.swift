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
    @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"
    @Option(name: .customLong("tls-cert"), help: "A PEM certificate (chain) file: serve HTTPS.") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "The certificate's PEM private key file (mode 0600).") var tlsKey: String?

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("give --tls-cert and --tls-key together") }
    }

    func run() async throws {
        let address = try ListenSettings.parse(listen)
        var settings = ListenSettings(host: address.host, port: address.port)
        if let tlsCert, let tlsKey {
            try Self.checkPrivateKey(tlsKey)
            settings.tls = (tlsCert, tlsKey)
        }
        let app = try global.open()
        let facility = try await app.storage.facility()
        var logger = Logger(label: "bekal.web")
        if Environment.value("BEKAL_LOG_LEVEL") == nil { logger.logLevel = .info }
        let clock = try Clock.source()
        let kit = WebKit(directory: app, secure: settings.tls != nil, clock: clock, logger: logger)
        let site = FacilitySite(app: app, kit: kit, facilityName: facility.name)
        if try await app.accountsAbleToSignIn() == 0 {
            Output.warning("no active account has a password yet; set one with `bekal user password NAME`")
        }
        let scheme = settings.tls == nil ? "http" : "https"
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        try await WebServer.run(site.router(), listen: settings, logger: logger) { port in
            FileHandle.standardOutput.write(Data("Listening on \(scheme)://\(host):\(port)/\n".utf8))
        }
    }

    /// A TLS private key, like the facility's signing key, must not be readable by group or others.
    static func checkPrivateKey(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw AppError(.notFound, "--tls-key: the file cannot be read", field: "tls-key") }
        guard info.st_mode & 0o077 == 0 else {
            throw AppError(.permission, "--tls-key: the key file is readable by group or others; make it mode 0600",
                           field: "tls-key")
        }
    }
}
