import BekalApp
import BekalDomain
import BekalWeb
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// OWASP ASVS V4 for the state-changing routes: every POST route the facility site registers, posted by each
/// role with a valid form and a valid CSRF token (so only the role decides). The roles allowed are written out
/// per route from the README's role description ("admin: accounts, caseloads, keys, statistics, everything a
/// counselor may do; counselor: records, corrections, remisi, release and export for the people in their
/// caseload; assessor: records assessments and adds evidence; viewer: reads only"), not read back from the code.
@Suite("Access control: each role against each POST route")
struct RolePostMatrixTests {
    /// What one row posts.
    struct Submission: Sendable {
        var path: String
        var fields: [String: String] = [:]
        /// Files make it a multipart post.
        var files: [Upload] = []
    }

    struct Upload: Sendable {
        var field: String
        var fileName: String
        var bytes: Data
    }

    /// One state-changing route: its template as the router registers it, who may post it, the status a
    /// successful post answers, and how to make a valid post (called before every post, so that each one acts
    /// on a target of its own: a new person in Sari's caseload, a new record, a new account).
    struct PostRoute: Sendable {
        var template: String
        var name: String
        var allowed: Set<String>
        var success: Int
        var prepare: @Sendable (WebFixture, (String, String)) async throws -> Submission

        init(_ template: String, _ name: String? = nil, allowed: Set<String>, success: Int,
             prepare: @escaping @Sendable (WebFixture, (String, String)) async throws -> Submission)
        {
            self.template = template
            self.name = name ?? template
            self.allowed = allowed
            self.success = success
            self.prepare = prepare
        }
    }

    /// Who posts: the admin, Sari (the counselor of every person the rows act on), Budi (a counselor, but the
    /// person is OUTSIDE his caseload), the assessor and the viewer.
    static let actors = [WebFixture.admin, WebFixture.sari, WebFixture.budi, WebFixture.dewi, WebFixture.tamu]

    static let everyone: Set<String> = [WebFixture.admin.0, WebFixture.sari.0, WebFixture.budi.0, WebFixture.dewi.0,
                                        WebFixture.tamu.0]
    /// Accounts, caseloads, statistics: the admin's.
    static let adminOnly: Set<String> = [WebFixture.admin.0]
    /// Records, corrections, remisi, release, transfer and export about one of Sari's people: the admin and Sari
    /// (not Budi, whose caseload it is not; not the assessor; not the viewer).
    static let caseload: Set<String> = [WebFixture.admin.0, WebFixture.sari.0]
    /// Assessments and their evidence: the assessor too ("records assessments and adds evidence").
    static let assessing: Set<String> = [WebFixture.admin.0, WebFixture.sari.0, WebFixture.dewi.0]
    /// Not about one person: every counselor (adding a person, exporting everyone due in their own caseload).
    static let counselors: Set<String> = [WebFixture.admin.0, WebFixture.sari.0, WebFixture.budi.0]

    /// POST routes the table leaves out on purpose: signing in is posted before there is an account (its own
    /// tests: LoginThrottleTests, SessionSecurityTests).
    static let exempt: Set<String> = ["/masuk"]

    /// Every state-changing route of the facility site. `/sandi` and `/keluar` come last: they renew and end the
    /// posting sessions.
    static var routes: [PostRoute] {
        [
            // ExportRoutes: require(.export(id)); a 200 page with the download links.
            PostRoute("/wbp/{id}/ekspor", allowed: caseload, success: 200) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                _ = try await Arrange.kompeten(fixture, id)
                return Submission(path: Arrange.path(id) + "/ekspor")
            },
            // DeliveryRoutes: require(.export(id)); queued for the listed Bapas, back to the person page.
            PostRoute("/wbp/{id}/kirim", allowed: caseload, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                _ = try await Arrange.kompeten(fixture, id)
                return Submission(path: Arrange.path(id) + "/kirim", fields: ["bapas": WebFixture.bapasURL])
            },
            // EventForms: require(.administer); an exported assessment's credential revoked, back to the person page.
            PostRoute("/catatan/{event}/cabut", allowed: [WebFixture.admin.0], success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                let event = try await Arrange.kompeten(fixture, id)
                _ = try await fixture.app.exportPortfolio(.id(id), settings: ExportSettings(),
                                                          context: try fixture.context(WebFixture.admin.0))
                return Submission(path: "/catatan/\(event.uuidString.lowercased())/cabut",
                                  fields: ["reason": "Dicabut oleh uji matriks peran"])
            },
            // ExportRoutes: require(.read) + mayEver(.export); a 200 tar of the caseload's people due (the test
            // gives Sari's and Budi's template people something to export first).
            PostRoute("/ekspor/semua", allowed: counselors, success: 200) { _, _ in
                Submission(path: "/ekspor/semua")
            },
            // PersonForms: require(.addPerson); a counselor adding a person becomes theirs.
            PostRoute("/wbp/baru", allowed: counselors, success: 303) { _, _ in
                Submission(path: "/wbp/baru", fields: [
                    "fullName": "Contoh Orang Baru", "registerNumber": "RB-\(Arrange.tag())/2026",
                    "admissionDate": "2026-02-01", "expectedReleaseDate": "2028-06-30"])
            },
            // RecordForms: require(.assess(id)).
            PostRoute("/wbp/{id}/asesmen", allowed: assessing, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/asesmen", fields: [
                    "unit": "SAMPLE.BTKCAP.001", "outcome": "K", "assessor": "Asesor Uji", "role": "bnsp-assessor",
                    "method": "observation", "date": "12 November 2026"])
            },
            // RecordForms: require(.recordFor(id)).
            PostRoute("/wbp/{id}/pelatihan", allowed: caseload, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/pelatihan", fields: AccessControlTests.training)
            },
            PostRoute("/wbp/{id}/produksi", allowed: caseload, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/produksi", fields: [
                    "date": "10 November 2026", "motif": "Lumbon", "cap": "CAP-1", "quantity": "12", "unit": "pieces",
                    "grade": "A", "hours": "6"])
            },
            PostRoute("/wbp/{id}/sertifikat", allowed: caseload, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/sertifikat", fields: [
                    "issuer": "LSP Batik", "scheme": "Tukang Cap", "number": "C-\(Arrange.tag())",
                    "issuedOn": "1 November 2026"])
            },
            // PersonForms: require(.recordFor(id)); a correction of the person.added event.
            PostRoute("/wbp/{id}/data", allowed: caseload, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/data", fields: [
                    "fullName": Arrange.personName, "registerNumber": "RK-\(Arrange.tag())/2026",
                    "admissionDate": "2025-09-01", "expectedReleaseDate": "2028-06-30", "reason": "salah ketik"])
            },
            PostRoute("/wbp/{id}/remisi", allowed: caseload, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/remisi", fields: [
                    "decree": "SK-\(Arrange.tag())", "kind": "general", "grantedOn": "14 November 2026", "months": "1"])
            },
            PostRoute("/wbp/{id}/pindah", allowed: caseload, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/pindah", fields: ["to": "LAPAS-LAIN", "date": "14 November 2026"])
            },
            // PersonForms.release: require(.recordFor(id)); a 200 page with the verification code to print.
            PostRoute("/wbp/{id}/bebas", allowed: caseload, success: 200) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/bebas", fields: ["kind": "bebas", "date": "14 November 2026"])
            },
            // PersonForms.counselorForm: require(.administer) (caseloads are the admin's).
            PostRoute("/wbp/{id}/wali", allowed: adminOnly, success: 303) { fixture, _ in
                let id = try await Arrange.personOfSari(fixture)
                return Submission(path: Arrange.path(id) + "/wali", fields: ["counselor": WebFixture.budi.0])
            },
            // EventForms: koreksi and tarik require(.recordFor(person)), bukti require(.assess(person)).
            PostRoute("/catatan/{event}/koreksi", allowed: caseload, success: 303) { fixture, _ in
                let event = try await Arrange.training(fixture, try await Arrange.personOfSari(fixture))
                return Submission(path: "/catatan/\(event.uuidString.lowercased())/koreksi", fields: [
                    "date": "10 November 2026", "hours": "4", "reason": "salah ketik"])
            },
            PostRoute("/catatan/{event}/tarik", allowed: caseload, success: 303) { fixture, _ in
                let event = try await Arrange.training(fixture, try await Arrange.personOfSari(fixture))
                return Submission(path: "/catatan/\(event.uuidString.lowercased())/tarik", fields: ["reason": "dicatat ganda"])
            },
            PostRoute("/catatan/{event}/bukti", allowed: assessing, success: 303) { fixture, _ in
                let event = try await Arrange.kompeten(fixture, try await Arrange.personOfSari(fixture))
                return Submission(path: "/catatan/\(event.uuidString.lowercased())/bukti", fields: ["description": "foto kain"],
                                  files: [Upload(field: "evidence", fileName: "kain.jpg", bytes: jpegBytes("matriks"))])
            },
            // AdminPages.statistics: require(.administer); queueing answers the 200 page ("queued").
            PostRoute("/statistik", allowed: adminOnly, success: 200) { _, _ in
                Submission(path: "/statistik", fields: ["period": "2026-Q3"])
            },
            // AdminPages.createAccount and changeAccount: require(.administer).
            PostRoute("/akun", allowed: adminOnly, success: 303) { _, _ in
                Submission(path: "/akun", fields: ["name": "uji.\(Arrange.tag())", "role": "viewer",
                                                   "password": "kata-sandi-uji-baru-1"])
            },
            PostRoute("/akun/{name}/{change}", "/akun/{name}/peran", allowed: adminOnly, success: 303) { fixture, _ in
                let name = try await Arrange.account(fixture, disabled: false)
                return Submission(path: "/akun/\(name)/peran", fields: ["role": "assessor"])
            },
            PostRoute("/akun/{name}/{change}", "/akun/{name}/nonaktif", allowed: adminOnly, success: 303) { fixture, _ in
                let name = try await Arrange.account(fixture, disabled: false)
                return Submission(path: "/akun/\(name)/nonaktif")
            },
            PostRoute("/akun/{name}/{change}", "/akun/{name}/aktif", allowed: adminOnly, success: 303) { fixture, _ in
                let name = try await Arrange.account(fixture, disabled: true)
                return Submission(path: "/akun/\(name)/aktif")
            },
            PostRoute("/akun/{name}/{change}", "/akun/{name}/sandi", allowed: adminOnly, success: 303) { fixture, _ in
                let name = try await Arrange.account(fixture, disabled: false)
                return Submission(path: "/akun/\(name)/sandi", fields: ["password": "kata-sandi-disetel-1"])
            },
            // AdminPages.changeOwnPassword: require(.read); every account changes its own password (kept outside
            // the ledger); the session goes on with a new id.
            PostRoute("/sandi", allowed: everyone, success: 303) { _, account in
                Submission(path: "/sandi", fields: ["current": account.1, "password": "kata-sandi-baru-\(account.0)"])
            },
            // LoginRoutes.signOut: any signed-in account.
            PostRoute("/keluar", allowed: everyone, success: 303) { _, _ in Submission(path: "/keluar") },
        ]
    }

    /// Targets for the rows, arranged through the app layer (so a refused post is the only web request).
    enum Arrange {
        static let personName = "Contoh Matriks Peran"

        /// A short unique tag for register numbers, account names, decree and certificate numbers.
        static func tag() -> String { String(UUID().uuidString.prefix(8)).lowercased() }

        static func path(_ id: UUID) -> String { "/wbp/\(id.uuidString.lowercased())" }

        /// A new person in Sari's caseload, due after the 90 days of "export everyone" (so that list stays the
        /// template's two people).
        static func personOfSari(_ fixture: WebFixture) async throws -> UUID {
            var input = NewPerson(registerNumber: "RM-\(tag())/2026", fullName: personName,
                                  admissionDate: LocalDate(year: 2025, month: 9, day: 1)!,
                                  expectedReleaseDate: LocalDate(year: 2028, month: 6, day: 30)!)
            input.counselor = WebFixture.sari.0
            return try await fixture.app.addPerson(input, context: try fixture.context(WebFixture.admin.0)).person.id
        }

        /// A Kompeten assessment (something to export; a record evidence attaches to); its event id.
        static func kompeten(_ fixture: WebFixture, _ person: UUID) async throws -> UUID {
            try await fixture.app.recordAssessment(AssessmentInput(
                person: .id(person), unitCode: "SAMPLE.BTKCAP.002", outcome: .kompeten, assessorName: "Asesor Uji",
                assessorRole: .bnspAssessor, method: .observation, date: LocalDate(year: 2026, month: 11, day: 2)!),
                context: try fixture.context(WebFixture.dewi.0)).id
        }

        /// A training record (to correct or retract); its event id.
        static func training(_ fixture: WebFixture, _ person: UUID) async throws -> UUID {
            try await fixture.app.recordTraining(TrainingInput(
                person: .id(person), date: LocalDate(year: 2026, month: 11, day: 10)!, hours: 3.5, topic: "Mencanting",
                trainer: "Mentor Uji"), context: try fixture.context(WebFixture.admin.0)).id
        }

        /// A new viewer account (disabled when asked); its name.
        static func account(_ fixture: WebFixture, disabled: Bool) async throws -> String {
            let name = "uji.\(tag())"
            let admin = try fixture.context(WebFixture.admin.0)
            _ = try await fixture.app.createAccount(NewAccount(name: name, role: .viewer), context: admin)
            if disabled { _ = try await fixture.app.disableAccount(name, context: admin) }
            return name
        }
    }

    /// The message a refusal or an error page shows, for the failure text.
    static func message(_ reply: Reply) -> String {
        for marker in ["role=\"alert\">", "class=\"field-error\""] {
            if let range = reply.body.range(of: marker) {
                var rest = reply.body[range.upperBound...]
                if marker.hasPrefix("class"), let close = rest.firstIndex(of: ">") { rest = rest[rest.index(after: close)...] }
                return String(rest.prefix { $0 != "<" })
            }
        }
        return ""
    }

    @Test("every POST route answers its success status to the roles allowed, and 403 with nothing recorded to the others")
    func everyRoleEveryPost() async throws {
        let fixture = try await WebFixture()
        // Something to export in Sari's and in Budi's caseload (the template's people are due within 90 days).
        for id in [fixture.sariID, fixture.budiID] { _ = try await Arrange.kompeten(fixture, id) }
        let routes = Self.routes
        try await fixture.withRouter { client in
            var visitors: [String: Visitor] = [:]
            for account in Self.actors {
                let visitor = Visitor(client)
                #expect(try await visitor.signIn(account).status == 303, "\(account.0) signs in")
                visitors[account.0] = visitor
            }
            for route in routes {
                for account in Self.actors {
                    let visitor = try #require(visitors[account.0])
                    let submission = try await route.prepare(fixture, account)
                    try await visitor.get("/")  // the session's CSRF token, valid: only the role decides
                    let before = try await fixture.eventCount()
                    let reply: Reply
                    if submission.files.isEmpty {
                        reply = try await visitor.post(submission.path, submission.fields)
                    } else {
                        reply = try await visitor.postMultipart(submission.path, submission.fields,
                                                                files: submission.files.map { ($0.field, $0.fileName, $0.bytes) })
                    }
                    let what = "\(account.0) POST \(route.name)"
                    if route.allowed.contains(account.0) {
                        #expect(reply.status == route.success, "\(what): \(reply.status) \(Self.message(reply))")
                    } else {
                        #expect(reply.status == 403, "\(what) is not refused: \(reply.status) \(Self.message(reply))")
                        #expect(try await fixture.eventCount() == before, "\(what) was refused but recorded an event")
                    }
                }
            }
        }
    }

    @Test("a counselor who adds the admin's counselor field to the new-person form is refused: caseloads are the admin's")
    func counselorCannotAssignThroughAddPerson() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.eventCount()
        try await fixture.withRouter { client in
            let sari = Visitor(client)
            try await sari.signIn(WebFixture.sari)
            try await sari.get("/wbp/baru")
            let reply = try await sari.post("/wbp/baru", [
                "fullName": "Contoh Orang Baru", "registerNumber": "RB-9001/2026", "admissionDate": "2026-02-01",
                "expectedReleaseDate": "2028-06-30", "counselor": WebFixture.budi.0])
            #expect(reply.status == 403, "\(reply.status) \(Self.message(reply))")
            #expect(try await fixture.eventCount() == before)
        }
    }

    @Test("the table holds every POST route the facility site registers, and only those")
    func tableCoversEveryPostRoute() async throws {
        let fixture = try await WebFixture()
        defer { fixture.cleanUp() }
        let registered = Set(fixture.site.router().routes.filter { $0.method == .post }.map { $0.path.description })
        let covered = Set(Self.routes.map(\.template)).union(Self.exempt)
        #expect(registered.count > 10, "the router lists its routes: \(registered.sorted())")
        #expect(registered.subtracting(covered).isEmpty,
                "POST routes with no row in the role matrix: \(registered.subtracting(covered).sorted())")
        #expect(covered.subtracting(registered).isEmpty,
                "rows for routes the site does not register: \(covered.subtracting(registered).sorted())")
        // Every row's allowed roles are accounts that exist (a typo would make a row vacuous).
        let names = Set(Self.actors.map(\.0))
        for route in Self.routes {
            #expect(route.allowed.isSubset(of: names), "\(route.name)")
            #expect([200, 303].contains(route.success), "\(route.name)")
        }
    }
}
