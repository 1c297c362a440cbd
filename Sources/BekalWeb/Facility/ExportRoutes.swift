import BekalApp
import BekalDomain
import BekalRender
import Foundation
import Hummingbird

/// Exports just made, kept for their account to download (the signed file and its readable page are the same
/// export) for 15 minutes, in memory.
actor ExportCache {
    private struct Entry {
        var account: String
        var made: Date
        var download: ExportDownload
    }

    private let clock: @Sendable () -> Date
    private var entries: [String: Entry] = [:]
    private let lifetime: TimeInterval = 15 * 60

    init(clock: @escaping @Sendable () -> Date) { self.clock = clock }

    func keep(_ download: ExportDownload, for account: String) -> String {
        let now = clock()
        entries = entries.filter { now.timeIntervalSince($0.value.made) < lifetime }
        if entries.count >= 200, let oldest = entries.min(by: { $0.value.made < $1.value.made }) { entries[oldest.key] = nil }
        let token = SessionStore.randomToken()
        entries[token] = Entry(account: account, made: now, download: download)
        return token
    }

    /// The export kept under `token` for `account`, `nil` when there is none (or another account made it).
    func download(_ token: String, for account: String) -> ExportDownload? {
        guard let entry = entries[token], entry.account == account,
            clock().timeIntervalSince(entry.made) < lifetime
        else { return nil }
        return entry.download
    }
}

extension FacilitySite {
    func registerExports(_ router: RouterGroup<WebRequestContext>) {
        router.get("/ekspor") { request, context in try await self.exportList(request, context) }
        router.post("/wbp/{id}/ekspor") { request, context in try await self.export(request, context) }
        router.post("/ekspor/semua") { _, context in try await self.exportEveryoneDue(context) }
        router.get("/ekspor/{token}/portofolio.json") { _, context in try await self.exportFile(context, page: false) }
        router.get("/ekspor/{token}/halaman.html") { _, context in try await self.exportFile(context, page: true) }
    }

    /// Ekspor: the people due within 90 days (a counselor's own), each with an export button.
    private func exportList(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let account = try await require(.read, context)
        guard AccessPolicy.mayEver(account, .export(UUID())) else { throw AppError(.permission, "your role (\(account.role.rawValue)) may not do this", reason: .roleMayNot) }
        let l = context.language
        let action = try kit.actionContext(context)
        let assignments = try await app.caseloadAssignments(context: action)
        let due = try await app.readiness(dueWithin: 90, context: action).filter {
            account.role == .admin || assignments[$0.person.id] == account.name
        }
        let rows = due.map { line -> HTML in
            let id = line.person.id.uuidString.lowercased()
            return """
                <tr><td><a href="/wbp/\(id)">\(line.person.fullName.rawValue)</a></td><td>\(PageFormat.date(line.report.expectedReleaseDate, l))</td>
                <td>\(line.report.ready ? l.t("Siap", "Ready") : l.t("\(line.report.missing.count) kekurangan", "\(line.report.missing.count) gaps"))</td>
                <td><form method="post" action="/wbp/\(id)/ekspor" class="inline">\(Layout.csrf(context))<button type="submit">\(l.t("Ekspor", "Export"))</button></form></td></tr>
                """
        }
        let everyone: HTML = due.isEmpty ? .empty : """
            <form method="post" action="/ekspor/semua" class="inline">\(Layout.csrf(context))<button type="submit" id="export-all">\(l.t("Ekspor semua yang akan bebas (\(due.count)) sebagai satu berkas .tar", "Export everyone due (\(due.count)) as one .tar file"))</button></form>
            """
        let deliveries = try await deliveriesSection(context)
        return page(l.t("Ekspor portofolio", "Export portfolios"), request, context, """
            \(everyone)
            <p>\(l.t("Berkas ekspor ditandatangani lapas dan dapat diperiksa PK di Bapas dengan `bekal verify`. Nama WBP tidak dimuat; PK memastikan orangnya dengan nomor register dan kode verifikasi.", "The export file is signed by the facility and a PK at Bapas checks it with `bekal verify`. The name is left out; the PK confirms the person with the register number and verification code."))</p>
            <div class="table"><table><thead><tr><th>\(l.t("WBP", "Person"))</th><th>\(l.t("Perkiraan bebas", "Expected release"))</th><th>\(l.t("Kesiapan", "Readiness"))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            \(deliveries)
            """)
    }

    /// Makes one person's export and offers the file and its readable page.
    private func export(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let person = try await self.person(context)
        let account = try await require(.export(person.id), context)
        let l = context.language
        let download = try await app.exportWithPage(.id(person.id), settings: ExportSettings(), language: l,
                                                    context: try kit.actionContext(context))
        let token = await exports.keep(download, for: account.name)
        return page(l.t("Ekspor siap", "Export ready"), request, context, """
            <p class="subject"><a href="/wbp/\(person.id.uuidString.lowercased())">\(person.fullName.rawValue)</a> · \(person.registerNumber.rawValue)</p>
            <p class="notice" id="verdict">\(download.verdictLine)</p>
            <p>\(l.t("\(download.export.credentialCount) kredensial ditandatangani.", "\(download.export.credentialCount) credentials signed."))</p>
            <ul class="downloads">
            <li><a class="button" id="download-json" href="/ekspor/\(token)/portofolio.json">\(l.t("Unduh berkas ekspor (JSON)", "Download the export file (JSON)"))</a></li>
            <li><a class="button secondary" id="download-page" href="/ekspor/\(token)/halaman.html">\(l.t("Unduh halaman bacaan (HTML)", "Download the readable page (HTML)"))</a></li>
            </ul>
            <p><small>\(l.t("Tautan berlaku 15 menit, hanya untuk akun Anda.", "The links work for 15 minutes, for your account only."))</small></p>
            """)
    }

    /// Everyone due within 90 days whom the account may export (a counselor: their caseload), in one tar file:
    /// each person's signed export and readable page, named by internal id. People with nothing to export yet are
    /// left out (the readiness list shows them).
    private func exportEveryoneDue(_ context: WebRequestContext) async throws -> Response {
        let account = try await require(.read, context)
        guard AccessPolicy.mayEver(account, .export(UUID())) else { throw AppError(.permission, "your role (\(account.role.rawValue)) may not do this", reason: .roleMayNot) }
        let action = try kit.actionContext(context)
        let assignments = try await app.caseloadAssignments(context: action)
        let due = try await app.readiness(dueWithin: 90, context: action).filter {
            account.role == .admin || assignments[$0.person.id] == account.name
        }
        var archive = TarArchive()
        for line in due {
            let download: ExportDownload
            do {
                download = try await app.exportWithPage(.id(line.person.id), settings: ExportSettings(),
                                                        language: context.language, context: action)
            } catch let failure as AppError where failure.code == .conflict {
                continue
            }
            let name = FacilityApp.exportFileName(line.person.id)
            archive.add(name, download.export.bytes, modified: action.now)
            archive.add(name.replacingOccurrences(of: ".json", with: ".html"), Array(download.page.utf8), modified: action.now)
        }
        guard !archive.bytes.isEmpty else {
            throw AppError(.conflict, "the portfolio has nothing to export yet: no Kompeten unit, certificate, training "
                + "or production that stands", reason: .nothingToExport)
        }
        return WebResponse.download(archive.finished, mediaType: "application/x-tar",
                                    fileName: "ekspor-\(action.today).tar")
    }

    private func exportFile(_ context: WebRequestContext, page: Bool) async throws -> Response {
        let account = try await require(.read, context)
        guard let download = await exports.download(context.parameters.get("token") ?? "", for: account.name) else {
            throw AppError(.notFound, "the export has expired; export again", reason: .exportExpired)
        }
        let name = FacilityApp.exportFileName(download.export.person.id)
        if page {
            return WebResponse.download(Array(download.page.utf8), mediaType: "text/html; charset=utf-8",
                                        fileName: name.replacingOccurrences(of: ".json", with: ".html"))
        }
        return WebResponse.download(download.export.bytes, mediaType: "application/json", fileName: name)
    }
}
