import BekalApp
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// Where and how a site listens.
public struct ListenSettings: Sendable {
    /// The address to bind (`127.0.0.1` by default: the office network is reached only when told).
    public var host: String
    /// The port; 0 asks the system for a free one (its number is reported once bound).
    public var port: Int
    /// PEM certificate chain and private key files for HTTPS; plain HTTP when `nil`.
    public var tls: (certificate: String, key: String)?

    /// - Parameters: the address, port and TLS files (loopback, 8080 and plain HTTP by default).
    public init(host: String = "127.0.0.1", port: Int = 8080, tls: (certificate: String, key: String)? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
    }

    /// `HOST:PORT` (an IPv6 address in brackets: `[::1]:8080`).
    /// - Throws: `AppError.usage` for anything else.
    public static func parse(_ text: String) throws(AppError) -> (host: String, port: Int) {
        var host = Substring(text), portText = Substring("")
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else {
            throw AppError(.usage, "--listen: expected HOST:PORT such as 127.0.0.1:8080", field: "listen")
        }
        return (String(host), port)
    }
}

/// Runs a site's router until SIGINT or SIGTERM.
public enum WebServer {
    /// Binds and serves; `onListening` gets the bound port once the socket is listening (port 0 picks one).
    public static func run(
        _ router: Router<WebRequestContext>, listen: ListenSettings, logger: Logger,
        onListening: @escaping @Sendable (Int) -> Void
    ) async throws {
        let server: HTTPServerBuilder
        if let tls = listen.tls {
            let configuration: TLSConfiguration
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(tls.certificate).map { NIOSSLCertificateSource.certificate($0) }
                let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
                configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            } catch {
                throw AppError(.usage, "--tls-cert/--tls-key: the certificate or key cannot be read (PEM files expected)",
                               field: "tls", cause: error)
            }
            server = try .tls(.http1(), tlsConfiguration: configuration)
        } else {
            server = .http1()
        }
        let application = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "Bekal"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? listen.port) },
            logger: logger)
        try await application.runService()
    }
}
