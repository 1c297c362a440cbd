import BekalApp
import BekalDomain
import Foundation
import Testing

/// The counselor's everyday work through the forms, over the real router: what is saved, what is refused (with
/// the message next to the field and nothing saved), and what the person's page then shows.
@Suite("Recording through the forms")
struct RecordFlowTests {
    @Test("adding a person with an impossible date is refused next to the field and saves nothing; fixed, it is saved in the counselor's caseload")
    func addPerson() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.eventCount()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/wbp/baru")
            var fields = ["fullName": "Contoh Orang Baru", "registerNumber": "AII-0100/2026",
                          "admissionDate": "31 Februari 2026", "expectedReleaseDate": "06-12-2027"]
            let refused = try await sari.post("/wbp/baru", fields)
            #expect(refused.status == 422)
            #expect(refused.body.contains("id=\"f-admissionDate-e\">Tanggal tidak dikenali"))
            #expect(refused.body.contains("value=\"Contoh Orang Baru\""))
            #expect(try await fixture.eventCount() == before)
            fields["admissionDate"] = "1 Februari 2026"
            let saved = try await sari.post("/wbp/baru", fields)
            #expect(saved.status == 303)
            let page = try await sari.get(try #require(saved.header("Location")))
            #expect(page.body.contains("WBP ditambahkan."))
            #expect(page.body.contains("6 Desember 2027"))
            #expect(page.body.contains("<dt>Wali</dt><dd>wali.sari</dd>"))
        }
    }

    @Test("a remisi moves the expected release date, kept in the history; a correction and a retraction keep the original")
    func remissionCorrectionRetraction() async throws {
        let fixture = try await WebFixture()
        let base = "/wbp/\(fixture.sariID.uuidString.lowercased())"
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            #expect(try await sari.get(base).body.contains("20 Desember 2026"))
            try await sari.get(base + "/remisi")
            let remission = try await sari.post(base + "/remisi", [
                "decree": "SK-UJI/17/2026", "kind": "general", "grantedOn": "14 November 2026", "months": "1", "days": "5"])
            #expect(remission.status == 303)
            let moved = try await sari.get(base)
            #expect(moved.body.contains("<dd id=\"expected-release\">15 November 2026"))
            #expect(moved.body.contains("Remisi umum SK SK-UJI/17/2026"))

            try await sari.post(base + "/pelatihan", AccessControlTests.training)
            let history = try await fixture.app.history(of: .id(fixture.sariID), context: try fixture.context(WebFixture.admin.0))
            let training = try #require(history.entries.last { $0.event.type == "training.recorded" }).event.id
            let path = "/catatan/\(training.uuidString.lowercased())"
            let form = try await sari.get(path + "/koreksi")
            #expect(form.body.contains("value=\"3,5\""))
            let bad = try await sari.post(path + "/koreksi", ["date": "10 November 2026", "hours": "tiga", "reason": "salah ketik"])
            #expect(bad.status == 422)
            #expect(bad.body.contains("id=\"f-hours-e\">Isi angka seperti 3,5."))
            #expect(try await sari.post(path + "/koreksi", ["date": "10 November 2026", "hours": "4", "reason": "salah ketik"]).status == 303)
            #expect(try await sari.get(base).body.contains("4 jam"))
            try await sari.get(path + "/tarik")
            #expect(try await sari.post(path + "/tarik", ["reason": "dicatat ganda"]).status == 303)
            let after = try await sari.get(base)
            #expect(after.body.contains("0 jam"))
            #expect(after.body.contains("Penarikan: dicatat ganda"))
            #expect(after.body.contains("ditarik"))
        }
    }

    @Test("evidence attached later to an assessment shows on the competency map")
    func evidenceLater() async throws {
        let fixture = try await WebFixture()
        let event = try await fixture.app.recordAssessment(AssessmentInput(
            person: .id(fixture.sariID), unitCode: "SAMPLE.BTKCAP.002", outcome: .kompeten, assessorName: "Asesor Uji",
            assessorRole: .bnspAssessor, method: .observation, date: LocalDate(year: 2026, month: 11, day: 2)!),
            context: try fixture.context(WebFixture.dewi.0))
        try await fixture.withRouter { client in
            let dewi = Visitor(client)
            try await dewi.signIn(WebFixture.dewi)
            let path = "/catatan/\(event.id.uuidString.lowercased())/bukti"
            let person = "/wbp/\(fixture.sariID.uuidString.lowercased())"
            #expect(!(try await dewi.get(person)).body.contains("href=\"/bukti/"), "no evidence before the upload")
            try await dewi.get(path)
            let saved = try await dewi.postMultipart(path, ["description": "foto kain"], files: [("evidence", "kain.jpg", jpegBytes("nanti"))])
            #expect(saved.status == 303)
            let location = try #require(saved.header("Location"))
            #expect(location == person + "?pesan=bukti")
            let page = try await dewi.get(location)
            #expect(page.body.contains("Bukti ditambahkan."))
            #expect(page.body.contains("href=\"/bukti/"))
        }
    }

    @Test("an export offers the signed file and its readable page, for its own account only")
    func export() async throws {
        let fixture = try await WebFixture()
        let path = "/wbp/\(fixture.sariID.uuidString.lowercased())/ekspor"
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/ekspor")
            // Nothing Kompeten yet: refused, in the page's language.
            let empty = try await sari.post(path)
            #expect(empty.status == 409)
            #expect(empty.body.contains("Belum ada yang dapat diekspor"))
            #expect(!empty.body.contains("nothing to export"), "the English message is not shown on an Indonesian page")
            sari.language = "en"
            let english = try await sari.post(path)
            #expect(english.status == 409)
            #expect(english.body.contains("<html lang=\"en\">"))
            #expect(english.body.contains("The portfolio has nothing to export yet"), "the refusal in the visitor's language")
            sari.language = nil
            _ = try await fixture.app.recordAssessment(AssessmentInput(
                person: .id(fixture.sariID), unitCode: "SAMPLE.BTKCAP.002", outcome: .kompeten, assessorName: "Asesor Uji",
                assessorRole: .bnspAssessor, method: .observation, date: LocalDate(year: 2026, month: 11, day: 2)!),
                context: try fixture.context(WebFixture.dewi.0))
            let ready = try await sari.post(path)
            #expect(ready.status == 200)
            #expect(ready.body.contains("Sah — diterbitkan oleh Lapas Uji"))
            let link = try #require(ready.body.range(of: "href=\"/ekspor/")).upperBound
            let token = String(ready.body[link...].prefix { $0 != "/" })
            let file = try await sari.get("/ekspor/\(token)/portofolio.json")
            #expect(file.status == 200)
            #expect(file.header("Content-Disposition")?.hasPrefix("attachment;") == true)
            #expect(file.body.contains("\"ClrCredential\""))
            #expect(!file.body.contains(WebFixture.sariPerson.1), "the name is left out of the export")
            let page = try await sari.get("/ekspor/\(token)/halaman.html")
            #expect(page.status == 200)
            #expect(page.body.contains("Lapas Uji"))
            let budi = Visitor(client)
            try await budi.signIn(WebFixture.budi)
            #expect(try await budi.get("/ekspor/\(token)/portofolio.json").status == 404)
        }
    }

    @Test("everyone due in the caseload exports as one tar file that tar itself reads: export and page per person")
    func exportEveryoneDue() async throws {
        let fixture = try await WebFixture()
        for (id, account) in [(fixture.sariID, WebFixture.sari.0), (fixture.budiID, WebFixture.budi.0)] {
            _ = try await fixture.app.recordAssessment(AssessmentInput(
                person: .id(id), unitCode: "SAMPLE.BTKCAP.002", outcome: .kompeten, assessorName: "Asesor Uji",
                assessorRole: .bnspAssessor, method: .observation, date: LocalDate(year: 2026, month: 11, day: 2)!),
                context: try fixture.context(account))
        }
        let archive = fixture.root.appendingPathComponent("ekspor.tar")
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            let list = try await sari.get("/ekspor")
            #expect(list.body.contains("action=\"/ekspor/semua\""))
            let reply = try await sari.post("/ekspor/semua")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "application/x-tar")
            #expect(reply.header("Content-Disposition") == "attachment; filename=\"ekspor-2026-11-15.tar\"")
            try Data(reply.body.utf8).write(to: archive)
            // Python's tarfile reads it (a real reader, not this code's own): Sari's person only, JSON and page.
            let script = "import sys, tarfile, json\nwith tarfile.open(sys.argv[1]) as t:\n"
                + "    names = t.getnames()\n    doc = json.load(t.extractfile(names[0]))\n"
                + "    print(' '.join(names)); print('ClrCredential' in doc['type'])"
            let listed = try BekalServer.runTool(["python3", "-c", script, archive.path], root: fixture.root)
            #expect(listed.status == 0, "\(listed.stderr)")
            let person = fixture.sariID.uuidString.lowercased()
            #expect(listed.stdout == "\(person).json \(person).html\nTrue\n")
            #expect(!listed.stdout.contains(fixture.budiID.uuidString.lowercased()), "Budi's person is not in Sari's export")
        }
    }

    @Test("the English page is one click away and says the same in English")
    func english() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            let home = try await sari.get("/")
            #expect(home.body.contains("href=\"/bahasa/en?kembali=/\""))
            let switched = try await sari.get("/bahasa/en?kembali=/wbp")
            #expect(switched.status == 303)
            #expect(switched.header("Location") == "/wbp")
            #expect(switched.setCookies.first?.hasPrefix("bekal_lang=en") == true)
            sari.language = "en"
            let page = try await sari.get("/wbp/\(fixture.sariID.uuidString.lowercased())")
            #expect(page.body.contains("<html lang=\"en\">"))
            #expect(page.body.contains("Expected release"))
            #expect(page.body.contains("20 December 2026"))
            // No open redirect through the language link.
            #expect(try await sari.get("/bahasa/id?kembali=//evil.example/").header("Location") == "/")
        }
    }
}
