import BekalApp
import BekalCredentials
import BekalDomain
import BekalJSON
import BekalRender
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension BapasSite {
    func registerPages(_ router: RouterGroup<WebRequestContext>) {
        router.get("/") { request, context in try await self.inbox(request, context) }
        router.get("/berkas/{id}") { request, context in try await self.portfolio(request, context) }
        router.get("/berkas/{id}/halaman") { _, context in try await self.readablePage(context) }
        router.post("/berkas/{id}/halaman") { _, context in try await self.readablePage(context) }
        router.get("/berkas/{id}/unduh") { _, context in try await self.download(context) }
        router.get("/periksa") { request, context in try self.checkForm(request, context) }
        router.post("/periksa") { _, context in try await self.checkUpload(context) }
    }

    /// The inbox: every received portfolio with its verdict and the facility that vouches for it, sortable by
    /// person, facility and release date.
    func inbox(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try requireReader(context)
        let l = context.language
        let order = request.uri.queryParameters.get("urut") ?? "terima"
        var portfolios = try await bapas.inbox()
        switch order {
        case "nama": portfolios.sort { ($0.holder ?? "~") < ($1.holder ?? "~") }
        case "lapas": portfolios.sort { ($0.facilityName ?? "~") < ($1.facilityName ?? "~") }
        case "bebas": portfolios.sort { ($0.releaseDate ?? "~") < ($1.releaseDate ?? "~") }
        default: break
        }
        let rows: [HTML] = portfolios.map { p in
            let id = p.id.uuidString.lowercased()
            let verdict = Verdict(rawValue: p.verdict) ?? .invalid
            let release = p.releaseDate.flatMap { LocalDate($0) }.map { PageFormat.date($0, l) } ?? "—"
            return """
                <tr data-verdict="\(p.verdict)"><td><a href="/berkas/\(id)">\(p.holder ?? l.t("(nama tidak dicantumkan)", "(name not included)"))</a></td>
                <td>\(p.facilityName ?? l.t("Penerbit tidak tepercaya", "Issuer not trusted"))</td>
                <td>\(release)</td>
                <td class="verdict-\(Self.verdictClass(verdict))">\(VerdictText.headline(verdict, l))</td>
                <td>\(PageFormat.dateTime(p.receivedAt, l))</td></tr>
                """
        }
        func sortLink(_ key: String, _ label: String) -> HTML {
            key == order ? "<strong>\(label)</strong>" : "<a href=\"/?urut=\(key)\">\(label)</a>"
        }
        let table: HTML = portfolios.isEmpty
            ? "<p>\(l.t("Belum ada portofolio yang diterima.", "No portfolio received yet."))</p>"
            : """
                <div class="table"><table id="kotak-masuk"><thead><tr><th>\(l.t("Nama", "Name"))</th>
                <th>\(l.t("Lapas/Rutan", "Facility"))</th><th>\(l.t("Tanggal bebas", "Release date"))</th>
                <th>\(l.t("Putusan", "Verdict"))</th><th>\(l.t("Diterima", "Received"))</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                """
        let body: HTML = """
            <p>\(l.t("Urutkan", "Sort by")): \(sortLink("terima", l.t("diterima", "received"))) ·
            \(sortLink("nama", l.t("nama", "name"))) · \(sortLink("lapas", l.t("Lapas/Rutan", "facility"))) ·
            \(sortLink("bebas", l.t("tanggal bebas", "release date")))</p>
            \(table)
            """
        return page(l.t("Kotak masuk", "Inbox"), request, context, body)
    }

    /// One received portfolio: the verdict sentence first, the file's fingerprint, and links to the readable
    /// page and the exact bytes.
    func portfolio(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try requireReader(context)
        let l = context.language
        let p = try await bapas.receivedPortfolio(id: try Self.portfolioID(context))
        let id = p.id.uuidString.lowercased()
        let verdict = Verdict(rawValue: p.verdict) ?? .invalid
        let release = p.releaseDate.flatMap { LocalDate($0) }.map { PageFormat.date($0, l) } ?? "—"
        // The sentence stored with the verdict, in the page's language (never the Indonesian one on an English page).
        let sentence = try await bapas.sentence(of: p, in: l)
        let body: HTML = """
            <p class="verdict-\(Self.verdictClass(verdict))" id="putusan"><strong>\(VerdictText.headline(verdict, l))</strong></p>
            <p id="kalimat">\(sentence)</p>
            <dl>
            <dt>\(l.t("Nama", "Name"))</dt><dd>\(p.holder ?? l.t("(nama tidak dicantumkan)", "(name not included)"))</dd>
            <dt>\(l.t("Lapas/Rutan", "Facility"))</dt><dd>\(p.facilityName ?? l.t("Penerbit tidak tepercaya", "Issuer not trusted"))</dd>
            <dt>\(l.t("Tanggal bebas", "Release date"))</dt><dd>\(release)</dd>
            <dt>\(l.t("Diterima", "Received"))</dt><dd>\(PageFormat.dateTime(p.receivedAt, l))</dd>
            <dt>\(l.t("Diperiksa", "Checked"))</dt><dd>\(PageFormat.dateTime(p.verifiedAt, l))</dd>
            <dt>\(l.t("Sidik berkas (SHA-256, tercetak di setiap halaman)", "File fingerprint (SHA-256, printed on every page)"))</dt><dd><code id="sidik">\(Self.fingerprint(p))</code></dd>
            <dt>\(l.t("SHA-256 byte yang diterima", "SHA-256 of the bytes received"))</dt><dd><code>\(p.sha256)</code></dd>
            </dl>
            <p><a href="/berkas/\(id)/halaman">\(l.t("Buka halaman portofolio", "Open the portfolio page"))</a> ·
            <a href="/berkas/\(id)/unduh">\(l.t("Unduh berkas asli", "Download the original file"))</a></p>
            <h2>\(l.t("Cocokkan identitas klien", "Match the client's identity"))</h2>
            <form method="post" action="/berkas/\(id)/halaman">\(Layout.csrf(context))
            \(Self.identityFields(l, required: true))
            <button type="submit">\(l.t("Buka halaman dengan pencocokan", "Open the page with the match"))</button></form>
            """
        return page(l.t("Portofolio diterima", "Received portfolio"), request, context, body)
    }

    /// The readable page of a received portfolio, checked again now against the registry and status lists (and,
    /// when posted from the form, against the register number and verification code the PK typed).
    func readablePage(_ context: WebRequestContext) async throws -> Response {
        _ = try requireReader(context)
        let p = try await bapas.receivedPortfolio(id: try Self.portfolioID(context))
        return try await rendered(Array(p.body), identity: try Self.identityClaim(context), context)
    }

    /// The register number and verification code fields. Posted, never in a URL (which access logs and browser
    /// histories keep), and not remembered by the browser.
    static func identityFields(_ l: PageLanguage, required: Bool) -> HTML {
        """
        <p>\(l.t("Ketik nomor register dari berkas klien (dan kode verifikasi yang diberikan saat bebas) untuk memastikan portofolio ini miliknya.",
                 "Type the register number from the client's papers (and the verification code given at release) to confirm the portfolio is theirs."))</p>
        <label for="nomor_register">\(l.t("Nomor register", "Register number"))</label>
        <input type="text" id="nomor_register" name="nomor_register" autocomplete="off" spellcheck="false"\(required ? " required" : "")>
        <label for="kode_verifikasi">\(l.t("Kode verifikasi (jika ada)", "Verification code (if any)"))</label>
        <input type="text" id="kode_verifikasi" name="kode_verifikasi" autocomplete="off" spellcheck="false">
        """
    }

    /// The identity a PK typed into a posted form, `nil` on a GET or when the register number is blank.
    static func identityClaim(_ context: WebRequestContext) throws -> IdentityClaim? {
        guard let form = context.form else { return nil }
        return try IdentityClaim(registerNumber: form.optional("nomor_register"),
                                 verificationCode: form.optional("kode_verifikasi"))
    }

    /// The exact bytes received, as a download.
    func download(_ context: WebRequestContext) async throws -> Response {
        _ = try requireReader(context)
        let p = try await bapas.receivedPortfolio(id: try Self.portfolioID(context))
        return WebResponse.download(p.body, mediaType: "application/json", fileName: "portofolio-\(p.sha256.prefix(12)).json")
    }

    /// *Periksa berkas*: upload any export (from e-mail or a USB stick).
    func checkForm(_ request: Request, _ context: WebRequestContext) throws -> Response {
        _ = try requireReader(context)
        let l = context.language
        let body: HTML = """
            <p>\(l.t("Unggah berkas ekspor portofolio (JSON) dari surel atau flashdisk untuk memeriksa keasliannya.",
                     "Upload a portfolio export (JSON) from e-mail or a USB stick to check that it is genuine."))</p>
            <form method="post" action="/periksa" enctype="multipart/form-data">\(Layout.csrf(context))
            <label for="berkas">\(l.t("Berkas", "File"))</label> <input type="file" id="berkas" name="berkas" accept=".json,application/json" required>
            \(Self.identityFields(l, required: false))
            <button type="submit">\(l.t("Periksa", "Check"))</button></form>
            """
        return page(l.t("Periksa berkas", "Check a file"), request, context, body)
    }

    func checkUpload(_ context: WebRequestContext) async throws -> Response {
        _ = try requireReader(context)
        guard let file = context.form?.files["berkas"]?.first, !file.bytes.isEmpty else {
            throw AppError(.usage, context.language.t("Pilih berkas untuk diperiksa.", "Choose a file to check."))
        }
        return try await rendered(Array(file.bytes), identity: try Self.identityClaim(context), context)
    }

    /// The portfolio page (BekalRender) of an export checked now: a self-contained document with its own inline
    /// styles (no script), hence its own Content-Security-Policy.
    func rendered(_ bytes: [UInt8], identity: IdentityClaim?, _ context: WebRequestContext) async throws -> Response {
        let now = kit.clock()
        let checked = try await bapas.check(
            bytes, identity: identity, context: try ActionContext(actor: Actor(account: "pk"), now: now))
        let view = PortfolioView(export: checked.document, verification: checked.verification, checkedAt: now, evidence: nil)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
        let html = PortfolioPage(view: view, language: context.language).html()
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The fingerprint the readable page prints (of the file's RFC 8785 form), so a printed sheet can be matched
    /// with this page; "—" for a file that is not a JSON object.
    static func fingerprint(_ p: ReceivedPortfolio) -> String {
        guard case .object(let document) = try? JSONParser.parse(Array(p.body)) else { return "—" }
        return PortfolioView.fingerprint(document) ?? "—"
    }

    static func portfolioID(_ context: WebRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw AppError(.notFound, "no received portfolio with this id")
        }
        return id
    }

    static func verdictClass(_ verdict: Verdict) -> String {
        switch verdict {
        case .valid: "valid"
        case .validWithExceptions: "exceptions"
        case .invalid: "invalid"
        }
    }
}
