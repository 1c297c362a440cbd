import ArgumentParser
import BekalApp
import BekalDomain
import BekalWeb
import Foundation
import Logging

/// Where a web server listens and with which certificate: the options `bekal serve` and `bekal bapas serve` share,
/// and how both start once their site is built.
struct ListenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"
    @Option(name: .customLong("tls-cert"), help: "A PEM certificate (chain) file: serve HTTPS.") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "The certificate's PEM private key file (mode 0600).") var tlsKey: String?

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("give --tls-cert and --tls-key together") }
    }

    /// Why a server refuses `--actor`: its pages act as the account signed in on each of them.
    static let actorRefusal = "--actor does not apply to a server: every page acts as the account signed in on it"

    /// The address and, with TLS, the certificate and key (the key refused when others can read it).
    func settings() throws -> ListenSettings {
        let address = try ListenSettings.parse(listen)
        var settings = ListenSettings(host: address.host, port: address.port)
        if let tlsCert, let tlsKey {
            try Self.checkPrivateKey(tlsKey)
            settings.tls = (tlsCert, tlsKey)
        }
        return settings
    }

    /// The web servers' logger: access logs at info unless BEKAL_LOG_LEVEL says otherwise.
    static var logger: Logger {
        var logger = Logger(label: "bekal.web")
        if Environment.value("BEKAL_LOG_LEVEL") == nil { logger.logLevel = .info }
        return logger
    }

    /// What the server prints once it listens: the first line on standard output names the address served.
    static func announce(_ settings: ListenSettings) -> @Sendable (Int) -> Void {
        let scheme = settings.tls == nil ? "http" : "https"
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        return { port in FileHandle.standardOutput.write(Data("Listening on \(scheme)://\(host):\(port)/\n".utf8)) }
    }

    /// A TLS private key, like the facility's signing key, must not be readable by group or others.
    static func checkPrivateKey(_ path: String) throws {
        guard let mode = FileMode(ofFileAt: path) else {
            throw AppError(.notFound, "--tls-key: the file cannot be read", field: "tls-key")
        }
        guard mode.isOwnerOnly else {
            throw AppError(.permission, "--tls-key: the key file is readable by group or others; make it mode 0600",
                           field: "tls-key")
        }
    }
}
