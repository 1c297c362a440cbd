import BekalApp
import BekalDomain
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Cabut: the admin revokes, from a person's history, the credential an export made of an assessment or
/// certificate. The ledger records it under the admin's account, the new status list is queued for every Bapas
/// the facility delivered to, and the history marks the record "dicabut".
@Suite("Revoking a credential on the facility site")
struct RevocationFormTests {
    /// A Kompeten assessment for Sari's person, exported once and queued for the site's Bapas; its event id.
    static func exportedAssessment(_ fixture: WebFixture) async throws -> UUID {
        let assessment = try await fixture.app.recordAssessment(AssessmentInput(
            person: .id(fixture.sariID), unitCode: "SAMPLE.BTKCAP.002", outcome: .kompeten, assessorName: "Asesor Uji",
            assessorRole: .bnspAssessor, method: .observation, date: LocalDate(year: 2026, month: 11, day: 2)!),
            context: try fixture.context(WebFixture.dewi.0)).id
        _ = try await fixture.app.queueDelivery(
            .id(fixture.sariID), destination: WebFixture.bapasURL, settings: ExportSettings(),
            context: try fixture.context(WebFixture.admin.0))
        return assessment
    }

    @Test("the admin revokes an exported assessment with a reason: recorded as the admin, the status list queued for the Bapas, the history marks it dicabut and offers it no more")
    func adminRevokes() async throws {
        let fixture = try await WebFixture()
        let event = try await Self.exportedAssessment(fixture)
        let form = "/catatan/\(event.uuidString.lowercased())/cabut"
        let person = "/wbp/\(fixture.sariID.uuidString.lowercased())"
        try await fixture.withRouter { client in
            let admin = Visitor(client), sari = Visitor(client)
            try await admin.signIn(WebFixture.admin)
            try await sari.signIn(WebFixture.sari)
            #expect(try await admin.get(person).body.contains("href=\"\(form)\""))
            #expect(!(try await sari.get(person).body.contains("/cabut\"")), "a counselor is not offered Cabut")

            #expect(try await admin.get(form).status == 200)
            let blank = try await admin.post(form, ["reason": ""])
            #expect(blank.status == 422)
            let revoked = try await admin.post(form, ["reason": "Sertifikat asesor ternyata tidak sah"])
            #expect(revoked.status == 303)
            #expect(revoked.header("Location") == "\(person)?pesan=dicabut")

            let context = try fixture.context(WebFixture.admin.0)
            let history = try await fixture.app.history(of: .id(fixture.sariID), context: context)
            let revocation = try #require(history.entries.last { $0.event.type == "credential.revoked" })
            #expect(revocation.event.actor == WebFixture.admin.0)
            #expect(history.entries.first { $0.event.id == event }?.revoked == true)
            // The portfolio and then the new status list, both for the Bapas the portfolio went to.
            #expect(try await fixture.app.deliveries(destination: WebFixture.bapasURL, context: context).count == 2)
            let page = try await admin.get(person)
            #expect(page.body.contains("Kredensial dicabut"))
            #expect(!page.body.contains("href=\"\(form)\""), "a revoked credential is not offered again")

            let again = try await admin.post(form, ["reason": "Sekali lagi"])
            #expect(again.status == 422)
            #expect(again.body.contains("Kredensial ini sudah dicabut."))
        }
    }

    @Test("a counselor may not revoke (403); a training record is not revocable; an assessment never exported says so; nothing is recorded")
    func refusals() async throws {
        let fixture = try await WebFixture()
        let exported = try await Self.exportedAssessment(fixture)
        let unexported = try await fixture.app.recordAssessment(AssessmentInput(
            person: .id(fixture.sariID), unitCode: "SAMPLE.BTKCAP.003", outcome: .kompeten, assessorName: "Asesor Uji",
            assessorRole: .bnspAssessor, method: .observation, date: LocalDate(year: 2026, month: 11, day: 3)!),
            context: try fixture.context(WebFixture.dewi.0)).id
        let training = try await fixture.app.recordTraining(TrainingInput(
            person: .id(fixture.sariID), date: LocalDate(year: 2026, month: 11, day: 10)!, hours: 2, topic: "Mencanting",
            trainer: "Mentor Uji"), context: try fixture.context(WebFixture.admin.0)).id
        @Sendable func path(_ id: UUID) -> String { "/catatan/\(id.uuidString.lowercased())/cabut" }
        try await fixture.withRouter { client in
            let before = try await fixture.eventCount()
            let admin = Visitor(client), sari = Visitor(client)
            try await admin.signIn(WebFixture.admin)
            try await sari.signIn(WebFixture.sari)
            #expect(try await sari.get(path(exported)).status == 403)
            try await sari.get("/")
            #expect(try await sari.post(path(exported), ["reason": "Bukan wewenang wali"]).status == 403)

            #expect(try await admin.get(path(training)).status == 409)
            try await admin.get(path(unexported))
            let never = try await admin.post(path(unexported), ["reason": "Belum pernah diekspor"])
            #expect(never.status == 422)
            #expect(never.body.contains("belum pernah diekspor"))
            #expect(try await fixture.eventCount() == before)
        }
    }

    @Test("a credential exported before its record was retracted is still offered and revoked: the export is still out there")
    func retractedAfterExport() async throws {
        let fixture = try await WebFixture()
        let event = try await Self.exportedAssessment(fixture)
        _ = try await fixture.app.retract(eventID: event, reason: "Dicatat pada WBP yang salah",
                                          context: try fixture.context(WebFixture.sari.0))
        let form = "/catatan/\(event.uuidString.lowercased())/cabut"
        let person = "/wbp/\(fixture.sariID.uuidString.lowercased())"
        try await fixture.withRouter { client in
            let admin = Visitor(client)
            try await admin.signIn(WebFixture.admin)
            let page = try await admin.get(person)
            #expect(page.body.contains("href=\"\(form)\""), "the retracted record's credential is offered for Cabut")
            #expect(!page.body.contains("/catatan/\(event.uuidString.lowercased())/tarik"), "and not for Tarik again")
            #expect(try await admin.get(form).status == 200)
            #expect(try await admin.post(form, ["reason": "Catatannya sudah ditarik"]).status == 303)
            let history = try await fixture.app.history(of: .id(fixture.sariID), context: try fixture.context(WebFixture.admin.0))
            #expect(history.entries.first { $0.event.id == event }?.revoked == true)
        }
    }
}
