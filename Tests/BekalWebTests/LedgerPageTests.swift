import BekalApp
import BekalDomain
import Foundation
import GRDB
import Testing

/// The admin pages about the ledger and the programme report, over the real router.
@Suite("Ledger and Statistik pages")
struct LedgerPageTests {
    @Test("the Ledger page shows the latest checkpoint: the current tree size, its root and the signed note from its origin line, in Indonesian and English")
    func latestCheckpoint() async throws {
        let fixture = try await WebFixture()
        let checkpoint = try await fixture.app.checkpoint(context: try fixture.context(WebFixture.admin.0))
        let size = try await fixture.eventCount()
        try await fixture.withRouter { client in
            let admin = Visitor(client)
            try await admin.signIn(WebFixture.admin)
            let page = try await admin.get("/ledger")
            #expect(page.status == 200)
            #expect(page.body.contains("<h2>Checkpoint terakhir</h2>"), "\(page.body)")
            #expect(page.body.contains("<dd id=\"checkpoint-size\">\(size)</dd>"), "\(page.body)")
            #expect(page.body.contains("<dd id=\"checkpoint-origin\">\(checkpoint.origin)</dd>"), "\(page.body)")
            // The note as a witness keeps it: its first line is the origin, the second the tree size.
            #expect(page.body.contains("<pre class=\"report\" id=\"checkpoint-note\">\(checkpoint.origin)\n\(size)\n"),
                    "\(page.body)")
            #expect(page.body.contains("<code id=\"checkpoint-root\">"))
            #expect(!page.body.contains("checkpoint-unavailable"))

            // A new event moves the checkpoint on.
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/")
            #expect(try await sari.post("/wbp/\(fixture.sariID.uuidString.lowercased())/pelatihan",
                                        AccessControlTests.training).status == 303)
            let after = try await admin.get("/ledger")
            #expect(after.body.contains("<dd id=\"checkpoint-size\">\(size + 1)</dd>"), "\(after.body)")
            #expect(after.body.contains("id=\"checkpoint-note\">\(checkpoint.origin)\n\(size + 1)\n"))

            admin.language = "en"
            let english = try await admin.get("/ledger")
            #expect(english.body.contains("<h2>Latest checkpoint</h2>"))
            #expect(english.body.contains("Tree size (events)"))
        }
    }

    @Test("Check integrity now runs ledger verify's checks: intact as recorded, NOT intact with the finding named after a projection table is edited outside Bekal")
    func integrityCheck() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let admin = Visitor(client)
            try await admin.signIn(WebFixture.admin)
            let intact = try await admin.get("/ledger?periksa=1")
            #expect(intact.status == 200)
            #expect(intact.body.contains("id=\"integrity\">Ledger utuh:"), "\(intact.body)")
            #expect(!intact.body.contains("integrity-findings"))
            // The hash chain still holds after this edit: only the replay of the events shows it.
            let database = try DatabaseQueue(path: fixture.home.appendingPathComponent("bekal.sqlite").path)
            try await database.write { try $0.execute(sql: "UPDATE person SET expected_release_date = '2031-01-01'") }
            let edited = try await admin.get("/ledger?periksa=1")
            #expect(edited.body.contains("id=\"integrity\">Ledger TIDAK utuh:"), "\(edited.body)")
            #expect(edited.body.contains("<code>projection-edited</code>"), "\(edited.body)")
            #expect(!edited.body.contains(WebFixture.sariPerson.0), "the findings name tables and events, never a person")
        }
    }

    @Test("Statistik offers to queue only an ended period; queueing the running quarter is refused (422) and queues nothing")
    func onlyEndedPeriodsQueue() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let admin = Visitor(client)
            try await admin.signIn(WebFixture.admin)
            // 15 November 2026: the page opens on the latest ended quarter, with the queue button.
            let ended = try await admin.get("/statistik")
            #expect(ended.status == 200)
            #expect(ended.body.contains("value=\"2026-Q3\""))
            #expect(ended.body.contains("<input type=\"hidden\" name=\"period\""))
            let running = try await admin.get("/statistik?periode=2026-Q4")
            #expect(running.status == 200)
            #expect(running.body.contains("id=\"not-ended\""))
            #expect(running.body.contains("1 Januari 2027"), "\(running.body)")
            #expect(!running.body.contains("<input type=\"hidden\" name=\"period\""))
            let refused = try await admin.post("/statistik", ["period": "2026-Q4"])
            #expect(refused.status == 422)
            #expect(refused.body.contains("Hanya periode yang sudah selesai"), "\(refused.body)")
            #expect(try await fixture.app.storage.queuedReports().isEmpty)
        }
    }
}
