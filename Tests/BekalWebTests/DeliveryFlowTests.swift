import BekalApp
import BekalDomain
import BekalPublisher
import BekalWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// "Kirim ke Bapas" on a person's page: the facility's web interface queues the portfolio in the delivery outbox
/// for a Bapas it was started with, and the relay (what the scheduled `bekal send --to URL` runs) delivers it over
/// real libcurl to a live Bapas site on 127.0.0.1, which verifies and stores it.
@Suite("Sending to a Bapas from the facility site")
struct DeliveryFlowTests {
    @Test("a counselor queues their person's portfolio for a listed Bapas; the relay delivers it over libcurl and the Bapas stores it VALID with the name")
    func queuedFromThePageAndDelivered() async throws {
        let scene = try await BapasSiteTests.Scene()
        let fixture = scene.fixture
        let secretFile = fixture.root.appendingPathComponent("secret.txt").path
        try Data((BapasSiteTests.secret + "\n").utf8).write(to: URL(fileURLWithPath: secretFile))
        chmod(secretFile, 0o600)
        let person = fixture.sariID
        let path = "/wbp/\(person.uuidString.lowercased())"
        defer { fixture.cleanUp() }
        try await Application(router: scene.site.router(), logger: fixture.kit.logger).test(.live) { bapasClient in
            let url = "http://127.0.0.1:\(try #require(bapasClient.port))/terima"
            let site = FacilitySite(app: fixture.app, kit: fixture.kit, facilityName: "Lapas Uji", bapasDestinations: [url])
            try await Application(router: site.router(), logger: fixture.kit.logger).test(.router) { client in
                let sari = Visitor(client)
                try await sari.signIn(WebFixture.sari)
                let page = try await sari.get(path)
                #expect(page.body.contains(#"id="send-to-bapas""#))
                #expect(page.body.contains("<option value=\"\(url)\">"))
                let queued = try await sari.post(path + "/kirim", ["bapas": url, "nama": "1"])
                #expect(queued.status == 303)
                #expect(queued.header("Location") == "\(path)?pesan=kirim")

                let admin = try fixture.context(WebFixture.admin.0)
                let pending = try await fixture.app.deliveries(destination: url, context: admin)
                #expect(pending.map(\.state) == [.pending])
                let list = try await sari.get("/ekspor")
                #expect(list.body.contains(#"<tr class="delivery-pending">"#))
                // The row says whose portfolio it is: the register number, linked to the person's page.
                #expect(list.body.contains(#"<td class="carries"><a href="\#(path)">AII-0001/2025</a></td>"#))

                let summary = try await fixture.app.deliverPending(
                    DeliveryRequest(destination: url, secret: .file(secretFile), maxAttempts: 2),
                    context: try fixture.context(WebFixture.sari.0), clock: fixture.clock.source)
                #expect(summary.sent == 1)
                #expect(try await fixture.app.deliveries(destination: url, context: admin).map(\.state) == [.sent])
                #expect(try await sari.get("/ekspor").body.contains(#"<tr class="delivery-sent">"#))
            }
        }
        let received = try await scene.bapas.inbox()
        #expect(received.count == 1)
        #expect(received.first?.verdict == "VALID")
        #expect(received.first?.holder == WebFixture.sariPerson.1)
        #expect(received.first?.senderCode == "LAPAS-UJI")
    }

    @Test("only a listed Bapas is accepted (422), only for a person the account may export (403), and nothing is queued then")
    func refusals() async throws {
        let fixture = try await WebFixture()
        let listed = WebFixture.bapasURL
        let site = fixture.site
        let sariPath = "/wbp/\(fixture.sariID.uuidString.lowercased())"
        let budiPath = "/wbp/\(fixture.budiID.uuidString.lowercased())"
        defer { fixture.cleanUp() }
        try await Application(router: site.router(), logger: fixture.kit.logger).test(.router) { client in
            let events = try await fixture.eventCount()
            let sari = Visitor(client), tamu = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await tamu.signIn(WebFixture.tamu)
            try await sari.get(sariPath)
            #expect(try await sari.post(sariPath + "/kirim", ["bapas": "http://127.0.0.1:9/lain"]).status == 422)
            #expect(try await sari.post(sariPath + "/kirim", [:]).status == 422)
            // Budi's person is not in Sari's caseload; the viewer may not export anyone.
            #expect(try await sari.post(budiPath + "/kirim", ["bapas": listed]).status == 403)
            let viewerPage = try await tamu.get(sariPath)
            #expect(!viewerPage.body.contains(#"id="send-to-bapas""#))
            #expect(try await tamu.post(sariPath + "/kirim", ["bapas": listed]).status == 403)
            // Without the CSRF token the form is refused before anything is done.
            #expect(try await sari.post(sariPath + "/kirim", ["bapas": listed], csrf: .some(nil)).status == 403)

            let admin = try fixture.context(WebFixture.admin.0)
            #expect(try await fixture.app.deliveries(context: admin).isEmpty)
            #expect(try await fixture.eventCount() == events)
        }
    }

    @Test("without --bapas the person page offers no delivery form and the route refuses every address")
    func noDestinations() async throws {
        let fixture = try await WebFixture()
        let path = "/wbp/\(fixture.sariID.uuidString.lowercased())"
        let site = FacilitySite(app: fixture.app, kit: fixture.kit, facilityName: "Lapas Uji")
        defer { fixture.cleanUp() }
        try await Application(router: site.router(), logger: fixture.kit.logger).test(.router) { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            let page = try await sari.get(path)
            #expect(page.status == 200)
            #expect(!page.body.contains(#"id="send-to-bapas""#))
            #expect(try await sari.post(path + "/kirim", ["bapas": "http://127.0.0.1:9/terima"]).status == 422)
            #expect(try await fixture.app.deliveries(context: try fixture.context(WebFixture.admin.0)).isEmpty)
        }
    }
}
