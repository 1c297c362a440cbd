import BekalApp
import BekalDomain
import BekalWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// "Kirim ke Bapas" end to end over the real parts: Selenium drives headless chromium against a real
/// `bekal serve --bapas URL` process, which queues the portfolio; a real `bekal send --to URL` process delivers it
/// over libcurl to a live Bapas site on 127.0.0.1, which verifies and stores it.
@Suite("Sending to a Bapas from a real browser (Selenium, bekal serve, bekal send)", .serialized)
struct BrowserDeliveryTests {
    @Test("a counselor clicks Kirim ke Bapas; the scheduled bekal send delivers it; the Bapas stores it VALID with the name")
    func clickQueueSendReceive() async throws {
        let scene = try await BapasSiteTests.Scene()
        let fixture = scene.fixture
        defer { fixture.cleanUp() }
        let passwordFile = fixture.root.appendingPathComponent("sandi.txt")
        try Data(WebFixture.sari.1.utf8).write(to: passwordFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile.path)
        let secretFile = fixture.root.appendingPathComponent("bapas.secret")
        try Data((BapasSiteTests.secret + "\n").utf8).write(to: secretFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretFile.path)
        let artifacts = BekalServer.repositoryRoot.appendingPathComponent(".build/test-artifacts/browser")

        try await Application(router: scene.site.router(), logger: fixture.kit.logger).test(.live) { bapasClient in
            let url = "http://127.0.0.1:\(try #require(bapasClient.port))/terima"
            let server = try BekalServer.start(home: fixture.home, root: fixture.root, arguments: ["--bapas", url])
            defer { server.stop() }
            let run = try BekalServer.runTool(
                ["python3", BekalServer.repositoryRoot.appendingPathComponent("Tests/BekalWebTests/Fixtures/browser_delivery.py").path,
                 server.baseURL, passwordFile.path, fixture.sariID.uuidString.lowercased(), url, artifacts.path],
                environment: ["BEKAL_ACCOUNT": WebFixture.sari.0], root: fixture.root)
            try #require(run.status == 0, "the browser step failed: \(run.stderr)")
            #expect(run.stdout.contains("queued"))
            #expect(try await scene.bapas.inbox().isEmpty, "the web server queues only; it sends nothing itself")

            // The scheduled run at the facility, as the README gives it. The Bapas checks proof times against its
            // own clock, so it is moved past the export's (the server's clock starts at the fixed "now").
            fixture.clock.advance(3_600)
            let sent = try BekalServer.runTool(
                [BekalServer.binary.path, "send", "--to", url, "--secret-file", secretFile.path, "--max-attempts", "2"],
                environment: ["BEKAL_HOME": fixture.home.path, "BEKAL_NOW": WebFixture.nowText,
                              "BEKAL_ACCOUNT": WebFixture.sari.0], root: fixture.root)
            #expect(sent.status == 0, "bekal send: \(sent.stdout) \(sent.stderr)")
            #expect(sent.stdout.contains("Delivered 1, refused 0, still pending 0."))
        }
        let received = try await scene.bapas.inbox()
        #expect(received.count == 1)
        #expect(received.first?.verdict == "VALID")
        #expect(received.first?.holder == WebFixture.sariPerson.1)
        #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("kirim-bapas.png").path))
    }
}
