import Foundation
import HTTPTypes
import NIOSSL
import Testing

/// `bekal serve --tls-cert --tls-key` over a real socket: HTTPS with the certificate given, the session cookie
/// `Secure` and `__Host-` prefixed, HSTS; a key others can read is refused before anything is served.
@Suite("bekal serve over TLS", .serialized)
struct TLSTests {
    /// A self-signed P-256 certificate for 127.0.0.1, made by openssl (which scripts/bootstrap.sh installs).
    static func certificate(in root: URL) throws -> (cert: URL, key: URL) {
        let cert = root.appendingPathComponent("lapas.pem")
        let key = root.appendingPathComponent("lapas.key")
        let made = try BekalServer.runTool([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key.path, "-out", cert.path, "-days", "30", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ], root: root)
        try #require(made.status == 0, "openssl: \(made.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        return (cert, key)
    }

    @Test("HTTPS with the given certificate: a sign-in sets a Secure __Host- cookie, and HSTS is sent")
    func servesHTTPS() async throws {
        let fixture = try await WebFixture()
        defer { fixture.cleanUp() }
        let (cert, key) = try Self.certificate(in: fixture.root)
        let server = try BekalServer.start(home: fixture.home, root: fixture.root,
                                           arguments: ["--tls-cert", cert.path, "--tls-key", key.path])
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(cert.path))
        tls.certificateVerification = .noHostnameVerification
        let visitor = Visitor(SocketTransport(port: server.port, tls: tls), cookieName: "__Host-bekal_session")
        let login = try await visitor.get("/masuk")
        #expect(login.status == 200)
        #expect(login.header("Strict-Transport-Security")?.hasPrefix("max-age=") == true)
        let signedIn = try await visitor.post("/masuk", ["akun": WebFixture.sari.0, "sandi": WebFixture.sari.1])
        #expect(signedIn.status == 303)
        let cookie = try #require(signedIn.setCookies.first { $0.hasPrefix("__Host-bekal_session=") })
        #expect(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        #expect(try await visitor.get("/").status == 200)
        // Plain HTTP to the TLS port gets no page.
        let plain = try? await Visitor(SocketTransport(port: server.port)).get("/masuk")
        #expect(plain?.status != 200)
    }

    @Test("a TLS key readable by others is refused with the permission exit code, before listening")
    func refusesReadableKey() async throws {
        let fixture = try await WebFixture()
        defer { fixture.cleanUp() }
        let (cert, key) = try Self.certificate(in: fixture.root)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
        let run = try BekalServer.runTool(
            [BekalServer.binary.path, "serve", "--listen", "127.0.0.1:0", "--tls-cert", cert.path, "--tls-key", key.path],
            environment: ["BEKAL_HOME": fixture.home.path, "BEKAL_NOW": WebFixture.nowText], root: fixture.root)
        #expect(run.status == 7)
        #expect(run.stderr.contains("readable by group or others"))
        #expect(!run.stdout.contains("Listening"))
    }
}
