import BekalApp
import Foundation
import HTTPTypes
import Testing

/// OWASP ASVS V3 (sessions) and V13 (anti-CSRF tokens), over the real router with a clock the tests move.
@Suite("Sessions and CSRF")
struct SessionSecurityTests {
    static func trainingPath(_ fixture: WebFixture) -> String {
        "/wbp/\(fixture.sariID.uuidString.lowercased())/pelatihan"
    }

    @Test("a POST without a CSRF token, with a wrong one, with another session's, or from another site is refused")
    func csrfRefused() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.eventCount()
        let path = Self.trainingPath(fixture)
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/")
            let other = Visitor(client)
            try await other.signIn(WebFixture.admin)
            try await other.get("/")
            #expect(try await sari.post(path, AccessControlTests.training, csrf: .some(nil)).status == 403)
            #expect(try await sari.post(path, AccessControlTests.training, csrf: "wrong-token").status == 403)
            #expect(try await sari.post(path, AccessControlTests.training, csrf: other.csrf).status == 403)
            var crossSite = HTTPFields()
            crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            #expect(try await sari.post(path, AccessControlTests.training, headers: crossSite).status == 403)
            // Logging out is a state change too.
            #expect(try await sari.post("/keluar", csrf: .some(nil)).status == 403)
            #expect(try await fixture.eventCount() == before)
            // The same form with its token goes through.
            #expect(try await sari.post(path, AccessControlTests.training).status == 303)
        }
        #expect(try await fixture.eventCount() == before + 1)
    }

    @Test("signing in gives a new session id: a planted or pre-login id is never authenticated (no fixation)")
    func noSessionFixation() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let victim = Visitor(client)
            let login = try await victim.get("/masuk")
            let preLogin = try #require(victim.session)
            #expect(login.setCookies.count == 1)
            try await victim.post("/masuk", ["akun": WebFixture.sari.0, "sandi": WebFixture.sari.1])
            let afterLogin = try #require(victim.session)
            #expect(afterLogin != preLogin)
            // An attacker who knew (or planted) the pre-login id gets nothing from it.
            let attacker = Visitor(client)
            attacker.session = preLogin
            #expect(try await attacker.get("/").status == 303)
            // A made-up id the browser was given is replaced too.
            let planted = Visitor(client)
            planted.session = "planted-by-attacker"
            try await planted.get("/masuk")
            #expect(planted.session != "planted-by-attacker")
            try await planted.post("/masuk", ["akun": WebFixture.sari.0, "sandi": WebFixture.sari.1])
            #expect(planted.session != "planted-by-attacker")
            #expect(try await victim.get("/").status == 200)
        }
    }

    @Test("the session cookie is HttpOnly and SameSite=Strict, and not marked Secure over plain HTTP")
    func cookieAttributes() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let visitor = Visitor(client)
            let reply = try await visitor.signIn(WebFixture.sari)
            let cookie = try #require(reply.setCookies.first)
            #expect(cookie.hasPrefix("bekal_session="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            #expect(!cookie.contains("Max-Age"), "a session cookie ends with the browser")
        }
    }

    @Test("a session idle for 30 minutes ends; one kept busy ends after 10 hours all the same")
    func timeouts() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let idle = Visitor(client)
            try await idle.signIn(WebFixture.sari)
            fixture.clock.advance(29 * 60)
            #expect(try await idle.get("/").status == 200)
            fixture.clock.advance(30 * 60 + 1)
            let expired = try await idle.get("/")
            #expect(expired.status == 303)
            #expect(expired.header("Location") == "/masuk")

            let busy = Visitor(client)
            try await busy.signIn(WebFixture.sari)
            for _ in 0..<29 {
                fixture.clock.advance(20 * 60)
                #expect(try await busy.get("/wbp").status == 200)
            }
            fixture.clock.advance(20 * 60)
            #expect(try await busy.get("/wbp").status == 303)
        }
    }

    @Test("logging out ends the session on the server: the old cookie no longer works")
    func logoutInvalidates() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let visitor = Visitor(client)
            try await visitor.signIn(WebFixture.sari)
            try await visitor.get("/")
            let id = try #require(visitor.session)
            let out = try await visitor.post("/keluar")
            #expect(out.status == 303)
            #expect(out.setCookies.first?.contains("Max-Age=0") == true)
            let replay = Visitor(client)
            replay.session = id
            #expect(try await replay.get("/").status == 303)
        }
    }

    @Test("disabling an account ends its sessions at their next request")
    func disabledAccountSignedOut() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            #expect(try await sari.get("/").status == 200)
            _ = try await fixture.app.disableAccount(WebFixture.sari.0, context: try fixture.context(WebFixture.admin.0))
            #expect(try await sari.get("/").status == 303)
            let again = try await Visitor(client).signIn(WebFixture.sari)
            #expect(again.status == 401)
        }
    }
}
