import BekalApp
import BekalDomain
import Foundation
import Testing

/// OWASP ASVS V2.2: password guessing is throttled per account and per client address.
@Suite("Login throttling")
struct LoginThrottleTests {
    @Test("after 5 wrong passwords the account is refused with 429 (even the right password) until the window passes")
    func perAccount() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let attacker = Visitor(client)
            for attempt in 1...5 {
                let reply = try await attacker.signIn((WebFixture.sari.0, "tebakan-ke-\(attempt)-salah"))
                #expect(reply.status == 401)
                #expect(reply.body.contains("Nama akun atau kata sandi salah."))
            }
            let blocked = try await Visitor(client).signIn(WebFixture.sari)
            #expect(blocked.status == 429)
            #expect(blocked.header("Retry-After") == "900")
            #expect(!blocked.setCookies.contains { $0.hasPrefix("bekal_session=") }, "no session is started")
            // Another account is not affected.
            #expect(try await Visitor(client).signIn(WebFixture.budi).status == 303)
            fixture.clock.advance(15 * 60 + 1)
            #expect(try await Visitor(client).signIn(WebFixture.sari).status == 303)
        }
    }

    @Test("20 failures from one address block that address for every account")
    func perAddress() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            for attempt in 0..<20 {
                let reply = try await Visitor(client).signIn(("tidak.ada.\(attempt % 4)", "tebakan-salah-\(attempt)"))
                #expect(reply.status == 401)
            }
            #expect(try await Visitor(client).signIn(WebFixture.budi).status == 429)
        }
    }

    @Test("an unknown account, a wrong password and an account without a password get the same answer")
    func sameAnswer() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.app.createAccount(.init(name: "tanpa.sandi", role: .viewer), context: try fixture.context(WebFixture.admin.0))
        try await fixture.withRouter { client in
            let replies = [
                try await Visitor(client).signIn(("tidak.ada", "kata-sandi-apa-saja")),
                try await Visitor(client).signIn((WebFixture.sari.0, "kata-sandi-salah-sekali")),
                try await Visitor(client).signIn(("tanpa.sandi", "kata-sandi-apa-saja")),
            ]
            for reply in replies {
                #expect(reply.status == 401)
                #expect(reply.body.contains("Nama akun atau kata sandi salah."))
            }
        }
    }
}
