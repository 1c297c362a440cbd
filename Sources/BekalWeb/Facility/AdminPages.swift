import BekalApp
import BekalDomain
import BekalMetrics
import BekalRender
import Foundation
import Hummingbird

extension FacilitySite {
    func registerAdministration(_ router: RouterGroup<WebRequestContext>) {
        router.get("/statistik") { request, context in try await self.statistics(request, context, queue: false) }
        router.post("/statistik") { request, context in try await self.statistics(request, context, queue: true) }
        router.get("/ledger") { request, context in try await self.ledger(request, context) }
        router.get("/akun") { request, context in try await self.accounts(request, context, view: nil) }
        router.post("/akun") { request, context in try await self.createAccount(request, context) }
        router.post("/akun/{name}/{change}") { request, context in try await self.changeAccount(request, context) }
        router.get("/sandi") { request, context in try await self.ownPassword(request, context, view: nil) }
        router.post("/sandi") { request, context in try await self.changeOwnPassword(request, context) }
    }

    // MARK: Statistik

    /// Statistik (admin): the anonymized report of a period exactly as it would be sent (its JSON body, byte for
    /// byte), and queueing it (POST).
    private func statistics(_ request: Request, _ context: WebRequestContext, queue: Bool) async throws -> Response {
        try await require(.administer, context)
        let l = context.language
        let today = today()
        let current = "\(today.year)-Q\((today.month - 1) / 3 + 1)"
        let text = queue ? (context.form?["period"] ?? current) : (request.uri.queryParameters.get("periode") ?? current)
        let period = try ReportingPeriod.parse(text)
        let policy = try DisclosurePolicy()
        let action = try kit.actionContext(context)
        let report = queue ? try await app.queueReport(period: period, policy: policy, context: action)
                           : try await app.previewReport(period: period, policy: policy, context: action)
        let state: String = report.queued
            ? (queue ? Notice.queued.text(l) : l.t("Periode ini sudah masuk antrean; laporan bersifat final.", "This period is already queued; a report is final."))
            : l.t("Pratinjau: belum diantrekan.", "Preview: not queued.")
        let queueForm: HTML = report.queued ? .empty : """
            <form method="post" action="/statistik" class="card">\(Layout.csrf(context))
            <input type="hidden" name="period" value="\(period.description)">
            <button type="submit">\(l.t("Antrekan laporan ini untuk dikirim", "Queue this report for sending"))</button></form>
            """
        return page(l.t("Statistik program", "Programme statistics"), request, context, """
            <form method="get" action="/statistik" class="search"><label for="periode">\(l.t("Periode (2026-07 atau 2026-Q3)", "Period (2026-07 or 2026-Q3)"))</label>
            <input id="periode" name="periode" value="\(period.description)"><button type="submit">\(l.t("Tampilkan", "Show"))</button></form>
            <p class="notice">\(state)</p>
            <p>\(l.t("Angka kecil disembunyikan dan sisanya dibulatkan (aturan 10-5); tidak ada angka yang dapat mengenali seseorang. Di bawah ini isi laporan persis seperti dikirim.", "Small counts are suppressed and the rest rounded (the 10-5 rule); no figure can identify a person. Below is the report exactly as it is sent."))</p>
            <pre class="report">\(ReportText.render(report.report))</pre>
            <details><summary>JSON</summary><pre class="report">\(String(decoding: report.body, as: UTF8.self))</pre></details>
            \(queueForm)
            """)
    }

    // MARK: Ledger

    /// Ledger: how many events it holds and, on request, whether its hash chain is intact.
    private func ledger(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await require(.read, context)
        let l = context.language
        let count = try await app.eventCount(context: try kit.actionContext(context))
        var result: HTML = "<p><a class=\"button\" href=\"/ledger?periksa=1\">\(l.t("Periksa keutuhan sekarang", "Check integrity now"))</a></p>"
        if request.uri.queryParameters.get("periksa") == "1" {
            switch try await app.verifyChain(context: try kit.actionContext(context)) {
            case .intact(let total, let head):
                result = "<p class=\"ok\" id=\"integrity\">\(l.t("Ledger utuh: \(total) peristiwa, hash terakhir \(String(head.prefix(16)))…", "Ledger intact: \(total) events, head hash \(String(head.prefix(16)))…"))</p>"
            case .broken(let failure):
                result = "<p class=\"error\" id=\"integrity\">\(l.t("Ledger RUSAK pada peristiwa \(Int(failure.sequence)): \(failure.message)", "Ledger BROKEN at event \(Int(failure.sequence)): \(failure.message)"))</p>"
            }
        }
        return page("Ledger", request, context, """
            <p>\(l.t("Ledger mencatat setiap peristiwa sekali dan tidak pernah mengubahnya; koreksi dicatat sebagai peristiwa baru.", "The ledger records each event once and never changes it; corrections are new events."))</p>
            <p>\(l.t("Jumlah peristiwa", "Events")): <strong>\(count)</strong></p>
            \(result)
            <p><small>\(l.t("Checkpoint bertanda tangan dan saksi: lihat `bekal ledger checkpoint` (akan ditampilkan di sini setelah tersedia di lapisan aplikasi).", "Signed checkpoints and witnesses: see `bekal ledger checkpoint` (shown here once the application layer offers them)."))</small></p>
            """)
    }

    // MARK: Accounts

    static func accountFormView() -> FormView {
        FormView(action: "/akun", fields: [
            FormField("name", LocalizedText(id: "Nama akun", en: "Account name"),
                      hint: LocalizedText(id: "huruf, angka, titik; contoh: wali.sari", en: "letters, digits, dots; e.g. wali.sari")),
            FormField("displayName", LocalizedText(id: "Nama tampilan", en: "Display name"), required: false),
            FormField.terms("role", LocalizedText(id: "Peran", en: "Role"), StaffRole.self),
            FormField("password", LocalizedText(id: "Kata sandi awal", en: "First password"), .password,
                      hint: LocalizedText(id: "12 sampai 72 karakter; sampaikan langsung, jangan lewat pesan.", en: "12 to 72 characters; hand it over in person.")),
        ], submit: LocalizedText(id: "Buat akun", en: "Create account"))
    }

    private func accounts(_ request: Request, _ context: WebRequestContext, view: FormView?) async throws -> Response {
        try await require(.administer, context)
        let l = context.language
        let accounts = try await app.accounts(context: try kit.actionContext(context))
        let caseloads = Dictionary(grouping: try await app.caseloadAssignments().values, by: { $0 }).mapValues(\.count)
        let rows = accounts.map { account -> HTML in
            let base = "/akun/\(Layout.query(account.name))"
            let roles = StaffRole.allCases.map { role -> HTML in
                "<option value=\"\(role.rawValue)\"\(HTML.when(role == account.role, " selected"))>\(language(role.label, l))</option>"
            }
            let toggle: HTML = account.isActive
                ? "<form method=\"post\" action=\"\(base)/nonaktif\" class=\"inline\">\(Layout.csrf(context))<button type=\"submit\" class=\"secondary\">\(l.t("Nonaktifkan", "Disable"))</button></form>"
                : "<form method=\"post\" action=\"\(base)/aktif\" class=\"inline\">\(Layout.csrf(context))<button type=\"submit\" class=\"secondary\">\(l.t("Aktifkan", "Enable"))</button></form>"
            return """
                <tr><td>\(account.name)<br><small>\(account.displayName ?? "")</small></td><td>\(account.isActive ? l.t("aktif", "active") : l.t("nonaktif", "disabled"))</td>
                <td>\(caseloads[account.name] ?? 0)</td><td>\(account.hasPassword ? l.t("ada", "set") : l.t("belum", "none"))</td>
                <td><form method="post" action="\(base)/peran" class="inline">\(Layout.csrf(context))<select name="role" aria-label="\(l.t("Peran", "Role"))">\(roles)</select><button type="submit">\(l.t("Ubah peran", "Change role"))</button></form>
                \(toggle)
                <form method="post" action="\(base)/sandi" class="inline">\(Layout.csrf(context))<input name="password" type="password" autocomplete="new-password" aria-label="\(l.t("Kata sandi baru", "New password"))" required><button type="submit">\(l.t("Setel sandi", "Set password"))</button></form></td></tr>
                """
        }
        return page(l.t("Akun staf", "Staff accounts"), request, context, status: view == nil ? .ok : .unprocessableContent, """
            <div class="table"><table><thead><tr><th>\(l.t("Akun", "Account"))</th><th>\(l.t("Status", "Status"))</th><th>\(l.t("Binaan", "Caseload"))</th><th>\(l.t("Sandi", "Password"))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <h2>\(l.t("Akun baru", "New account"))</h2>
            \((view ?? Self.accountFormView()).render(context))
            """)
    }

    private func createAccount(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await require(.administer, context)
        let form = try self.form(context)
        let reader = FormReader(form: form)
        do {
            let input = NewAccount(
                name: try reader.required("name"), role: try reader.term("role", StaffRole.self),
                displayName: reader.optional("displayName"), password: try Password(reader.text("password")))
            _ = try await app.createAccount(input, context: try kit.actionContext(context))
            return WebResponse.redirect("/akun?pesan=\(Notice.account.rawValue)")
        } catch {
            let failure = AppError(error)
            guard [.invalidInput, .usage, .notFound, .conflict].contains(failure.code) else { throw error }
            var view = Self.accountFormView().refused(failure, form: form, language: context.language, aliases: ["account": "name"])
            view.values["password"] = nil
            return try await accounts(request, context, view: view)
        }
    }

    private func changeAccount(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await require(.administer, context)
        let form = try self.form(context)
        let name = context.parameters.get("name") ?? ""
        let action = try kit.actionContext(context)
        switch context.parameters.get("change") {
        case "peran": _ = try await app.changeRole(of: name, to: try FormReader(form: form).term("role", StaffRole.self), context: action)
        case "nonaktif":
            _ = try await app.disableAccount(name, context: action)
            await kit.sessions.endAll(account: name)
        case "aktif": _ = try await app.enableAccount(name, context: action)
        case "sandi":
            try await app.setPassword(try Password(form["password"]), of: name, context: action)
            await kit.sessions.endAll(account: name)
        default: throw AppError(.notFound, "unknown account change")
        }
        return WebResponse.redirect("/akun?pesan=\(Notice.account.rawValue)")
    }

    // MARK: Own password

    private static func passwordView() -> FormView {
        FormView(action: "/sandi", fields: [
            FormField("current", LocalizedText(id: "Kata sandi sekarang", en: "Current password"), .password),
            FormField("password", LocalizedText(id: "Kata sandi baru", en: "New password"), .password,
                      hint: LocalizedText(id: "12 sampai 72 karakter.", en: "12 to 72 characters.")),
        ], submit: LocalizedText(id: "Ganti kata sandi", en: "Change password"))
    }

    private func ownPassword(_ request: Request, _ context: WebRequestContext, view: FormView?) async throws -> Response {
        try await require(.read, context)
        return page(context.language.t("Ganti kata sandi", "Change password"), request, context,
                    status: view == nil ? .ok : .unprocessableContent, (view ?? Self.passwordView()).render(context))
    }

    private func changeOwnPassword(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let account = try await require(.read, context)
        let form = try self.form(context)
        do {
            try await app.changeOwnPassword(current: form["current"], new: try Password(form["password"]),
                                            context: try kit.actionContext(context))
        } catch {
            let failure = AppError(error)
            guard [.invalidInput, .permission].contains(failure.code) else { throw error }
            var view = Self.passwordView().refused(failure, form: form, language: context.language,
                                                   aliases: failure.code == .permission ? ["password": "current"] : [:])
            view.values = [:]
            return try await ownPassword(request, context, view: view)
        }
        // Every other session of the account ends; this one goes on with a new id.
        await kit.sessions.endAll(account: account.name)
        let session = await kit.sessions.start(account: account.name)
        return WebResponse.redirect("/?pesan=\(Notice.password.rawValue)").settingCookie(kit.cookie.set(session.id))
    }
}
