import BekalApp
import BekalDomain
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Two account flows the role matrix reaches only for access: changing one's own password (the session is renewed
/// and every other session of the account ends) and moving a person to another counselor's caseload.
@Suite("Account flows on the facility site")
struct AccountFlowTests {
    static let newPassword = "kata-sandi-baru-sari-44"

    @Test("changing one's own password renews this session's id, ends the account's other sessions and the old id, and only the new password signs in")
    func ownPasswordRenewsSession() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let here = Visitor(client), elsewhere = Visitor(client)
            try await here.signIn(WebFixture.sari)
            try await elsewhere.signIn(WebFixture.sari)
            #expect(try await elsewhere.get("/").status == 200)
            try await here.get("/sandi")
            let before = try #require(here.session)

            // A wrong current password changes nothing: 422, the same session, both devices still signed in.
            let wrong = try await here.post("/sandi", ["current": "bukan-sandi-ini-1", "password": Self.newPassword])
            #expect(wrong.status == 422)
            #expect(here.session == before)
            #expect(try await elsewhere.get("/").status == 200)

            let changed = try await here.post("/sandi", ["current": WebFixture.sari.1, "password": Self.newPassword])
            #expect(changed.status == 303)
            #expect(changed.header("Location") == "/?pesan=sandi")
            let after = try #require(here.session)
            #expect(after != before)
            #expect(try await here.get("/").status == 200)
            // The old id and the other device's session no longer authenticate anyone.
            let replay = Visitor(client)
            replay.session = before
            #expect(try await replay.get("/").status == 303)
            #expect(try await elsewhere.get("/").status == 303)
            #expect(try await Visitor(client).signIn(WebFixture.sari).status == 401)
            #expect(try await Visitor(client).signIn((WebFixture.sari.0, Self.newPassword)).status == 303)
        }
    }

    @Test("the admin moves a person to another counselor: recorded as the admin, and only the new counselor may record for them")
    func reassignCaseload() async throws {
        let fixture = try await WebFixture()
        let person = fixture.sariID
        let path = "/wbp/\(person.uuidString.lowercased())"
        try await fixture.withRouter { client in
            let sari = Visitor(client), budi = Visitor(client), admin = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await budi.signIn(WebFixture.budi)
            try await admin.signIn(WebFixture.admin)
            #expect(try await sari.get(path + "/pelatihan").status == 200)
            #expect(try await budi.get(path + "/pelatihan").status == 403)

            try await admin.get(path + "/wali")
            let moved = try await admin.post(path + "/wali", ["counselor": WebFixture.budi.0])
            #expect(moved.status == 303)

            let context = try fixture.context(WebFixture.admin.0)
            #expect(try await fixture.app.counselor(of: person, context: context) == WebFixture.budi.0)
            let history = try await fixture.app.history(of: .id(person), context: context)
            let assigned = try #require(history.entries.last { $0.event.type == "caseload.assigned" })
            #expect(assigned.event.actor == WebFixture.admin.0)
            #expect(try await sari.get(path + "/pelatihan").status == 403)
            #expect(try await budi.get(path + "/pelatihan").status == 200)
            // A counselor cannot move the person back.
            try await budi.get(path)
            #expect(try await budi.post(path + "/wali", ["counselor": WebFixture.budi.0]).status == 403)
        }
    }
}
