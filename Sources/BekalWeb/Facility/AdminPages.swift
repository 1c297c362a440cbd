import BekalApp
import BekalDomain
import BekalLog
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
        // The latest quarter that has ended: only an ended period can be queued (a report is final).
        let quarter = (today.month - 1) / 3 + 1
        let current = quarter == 1 ? "\(today.year - 1)-Q4" : "\(today.year)-Q\(quarter - 1)"
        let text = queue ? (context.form?["period"] ?? current) : (request.uri.queryParameters.get("periode") ?? current)
        let period = try ReportingPeriod.parse(text)
        let policy = try DisclosurePolicy()
        let action = try kit.actionContext(context)
        let report = queue ? try await app.queueReport(period: period, policy: policy, context: action)
                           : try await app.previewReport(period: period, policy: policy, context: action)
        let state: String = report.queued
            ? (queue ? Notice.queued.text(l) : l.t("Periode ini sudah masuk antrean; laporan bersifat final.", "This period is already queued; a report is final."))
            : l.t("Pratinjau: belum diantrekan.", "Preview: not queued.")
        // Only an ended period can be queued (a report is final); a running one says from when.
        let queueForm: HTML
        if report.queued {
            queueForm = .empty
        } else if period.lastDay < today {
            queueForm = """
                <form method="post" action="/statistik" class="card">\(Layout.csrf(context))
                <input type="hidden" name="period" value="\(period.description)">
                <button type="submit">\(l.t("Antrekan laporan ini untuk dikirim", "Queue this report for sending"))</button></form>
                """
        } else {
            let opens = PageFormat.date(period.lastDay.adding(days: 1), l)
            queueForm = """
                <p class="notice" id="not-ended">\(l.t("Periode ini belum selesai; laporannya dapat diantrekan mulai \(opens).", "This period has not ended; its report can be queued from \(opens) on."))</p>
                """
        }
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

    /// Ledger: how many events it holds, the latest checkpoint (tree size, root and the signed note a witness
    /// keeps) and, on request, whether its hash chain is intact.
    private func ledger(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await require(.read, context)
        let l = context.language
        let action = try kit.actionContext(context)
        let count = try await app.eventCount(context: action)
        var result: HTML = "<p><a class=\"button\" href=\"/ledger?periksa=1\">\(l.t("Periksa keutuhan sekarang", "Check integrity now"))</a></p>"
        if request.uri.queryParameters.get("periksa") == "1" {
            // The same checks as `bekal ledger verify`: the chain, then the stored log tree, projections and
            // evidence files, so the page never says "intact" where Bekal refuses to append or sign.
            let integrity = try await app.verifyIntegrity(context: action)
            switch integrity.chain {
            case .intact(let total, let head) where integrity.isIntact:
                result = "<p class=\"ok\" id=\"integrity\">\(l.t("Ledger utuh: \(total) peristiwa, hash terakhir \(String(head.prefix(16)))…", "Ledger intact: \(total) events, head hash \(String(head.prefix(16)))…"))</p>"
            case .intact(let total, _):
                result = "<p class=\"error\" id=\"integrity\">\(l.t("Ledger TIDAK utuh: rantai hash \(total) peristiwa utuh, tetapi:", "Ledger NOT intact: the hash chain of \(total) events holds, but:"))</p>"
            case .broken(let failure):
                result = "<p class=\"error\" id=\"integrity\">\(l.t("Ledger RUSAK pada peristiwa \(Int(failure.sequence)): \(failure.message)", "Ledger BROKEN at event \(Int(failure.sequence)): \(failure.message)"))</p>"
            }
            if !integrity.failures.isEmpty {
                let items = integrity.failures.map { finding -> HTML in "<li><code>\(finding.reason)</code> \(finding.message)</li>" }
                result = "\(result)<ul id=\"integrity-findings\">\(items)</ul>"
            }
        }
        let checkpoint = await latestCheckpoint(l, action)
        return page("Ledger", request, context, """
            <p>\(l.t("Ledger mencatat setiap peristiwa sekali dan tidak pernah mengubahnya; koreksi dicatat sebagai peristiwa baru.", "The ledger records each event once and never changes it; corrections are new events."))</p>
            <p>\(l.t("Jumlah peristiwa", "Events")): <strong>\(count)</strong></p>
            \(result)
            \(checkpoint)
            """)
    }

    /// The ledger's latest checkpoint, signed now with the facility's key: its tree size, its root (base64, as in
    /// the note) and the signed note itself. A failure (no issuer key, a log tree out of step) is said in its place,
    /// so the page and its integrity check stay usable.
    private func latestCheckpoint(_ l: PageLanguage, _ action: ActionContext) async -> HTML {
        let heading: HTML = "<h2>\(l.t("Checkpoint terakhir", "Latest checkpoint"))</h2>"
        let checkpoint: LedgerCheckpoint
        do {
            checkpoint = try await app.checkpoint(context: action)
        } catch {
            return """
                \(heading)<p class="notice" id="checkpoint-unavailable">\(l.t("Checkpoint tidak dapat ditampilkan", "The checkpoint cannot be shown")): \(Messages.text(AppError(error), l))</p>
                """
        }
        return """
            \(heading)
            <p>\(l.t("Checkpoint mengikat seluruh ledger pada satu ukuran dan satu akar pohon Merkle, ditandatangani dengan kunci lapas. Saksi (misalnya kanwil atau kementerian) menyimpannya; ledger yang kemudian dipotong atau ditulis ulang tidak cocok lagi dengannya. Berkasnya: `bekal ledger checkpoint`.", "A checkpoint commits to the whole ledger by one size and one Merkle tree root, signed with the facility's key. A witness (the regional office or the ministry) keeps it; a ledger later cut off or rewritten no longer matches it. As a file: `bekal ledger checkpoint`."))</p>
            <dl>
            <dt>\(l.t("Log", "Log"))</dt><dd id="checkpoint-origin">\(checkpoint.origin)</dd>
            <dt>\(l.t("Ukuran pohon (peristiwa)", "Tree size (events)"))</dt><dd id="checkpoint-size">\(String(checkpoint.treeHead.size))</dd>
            <dt>\(l.t("Akar pohon (base64)", "Tree root (base64)"))</dt><dd><code id="checkpoint-root">\(checkpoint.treeHead.root.base64)</code></dd>
            </dl>
            <p>\(l.t("Catatan bertanda tangan (C2SP signed note):", "The signed note (C2SP signed note):"))</p>
            <pre class="report" id="checkpoint-note">\(checkpoint.note.serialized)</pre>
            """
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
        let action = try kit.actionContext(context)
        let accounts = try await app.accounts(context: action)
        let caseloads = Dictionary(grouping: try await app.caseloadAssignments(context: action).values, by: { $0 }).mapValues(\.count)
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
        default: throw AppError(.notFound, "unknown account change", reason: .unknownAccountChange)
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
