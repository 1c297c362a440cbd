import BekalApp
import BekalDomain
import Foundation
import Testing

/// The counselor's day in a real browser: Debian's headless `chromium` driven by Selenium
/// (`Fixtures/browser_flow.py`) against a real `bekal serve` process on a loopback port. Never skipped: without
/// chromium, chromium-driver and selenium (which `BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh` installs, as
/// `scripts/test.sh` does) the test fails. Screenshots go to `.build/test-artifacts/browser/`.
@Suite("A counselor's day in a real browser (Selenium, headless chromium, bekal serve)", .serialized)
struct BrowserFlowTests {
    @Test("sign in, add a person, an assessment with a photo, a correction, a remisi, the Beranda, an export that verifies, English, a phone")
    func counselorsDay() async throws {
        let fixture = try await WebFixture()
        defer { fixture.cleanUp() }
        let before = try await fixture.eventCount()
        let evidenceBefore = fixture.evidenceFiles().count
        let server = try BekalServer.start(home: fixture.home, root: fixture.root)
        defer { server.stop() }

        let passwordFile = fixture.root.appendingPathComponent("sandi.txt")
        try Data(WebFixture.sari.1.utf8).write(to: passwordFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile.path)
        let photo = fixture.root.appendingPathComponent("kain-parang.jpg")
        try jpegBytes("peramban", size: 4096).write(to: photo)
        let downloads = fixture.root.appendingPathComponent("unduhan")
        let artifacts = BekalServer.repositoryRoot.appendingPathComponent(".build/test-artifacts/browser")

        let run = try BekalServer.runTool(
            ["python3", BekalServer.repositoryRoot.appendingPathComponent("Tests/BekalWebTests/Fixtures/browser_flow.py").path,
             server.baseURL, passwordFile.path, photo.path, artifacts.path, downloads.path],
            environment: ["BEKAL_ACCOUNT": WebFixture.sari.0], root: fixture.root)
        try #require(run.status == 0, "the browser flow failed: \(run.stderr)")

        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String])
        let id = try #require(result["person"].flatMap(UUID.init(uuidString:)))
        let admin = try fixture.context(WebFixture.admin.0)
        // What the browser did is in the ledger, each event by the signed-in account.
        let person = try await fixture.app.person(.id(id), context: admin)
        #expect(person.registerNumber.rawValue == "BRW-0001/2026")
        #expect(person.expectedReleaseDate == LocalDate(year: 2027, month: 1, day: 10))
        #expect(try await fixture.app.counselor(of: id, context: admin) == WebFixture.sari.0)
        let history = try await fixture.app.history(of: .id(id), context: admin)
        let types = history.entries.map(\.event.type)
        for type in ["person.added", "assessment.recorded", "training.recorded", "record.corrected", "person.remission-granted"] {
            #expect(types.contains(type), "no \(type) event")
        }
        #expect(history.entries.allSatisfy { $0.event.actor == WebFixture.sari.0 })
        #expect(fixture.evidenceFiles().count == evidenceBefore + 1, "the photo is stored once, by hash")
        #expect(try await fixture.eventCount() > before)

        // The downloaded file verifies offline, as the parole officer would check it.
        let downloaded = try #require(result["download"])
        let trust = fixture.root.appendingPathComponent("trust.json").path
        let status = fixture.root.appendingPathComponent("status.json").path
        let bekal = BekalServer.binary.path
        let env = ["BEKAL_HOME": fixture.home.path, "BEKAL_NOW": WebFixture.nowText, "BEKAL_ACCOUNT": WebFixture.admin.0]
        #expect(try BekalServer.runTool([bekal, "keys", "trust-list", "--out", trust], environment: env, root: fixture.root).status == 0)
        #expect(try BekalServer.runTool([bekal, "status-list", "export", "--out", status], environment: env, root: fixture.root).status == 0)
        // The server's clock starts at the fixed "now" and runs on; the check is made two hours later, a fixed time.
        let verified = try BekalServer.runTool(
            [bekal, "verify", downloaded, "--trust", trust, "--status-list", status, "--at", "2026-11-15T05:00:00Z"],
            environment: env, root: fixture.root)
        #expect(verified.status == 0, "bekal verify: \(verified.stdout) \(verified.stderr)")
        #expect(verified.stdout.hasPrefix("VALID"))
        for shot in ["masuk", "beranda", "wbp", "asesmen-ponsel"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("\(shot).png").path))
        }
    }
}
