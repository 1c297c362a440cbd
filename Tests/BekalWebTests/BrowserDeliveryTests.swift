import BekalApp
import BekalDomain
import BekalWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// "Kirim ke Bapas" and "Cabut" end to end over the real parts: Selenium drives headless chromium against a real
/// `bekal serve --bapas URL` process, which queues the portfolio; a real `bekal send --to URL` process delivers it
/// over libcurl to a live Bapas site on 127.0.0.1, which verifies and stores it. Then the admin revokes one of its
/// credentials in the browser, the next `bekal send` delivers the new status list, and the Bapas re-verifies.
@Suite("Sending to a Bapas from a real browser (Selenium, bekal serve, bekal send)", .serialized)
struct BrowserDeliveryTests {
    @Test("a counselor clicks Kirim ke Bapas, bekal send delivers it VALID with the name; the admin clicks Cabut, bekal send delivers the status list, the Bapas turns it VALID WITH EXCEPTIONS")
    func clickQueueSendReceive() async throws {
        let scene = try await BapasSiteTests.Scene()
        let fixture = scene.fixture
        defer { fixture.cleanUp() }
        let assessment = try await fixture.app.recordAssessment(AssessmentInput(
            person: .id(fixture.sariID), unitCode: "SAMPLE.BTKCAP.002", outcome: .kompeten, assessorName: "Asesor Uji",
            assessorRole: .bnspAssessor, method: .observation, date: LocalDate(year: 2026, month: 11, day: 2)!),
            context: try fixture.context(WebFixture.dewi.0)).id
        @Sendable func passwordFile(_ account: (String, String)) throws -> String {
            let file = fixture.root.appendingPathComponent("sandi-\(account.0).txt")
            try Data(account.1.utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            return file.path
        }
        let secretFile = fixture.root.appendingPathComponent("bapas.secret")
        try Data((BapasSiteTests.secret + "\n").utf8).write(to: secretFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretFile.path)
        let artifacts = BekalServer.repositoryRoot.appendingPathComponent(".build/test-artifacts/browser")

        try await Application(router: scene.site.router(), logger: fixture.kit.logger).test(.live) { bapasClient in
            let url = "http://127.0.0.1:\(try #require(bapasClient.port))/terima"
            let server = try BekalServer.start(home: fixture.home, root: fixture.root, arguments: ["--bapas", url])
            defer { server.stop() }
            func browser(_ mode: String, _ account: (String, String), _ value: String) throws -> String {
                let run = try BekalServer.runTool(
                    ["python3", BekalServer.repositoryRoot.appendingPathComponent("Tests/BekalWebTests/Fixtures/browser_delivery.py").path,
                     mode, server.baseURL, try passwordFile(account), fixture.sariID.uuidString.lowercased(), value,
                     artifacts.path],
                    environment: ["BEKAL_ACCOUNT": account.0], root: fixture.root)
                try #require(run.status == 0, "the browser step \(mode) failed: \(run.stderr)")
                return run.stdout
            }
            // The scheduled run at the facility, as the README gives it; each run here has one delivery to make.
            func sendOne() throws {
                let run = try BekalServer.runTool(
                    [BekalServer.binary.path, "send", "--to", url, "--secret-file", secretFile.path, "--max-attempts", "2"],
                    environment: ["BEKAL_HOME": fixture.home.path, "BEKAL_NOW": WebFixture.nowText,
                                  "BEKAL_ACCOUNT": WebFixture.sari.0], root: fixture.root)
                #expect(run.status == 0, "bekal send: \(run.stdout) \(run.stderr)")
                #expect(run.stdout.contains("Delivered 1, refused 0, still pending 0."))
            }

            #expect(try browser("send", WebFixture.sari, url).contains("queued"))
            #expect(try await scene.bapas.inbox().isEmpty, "the web server queues only; it sends nothing itself")
            // The Bapas checks proof times against its own clock, so it is moved past the export's (the server's
            // clock starts at the fixed "now").
            fixture.clock.advance(3_600)
            try sendOne()
            let received = try await scene.bapas.inbox()
            #expect(received.count == 1)
            #expect(received.first?.verdict == "VALID")
            #expect(received.first?.holder == WebFixture.sariPerson.1)

            #expect(try browser("revoke", WebFixture.admin, assessment.uuidString.lowercased()).contains("revoked"))
            try sendOne()
            let reverified = try await scene.bapas.inbox()
            #expect(reverified.count == 1)
            #expect(reverified.first?.verdict == "VALID WITH EXCEPTIONS")
        }
        for shot in ["kirim-bapas", "cabut"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("\(shot).png").path))
        }
    }
}
