import BekalApp
import BekalCredentials
import BekalDomain
import BekalPublisher
import BekalWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import NIOCore
import Testing

/// The Bapas's site over its real router: the receiving endpoint's answers, and the PK's read-only pages behind
/// the same sessions as the facility's.
@Suite("Bapas site")
struct BapasSiteTests {
    static let secret = "rahasia-pengiriman-uji-01"
    static let pk = ("pk.rina", "kata-sandi-rina-666")

    /// The facility of `WebFixture` (accounts: its staff plus a PK), a Bapas trusting it, and one delivery.
    struct Scene {
        let fixture: WebFixture
        let bapas: BapasApp
        let site: BapasSite
        let delivery: [UInt8]

        init(log: CapturedLog? = nil) async throws {
            if let log { fixture = try await WebFixture(logger: log.logger) } else { fixture = try await WebFixture() }
            let admin = try fixture.context(WebFixture.admin.0)
            _ = try await fixture.app.createAccount(
                NewAccount(name: BapasSiteTests.pk.0, role: .pk, password: try Password(BapasSiteTests.pk.1)), context: admin)
            _ = try await fixture.app.recordTraining(TrainingInput(
                person: .id(fixture.sariID), date: LocalDate(year: 2026, month: 11, day: 2)!, hours: 3.5,
                topic: "Mencap motif parang", trainer: "Mentor mitra"), context: admin)
            bapas = try log.map { try BapasApp.inMemory(logger: $0.logger) } ?? BapasApp.inMemory()
            try await bapas.importTrustList(try await fixture.app.trustList(
                issuerID: nil, name: "Lapas Kelas IIA Purwokerto", code: "LAPAS-UJI", context: admin), context: admin)
            try await bapas.setDeliverySecret(facilityCode: "LAPAS-UJI", secret: Secret(bytes: Array(BapasSiteTests.secret.utf8)),
                                              context: admin)
            site = BapasSite(bapas: bapas, kit: fixture.kit, officeName: "Bapas Uji")
            let export = try await fixture.app.exportPortfolio(.id(fixture.sariID), settings: ExportSettings(includeName: true),
                                                               context: admin)
            delivery = PortfolioDelivery(export: export.bytes, releaseDate: export.person.expectedReleaseDate).bytes
        }

        func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
            defer { fixture.cleanUp() }
            try await Application(router: site.router(), logger: fixture.kit.logger).test(.router) { client in
                try await body(client)
            }
        }
    }

    static func post(_ client: any TestClientProtocol, _ body: [UInt8], token: String? = secret,
                     type: String = "application/json", key: String = "\"k-1\"") async throws -> (Int, String) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = type
        headers[HTTPField.Name("Idempotency-Key")!] = key
        let response = try await client.execute(uri: "/terima", method: .post, headers: headers, body: ByteBuffer(bytes: body))
        return (Int(response.status.code), String(buffer: response.body))
    }

    @Test("the endpoint answers 401, 415, 400, 422, 413, then 201 and 200 for a replay")
    func receivingStatuses() async throws {
        let scene = try await Scene()
        let delivery = scene.delivery
        try await scene.run { client in
            #expect(try await Self.post(client, delivery, token: nil).0 == 401)
            #expect(try await Self.post(client, delivery, token: "bukan-rahasia-yang-benar").0 == 401)
            #expect(try await Self.post(client, delivery, type: "text/plain").0 == 415)
            #expect(try await Self.post(client, Array("{nope".utf8)).0 == 400)
            #expect(try await Self.post(client, Array(#"{"type":"x"}"#.utf8)).0 == 422)
            #expect(try await Self.post(client, [UInt8](repeating: 0x20, count: PortfolioDelivery.maximumBytes + 1)).0 == 413)
            let (created, body) = try await Self.post(client, delivery)
            #expect(created == 201)
            #expect(body.contains(#""verdict":"VALID""#))
            #expect(try await Self.post(client, delivery).0 == 200)
        }
        #expect(try await scene.bapas.inbox().count == 1)
    }

    @Test("a PK signs in and sees the inbox with the facility's name and the verdict; a counselor may not")
    func inbox() async throws {
        let scene = try await Scene()
        let delivery = scene.delivery
        try await scene.run { client in
            _ = try await Self.post(client, delivery)
            let stranger = Visitor(client)
            #expect(try await stranger.get("/").status == 303)
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            #expect(try await sari.get("/").status == 403)
            let rina = Visitor(client)
            try await rina.signIn(Self.pk)
            let page = try await rina.get("/")
            #expect(page.status == 200)
            #expect(page.body.contains("Lapas Kelas IIA Purwokerto"))
            #expect(page.body.contains(#"<tr data-verdict="VALID">"#))
            #expect(page.body.contains(WebFixture.sariPerson.1))
            #expect(page.body.contains("20 Desember 2026"))
            #expect(!page.body.contains("did:key"))
        }
    }

    @Test("a received portfolio's page gives the verdict sentence in the page's language: Indonesian, and English on the English page")
    func sentenceInLanguage() async throws {
        let scene = try await Scene()
        let delivery = scene.delivery
        try await scene.run { client in
            let id = try Self.portfolioID(try await Self.post(client, delivery).1)
            let rina = Visitor(client)
            try await rina.signIn(Self.pk)
            let indonesian = try await rina.get("/berkas/\(id)")
            #expect(indonesian.status == 200)
            #expect(indonesian.body.contains(#"<p id="kalimat">Sah — diterbitkan oleh Lapas Kelas IIA Purwokerto, "#),
                    "\(indonesian.body)")
            rina.language = "en"
            let english = try await rina.get("/berkas/\(id)")
            #expect(english.status == 200)
            #expect(english.body.contains("<html lang=\"en\">"))
            #expect(english.body.contains(#"<p id="kalimat">Valid — issued by Lapas Kelas IIA Purwokerto: "#), "\(english.body)")
            #expect(!english.body.contains("diterbitkan oleh"))
        }
        let stored = try #require(try await scene.bapas.inbox().first)
        #expect(stored.sentenceEnglish?.hasPrefix("Valid — issued by Lapas Kelas IIA Purwokerto: ") == true)
    }

    @Test("Periksa berkas: a tampered upload is TIDAK SAH, the original SAH; the form needs its CSRF token")
    func checkUpload() async throws {
        let scene = try await Scene()
        let export = try PortfolioDelivery(parsing: scene.delivery).export
        let text = String(decoding: export, as: UTF8.self)
        let tampered = Data(text.replacingOccurrences(of: "3.5", with: "35").utf8)
        #expect(tampered != Data(export))
        try await scene.run { client in
            let rina = Visitor(client)
            try await rina.signIn(Self.pk)
            try await rina.get("/periksa")
            let good = try await rina.postMultipart("/periksa", [:], files: [("berkas", "a.json", Data(export))])
            #expect(good.status == 200)
            #expect(good.body.contains("SAH"))
            #expect(!good.body.contains("TIDAK SAH"))
            let bad = try await rina.postMultipart("/periksa", [:], files: [("berkas", "b.json", tampered)])
            #expect(bad.status == 200)
            #expect(bad.body.contains("TIDAK SAH"))
            rina.csrf = "salah"
            #expect(try await rina.postMultipart("/periksa", [:], files: [("berkas", "a.json", Data(export))]).status == 403)
        }
    }

    @Test("a PK account reads nothing of a facility: its people, ledger and exports are refused (403)")
    func pkAtFacility() async throws {
        let scene = try await Scene()
        let sari = scene.fixture.sariID.uuidString.lowercased()
        try await scene.fixture.withRouter { client in
            let rina = Visitor(client)
            try await rina.signIn(Self.pk)
            for path in ["/wbp", "/wbp/\(sari)", "/ledger", "/ekspor"] {
                #expect(try await rina.get(path).status == 403, "GET \(path)")
            }
        }
    }

    static func portfolioID(_ body: String) throws -> String {
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return try #require(json?["id"] as? String)
    }

    @Test("the PK matches a typed register number and verification code on the page; a wrong one says the file is not theirs; neither reaches a log or a URL")
    func identityMatch() async throws {
        let log = CapturedLog()
        let scene = try await Scene(log: log)
        let delivery = scene.delivery
        let code = try await scene.fixture.app.verificationCode(
            of: .id(scene.fixture.sariID), context: try scene.fixture.context(WebFixture.admin.0))
        let (number, _) = WebFixture.sariPerson
        try await scene.run { client in
            let id = try Self.portfolioID(try await Self.post(client, delivery).1)
            let rina = Visitor(client)
            try await rina.signIn(Self.pk)
            let details = try await rina.get("/berkas/\(id)")
            #expect(details.body.contains(#"<form method="post" action="/berkas/\#(id)/halaman">"#))
            #expect(details.body.contains(#"name="nomor_register" autocomplete="off""#))
            // Without the form: not checked, and the page says how to check.
            let plain = try await rina.get("/berkas/\(id)/halaman")
            // The fingerprint on the portfolio's page is the one every printed sheet carries.
            let sidik = try #require(details.body.firstMatch(of: /<code id="sidik">([0-9a-f]{64})<\/code>/)?.1)
            #expect(plain.body.contains(#"id="fingerprint">SHA-256 \#(sidik)"#))
            #expect(plain.body.contains(#"data-identity="not-checked""#))
            let matched = try await rina.post("/berkas/\(id)/halaman", ["nomor_register": number, "kode_verifikasi": code.canonical])
            #expect(matched.status == 200)
            #expect(matched.body.contains(#"data-identity="matched""#))
            #expect(matched.body.contains("cocok dengan pemilik berkas ini"))
            let wrong = try await rina.post("/berkas/\(id)/halaman", ["nomor_register": "AII-0002/2025", "kode_verifikasi": code.canonical])
            #expect(wrong.body.contains(#"data-identity="mismatch""#))
            #expect(wrong.body.contains("TIDAK SAH"))
            let typo = "ZZZZ-QQQQ-XXXX-1"
            let refused = try await rina.post("/berkas/\(id)/halaman", ["nomor_register": number, "kode_verifikasi": typo])
            #expect(refused.status == 400)
            #expect(!refused.body.contains(typo))
            #expect(try await rina.post("/berkas/\(id)/halaman", ["nomor_register": number], csrf: .some(nil)).status == 403)
            // Periksa berkas takes the same fields.
            let export = try PortfolioDelivery(parsing: delivery).export
            let upload = try await rina.postMultipart("/periksa", ["nomor_register": number, "kode_verifikasi": code.canonical],
                                                      files: [("berkas", "a.json", Data(export))])
            #expect(upload.body.contains(#"data-identity="matched""#))
        }
        let lines = log.all
        #expect(!lines.isEmpty)
        #expect(!lines.contains { $0.contains(number) || $0.contains(code.canonical) || $0.contains(WebFixture.sariPerson.1) })
    }

    @Test("POST /terima: after 5 refused secrets from one address even the right secret gets 429 with Retry-After, until the window passes")
    func throttled() async throws {
        let scene = try await Scene()
        let delivery = scene.delivery
        let clock = scene.fixture.clock
        try await scene.run { client in
            for attempt in 1...5 {
                #expect(try await Self.post(client, delivery, token: "tebakan-rahasia-\(attempt)").0 == 401)
            }
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(Self.secret)"
            headers[.contentType] = "application/json"
            headers[HTTPField.Name("Idempotency-Key")!] = "\"k-1\""
            let blocked = try await client.execute(uri: "/terima", method: .post, headers: headers, body: ByteBuffer(bytes: delivery))
            #expect(blocked.status == .tooManyRequests)
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
            clock.advance(15 * 60 + 1)
            #expect(try await Self.post(client, delivery).0 == 201)
        }
        #expect(try await scene.bapas.inbox().count == 1)
    }

    @Test("POST /terima with a status list on its own: 201 with the portfolios re-verified, 200 when repeated, 422 when altered after signing")
    func statusListOverHTTP() async throws {
        let scene = try await Scene()
        let delivery = scene.delivery
        let admin = try scene.fixture.context(WebFixture.admin.0)
        let export = try PortfolioDelivery(parsing: delivery).export
        // Withdraw one embedded credential of the delivered export itself (its id is in the file).
        let document = try JSONSerialization.jsonObject(with: Data(export)) as? [String: Any]
        let subject = document?["credentialSubject"] as? [String: Any]
        let embedded = subject?["verifiableCredential"] as? [[String: Any]]
        let revoked = try #require(embedded?.first?["id"] as? String)
        _ = try await scene.fixture.app.revoke(credentialID: revoked, reason: "dicabut", context: admin)
        let list = StatusListDelivery(statusList: try await scene.fixture.app.statusList(context: admin).bytes).bytes
        // The fixtures share one facility key (a template directory), so a list "from elsewhere" is this one altered
        // after signing: no registry facility signed what arrives.
        let signed = String(decoding: try await scene.fixture.app.statusList(context: admin).bytes, as: UTF8.self)
        let altered = signed.replacingOccurrences(of: "\"revocation\"", with: "\"suspension\"")
        #expect(altered != signed)
        let strangerList = StatusListDelivery(statusList: Array(altered.utf8)).bytes
        try await scene.run { client in
            let (first, answer) = try await Self.post(client, delivery)
            #expect(first == 201)
            #expect(answer.contains(#""verdict":"VALID""#))
            let (kept, body) = try await Self.post(client, list, key: "\"s-1\"")
            #expect(kept == 201)
            #expect(body.contains(#""reverified":1"#))
            #expect(try await Self.post(client, list, key: "\"s-2\"").0 == 200)
            #expect(try await Self.post(client, strangerList, key: "\"s-3\"").0 == 422)
        }
        let stored = try #require(try await scene.bapas.inbox().first)
        #expect(stored.verdict == "VALID WITH EXCEPTIONS")
    }
}
