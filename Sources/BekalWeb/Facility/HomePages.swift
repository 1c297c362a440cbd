import BekalApp
import BekalDomain
import BekalRender
import Foundation
import Hummingbird

extension FacilitySite {
    func registerPages(_ router: RouterGroup<WebRequestContext>) {
        router.get("/") { request, context in try await self.home(request, context) }
        router.get("/wbp") { request, context in try await self.personList(request, context) }
        router.get("/wbp/{id}") { request, context in try await self.personPage(request, context) }
        router.get("/bukti/{sha256}") { request, context in try await self.evidenceFile(request, context) }
    }

    /// Beranda: who is due for release in the next 90 days and what each still lacks, overdue people first and
    /// marked; a counselor sees their own caseload (and can open everyone's).
    func home(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let account = try await require(.read, context)
        let l = context.language
        let action = try kit.actionContext(context)
        let everyone = request.uri.queryParameters.get("semua") == "1" || account.role != .counselor
        let assignments = try await app.caseloadAssignments(context: action)
        let lines = try await app.readiness(dueWithin: 90, context: action).filter {
            everyone || assignments[$0.person.id] == account.name
        }
        let rows = lines.map { line -> HTML in
            let days = line.report.daysUntilRelease
            let when: HTML = days < 0
                ? "<strong class=\"overdue\">\(l.t("Lewat \(-days) hari", "Overdue by \(-days) days"))</strong>"
                : "\(l.t("\(days) hari lagi", "in \(days) days"))"
            let missing = line.report.missing.isEmpty
                ? HTML("<span class=\"ok\">\(l.t("Siap", "Ready"))</span>")
                : HTML("<ul class=\"missing\">\(line.report.missing.map { HTML("<li>\(language($0.text, l))</li>") })</ul>")
            return """
                <tr\(HTML.when(days < 0, " class=\"overdue\""))><td><a href="/wbp/\(line.person.id.uuidString.lowercased())">\(line.person.fullName.rawValue)</a><br><small>\(line.person.registerNumber.rawValue)</small></td>
                <td>\(PageFormat.date(line.report.expectedReleaseDate, l))<br><small>\(when)</small></td>
                <td>\(assignments[line.person.id] ?? "—")</td><td>\(missing)</td></tr>
                """
        }
        let scope: HTML = account.role == .counselor
            ? (everyone ? "<p><a href=\"/\">\(l.t("Hanya binaan saya", "Only my caseload"))</a></p>"
                        : "<p>\(l.t("Binaan Anda.", "Your caseload.")) <a href=\"/?semua=1\">\(l.t("Tampilkan semua WBP", "Show everyone"))</a></p>")
            : .empty
        let overdue = lines.count { $0.report.daysUntilRelease < 0 }
        return page(l.t("Beranda", "Home"), request, context, """
            <p class="lead">\(l.t("WBP yang bebas dalam 90 hari ke depan dan apa yang masih kurang dari portofolionya. Yang sudah lewat tanggal bebas ditampilkan paling atas.", "People due for release in the next 90 days and what their portfolio still lacks. Those past their release date come first."))</p>
            \(scope)
            <p>\(l.t("\(lines.count) WBP, \(overdue) lewat tanggal bebas.", "\(lines.count) people, \(overdue) overdue."))</p>
            <div class="table"><table><thead><tr><th>\(l.t("WBP", "Person"))</th><th>\(l.t("Perkiraan bebas", "Expected release"))</th><th>\(l.t("Wali", "Counselor"))</th><th>\(l.t("Masih kurang", "Still lacking"))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)
    }

    /// Daftar WBP: the caseload first, then everyone, searchable by part of a name or register number.
    func personList(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let account = try await require(.read, context)
        let l = context.language
        let query = (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
        let action = try kit.actionContext(context)
        let assignments = try await app.caseloadAssignments(context: action)
        let found = query.isEmpty
            ? try await app.persons(context: action) : try await app.findPersons(query, context: action)
        let mine = found.filter { assignments[$0.id] == account.name }
        let others = found.filter { assignments[$0.id] != account.name }
        let limit = 200
        func table(_ people: [Person]) -> HTML {
            let rows = people.prefix(limit).map { person -> HTML in
                """
                <tr><td><a href="/wbp/\(person.id.uuidString.lowercased())">\(person.fullName.rawValue)</a></td><td>\(person.registerNumber.rawValue)</td>
                <td>\(PageFormat.date(person.expectedReleaseDate, l))</td><td>\(language(person.status.label, l))</td><td>\(assignments[person.id] ?? "—")</td></tr>
                """
            }
            return """
                <div class="table"><table><thead><tr><th>\(l.t("Nama", "Name"))</th><th>\(l.t("No. register", "Register no."))</th><th>\(l.t("Perkiraan bebas", "Expected release"))</th><th>\(l.t("Status", "Status"))</th><th>\(l.t("Wali", "Counselor"))</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                \(HTML.when(people.count > limit, HTML("<p>\(l.t("Ditampilkan \(limit) dari \(people.count); persempit pencarian.", "Showing \(limit) of \(people.count); narrow the search."))</p>")))
                """
        }
        let add: HTML = AccessPolicy.mayEver(account, .addPerson)
            ? "<p><a class=\"button\" href=\"/wbp/baru\">\(l.t("Tambah WBP", "Add person"))</a></p>" : .empty
        return page(l.t("Daftar WBP", "People"), request, context, """
            <form method="get" action="/wbp" class="search" role="search">
            <label for="q">\(l.t("Cari nama atau nomor register", "Search by name or register number"))</label>
            <input id="q" name="q" value="\(query)" type="search"><button type="submit">\(l.t("Cari", "Search"))</button></form>
            \(add)
            \(HTML.when(!mine.isEmpty, HTML("<h2>\(l.t("Binaan saya", "My caseload")) (\(mine.count))</h2>\(table(mine))")))
            <h2>\(mine.isEmpty ? l.t("Semua WBP", "Everyone") : l.t("WBP lain", "Others")) (\(others.count))</h2>
            \(table(others))
            """)
    }

    /// An evidence file by its hash: images shown, other files downloaded; never from a path built of input.
    func evidenceFile(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await require(.read, context)
        let file = try await app.evidenceFile(sha256: context.parameters.get("sha256") ?? "",
                                              context: try kit.actionContext(context))
        if ["image/jpeg", "image/png", "image/webp"].contains(file.mediaType) {
            return WebResponse.image(file.bytes, mediaType: file.mediaType)
        }
        let ext = switch file.mediaType {
        case "application/pdf": "pdf"
        case "image/heic": "heic"
        case "text/plain": "txt"
        default: "bin"
        }
        return WebResponse.download(file.bytes, mediaType: file.mediaType,
                                    fileName: "bukti-\(context.parameters.get("sha256")?.prefix(12) ?? "").\(ext)")
    }
}
