import BekalApp
import BekalDomain
import Foundation
import Testing

/// OWASP ASVS V5 (output encoding), V12 (file uploads) and V14 (headers), over the real router.
@Suite("Escaping, uploads and headers")
struct OutputAndUploadTests {
    static let script = "<script>alert(1)</script>"

    @Test("a name <script>alert(1)</script> is shown as text on every page that shows it, never as markup")
    func scriptNameEscaped() async throws {
        let fixture = try await WebFixture()
        var input = NewPerson(registerNumber: "X\"><b>-1", fullName: Self.script,
                              admissionDate: LocalDate(year: 2025, month: 9, day: 1)!,
                              expectedReleaseDate: LocalDate(year: 2026, month: 12, day: 1)!)
        input.counselor = WebFixture.sari.0
        let (_, person) = try await fixture.app.addPerson(input, context: try fixture.context(WebFixture.admin.0))
        let base = "/wbp/\(person.id.uuidString.lowercased())"
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            for path in ["/", "/wbp", "/wbp?q=script", base, base + "/data", base + "/pelatihan", "/ekspor"] {
                let page = try await sari.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(!page.body.contains(Self.script), "\(path) shows the name as markup")
                #expect(!page.body.contains("<b>-1"), "\(path) shows the register number as markup")
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path) does not show the name")
            }
            // In an attribute (the details form's prefilled value) the quote is escaped too.
            let form = try await sari.get(base + "/data")
            #expect(form.body.contains("value=\"X&quot;&gt;&lt;b&gt;-1\""))
        }
    }

    @Test("every page is sent with a script-free CSP, nosniff, no referrer, no framing and no caching")
    func securityHeaders() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            let pages = [try await sari.get("/masuk"), try await sari.signIn(WebFixture.sari),
                         try await sari.get("/"), try await sari.get("/wbp/\(fixture.sariID.uuidString.lowercased())"),
                         try await sari.get("/tidak-ada"), try await sari.post("/keluar", csrf: "salah")]
            for reply in pages {
                let csp = try #require(reply.header("Content-Security-Policy"))
                #expect(csp.contains("default-src 'none'"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(!csp.contains("unsafe-inline") && !csp.contains("script-src"))
                #expect(reply.header("X-Content-Type-Options") == "nosniff")
                #expect(reply.header("Referrer-Policy") == "no-referrer")
                #expect(reply.header("Cache-Control") == "no-store")
                #expect(reply.header("X-Frame-Options") == "DENY")
                #expect(!reply.body.contains("<script"))
                #expect(!reply.body.contains("style=\""))
            }
            let css = try await sari.get("/static/bekal.css")
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        }
    }

    @Test("an evidence URL with a path traversal, another encoding or a wrong shape finds nothing")
    func evidenceTraversal() async throws {
        let fixture = try await WebFixture()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            for path in ["/bukti/..%2F..%2Fbekal.sqlite", "/bukti/..%2fkeys%2fissuer-keys.json", "/bukti/%2e%2e",
                         "/bukti/../bekal.sqlite", "/bukti/" + String(repeating: "A", count: 64),
                         "/bukti/" + String(repeating: "0", count: 63), "/bukti/" + String(repeating: "0", count: 64),
                         "/bukti/%00" + String(repeating: "0", count: 63)] {
                let reply = try await sari.get(path)
                #expect([404, 400].contains(reply.status), "\(path) → \(reply.status)")
                #expect(!reply.body.contains("SQLite format"))
                #expect(!reply.body.contains("privateKey"))
            }
        }
    }

    @Test("a photo uploaded with an assessment is stored by hash and served as an image, sandboxed")
    func photoUpload() async throws {
        let fixture = try await WebFixture()
        let photo = jpegBytes("kain cap")
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            let base = "/wbp/\(fixture.sariID.uuidString.lowercased())"
            try await sari.get(base + "/asesmen")
            let saved = try await sari.postMultipart(base + "/asesmen", Self.assessment, files: [("evidence", "kain.jpg", photo)])
            #expect(saved.status == 303)
            let page = try await sari.get(base)
            let link = try #require(page.body.range(of: "/bukti/")).upperBound
            let digest = String(page.body[link...].prefix(64))
            #expect(fixture.evidenceFiles().contains { $0.hasSuffix(digest) })
            let image = try await sari.get("/bukti/" + digest)
            #expect(image.status == 200)
            #expect(image.header("Content-Type") == "image/jpeg")
            #expect(image.header("Content-Security-Policy")?.hasPrefix("sandbox") == true)
            #expect(image.header("X-Content-Type-Options") == "nosniff")
        }
    }

    static let assessment = [
        "unit": "SAMPLE.BTKCAP.001", "outcome": "K", "assessor": "Asesor Uji", "role": "bnsp-assessor",
        "method": "observation", "date": "12 November 2026",
    ]

    @Test("an upload over 20 MiB, or over the request limit, is refused and nothing is stored")
    func oversizedUpload() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.eventCount()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            let base = "/wbp/\(fixture.sariID.uuidString.lowercased())"
            try await sari.get(base + "/asesmen")
            let tooBig = try await sari.postMultipart(base + "/asesmen", Self.assessment,
                                                      files: [("evidence", "besar.jpg", jpegBytes("x", size: EvidenceUpload.maxBytes + 1))])
            #expect(tooBig.status == 422)
            #expect(tooBig.body.contains("Berkas lebih besar dari 20 MiB."))
            #expect(tooBig.body.contains("value=\"Asesor Uji\""), "the form keeps what was typed")
            let huge = try await sari.postMultipart(base + "/asesmen", Self.assessment,
                                                    files: [("evidence", "besar.jpg", jpegBytes("x", size: 22 * 1024 * 1024))])
            #expect(huge.status == 413)
        }
        #expect(try await fixture.eventCount() == before)
        #expect(fixture.evidenceFiles().isEmpty)
    }

    @Test("a file whose content does not match its extension is refused next to the field, nothing stored")
    func mismatchedUpload() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.eventCount()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            let base = "/wbp/\(fixture.sariID.uuidString.lowercased())"
            try await sari.get(base + "/asesmen")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("not a jpeg".utf8)
            for (name, bytes) in [("foto.jpg", png), ("foto.jpg", Data("<html><script>alert(1)</script>".utf8)),
                                  ("alat.exe", Data([0x4D, 0x5A, 0x90, 0x00]))] {
                let reply = try await sari.postMultipart(base + "/asesmen", Self.assessment, files: [("evidence", name, bytes)])
                #expect(reply.status == 422, "\(name)")
                #expect(reply.body.contains("class=\"field-error\" id=\"f-evidence-e\""), "\(name): message next to the field")
            }
        }
        #expect(try await fixture.eventCount() == before)
        #expect(fixture.evidenceFiles().isEmpty)
    }
}
