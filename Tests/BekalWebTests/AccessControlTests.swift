import BekalApp
import BekalDomain
import Foundation
import Testing

/// OWASP ASVS V4: every route checks the account's role (and a counselor's caseload) on the server.
@Suite("Access control: each role against each route")
struct AccessControlTests {
    /// The pages about Sari's person, and who may open each (the admin always may).
    static func personPages(_ id: UUID) -> [(path: String, allowed: Set<String>)] {
        let base = "/wbp/\(id.uuidString.lowercased())"
        let all: Set<String> = [WebFixture.admin.0, WebFixture.sari.0, WebFixture.budi.0, WebFixture.dewi.0, WebFixture.tamu.0]
        let sari: Set<String> = [WebFixture.admin.0, WebFixture.sari.0]
        return [
            ("/", all), ("/wbp", all), (base, all), ("/ledger", all), ("/sandi", all),
            ("\(base)/asesmen", sari.union([WebFixture.dewi.0])),
            ("\(base)/pelatihan", sari), ("\(base)/produksi", sari), ("\(base)/sertifikat", sari),
            ("\(base)/remisi", sari), ("\(base)/data", sari), ("\(base)/bebas", sari), ("\(base)/pindah", sari),
            ("\(base)/wali", [WebFixture.admin.0]),
            ("/wbp/baru", [WebFixture.admin.0, WebFixture.sari.0, WebFixture.budi.0]),
            ("/ekspor", [WebFixture.admin.0, WebFixture.sari.0, WebFixture.budi.0]),
            ("/statistik", [WebFixture.admin.0]), ("/akun", [WebFixture.admin.0]),
        ]
    }

    @Test("every page answers 200 to the roles allowed and 403 to the others")
    func everyRoleEveryPage() async throws {
        let fixture = try await WebFixture()
        let pages = Self.personPages(fixture.sariID)
        try await fixture.withRouter { client in
            for account in [WebFixture.admin, WebFixture.sari, WebFixture.budi, WebFixture.dewi, WebFixture.tamu] {
                let visitor = Visitor(client)
                #expect(try await visitor.signIn(account).status == 303)
                for page in pages {
                    let reply = try await visitor.get(page.path)
                    let expected = page.allowed.contains(account.0) ? 200 : 403
                    #expect(reply.status == expected, "\(account.0) GET \(page.path)")
                }
            }
        }
    }

    @Test("without signing in, every page and every form post redirects to the login page")
    func unauthenticatedRedirects() async throws {
        let fixture = try await WebFixture()
        let pages = Self.personPages(fixture.sariID).map(\.path) + ["/bukti/" + String(repeating: "a", count: 64), "/no-such-page"]
        let before = try await fixture.eventCount()
        try await fixture.withRouter { client in
            let visitor = Visitor(client)
            for path in pages {
                let reply = try await visitor.get(path)
                #expect(reply.status == 303, "GET \(path)")
                #expect(reply.header("Location") == "/masuk", "GET \(path)")
            }
            let post = try await visitor.post("/wbp/\(fixture.sariID.uuidString.lowercased())/pelatihan",
                                              ["date": "2026-11-10", "hours": "2", "topic": "x", "trainer": "y"])
            #expect(post.status == 303)
            #expect(post.header("Location") == "/masuk")
        }
        #expect(try await fixture.eventCount() == before)
    }

    static let training = ["date": "10 November 2026", "hours": "3,5", "topic": "Mencanting", "trainer": "Mentor Uji"]

    @Test("a viewer's POST is refused and records nothing, though the form and token are valid")
    func viewerPostRefused() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.eventCount()
        let path = "/wbp/\(fixture.sariID.uuidString.lowercased())/pelatihan"
        try await fixture.withRouter { client in
            let viewer = Visitor(client)
            try await viewer.signIn(WebFixture.tamu)
            try await viewer.get("/")
            #expect(try await viewer.post(path, Self.training).status == 403)
            #expect(try await viewer.post("/wbp/baru", ["fullName": "X", "registerNumber": "R-9", "admissionDate": "2025-01-01",
                                                         "expectedReleaseDate": "2027-01-01"]).status == 403)
            #expect(try await viewer.post("/akun", ["name": "baru", "role": "admin", "password": "kata-sandi-baru-1"]).status == 403)
            #expect(try await viewer.post("/ekspor/semua").status == 403)
        }
        #expect(try await fixture.eventCount() == before)
    }

    @Test("a counselor cannot record for someone outside their caseload; their own counselor can")
    func caseloadRestrictsWrites() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.eventCount()
        let path = "/wbp/\(fixture.sariID.uuidString.lowercased())/pelatihan"
        try await fixture.withRouter { client in
            let budi = Visitor(client)
            try await budi.signIn(WebFixture.budi)
            try await budi.get("/")
            let refused = try await budi.post(path, Self.training)
            #expect(refused.status == 403)
            #expect(refused.body.contains("bukan binaan Anda"))
            #expect(try await fixture.eventCount() == before)
            let export = try await budi.post("/wbp/\(fixture.sariID.uuidString.lowercased())/ekspor")
            #expect(export.status == 403)

            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/")
            let saved = try await sari.post(path, Self.training)
            #expect(saved.status == 303)
            #expect(try await fixture.eventCount() == before + 1)
        }
    }

    @Test("an assessor records assessments for anyone but no training")
    func assessorRights() async throws {
        let fixture = try await WebFixture()
        let base = "/wbp/\(fixture.budiID.uuidString.lowercased())"
        try await fixture.withRouter { client in
            let dewi = Visitor(client)
            try await dewi.signIn(WebFixture.dewi)
            try await dewi.get(base + "/asesmen")
            let assessed = try await dewi.post(base + "/asesmen", [
                "unit": "SAMPLE.BTKCAP.001", "outcome": "K", "assessor": "Dewi", "role": "bnsp-assessor",
                "method": "observation", "date": "12-11-2026"])
            #expect(assessed.status == 303)
            #expect(try await dewi.post(base + "/pelatihan", Self.training).status == 403)
        }
        let history = try await fixture.app.history(of: .id(fixture.budiID), context: try fixture.context(WebFixture.admin.0))
        #expect(history.entries.last?.event.type == "assessment.recorded")
        #expect(history.entries.last?.event.actor == WebFixture.dewi.0)
    }

    @Test("every event recorded through the web names the signed-in account")
    func eventsNameTheAccount() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/")
            #expect(try await sari.post("/wbp/\(fixture.sariID.uuidString.lowercased())/pelatihan", Self.training).status == 303)
        }
        let history = try await fixture.app.history(of: .id(fixture.sariID), context: try fixture.context(WebFixture.admin.0))
        let last = try #require(history.entries.last)
        #expect(last.event.type == "training.recorded")
        #expect(last.event.actor == WebFixture.sari.0)
        #expect(last.event.recordedAt == WebFixture.now)
    }
}
