import BekalApp
import BekalDomain
import BekalRender
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The facility's web interface: the counselors', assessors' and programme head's pages over one facility's
/// `FacilityApp`. Every page calls the same use cases as the CLI; every route checks the account's permission
/// before it shows or does anything, and the use case checks again before it writes.
public struct FacilitySite: Sendable {
    let app: FacilityApp
    let kit: WebKit
    let layout: Layout
    let exports: ExportCache
    /// The receiving URLs of the Bapas a person's page may queue a portfolio for (`bekal serve --bapas`).
    let bapasDestinations: [String]

    /// - Parameters:
    ///   - app: the facility.
    ///   - kit: sessions, throttling, clock and logger.
    ///   - facilityName: the name in every page's header.
    ///   - bapasDestinations: the Bapas receiving URLs offered on a person's page; none hides the form.
    public init(app: FacilityApp, kit: WebKit, facilityName: String, bapasDestinations: [String] = []) {
        self.app = app
        self.kit = kit
        self.bapasDestinations = bapasDestinations
        self.exports = ExportCache(clock: kit.clock)
        self.layout = Layout(siteName: facilityName) { account, l in
            var items = [
                NavItem(path: "/", label: l.t("Beranda", "Home")),
                NavItem(path: "/wbp", label: l.t("Daftar WBP", "People")),
            ]
            if AccessPolicy.mayEver(account, .export(UUID())) {
                items.append(NavItem(path: "/ekspor", label: l.t("Ekspor", "Export")))
            }
            if account.role == .admin {
                items.append(NavItem(path: "/statistik", label: l.t("Statistik", "Statistics")))
                items.append(NavItem(path: "/akun", label: l.t("Akun", "Accounts")))
            }
            items.append(NavItem(path: "/ledger", label: "Ledger"))
            return items
        }
    }

    /// The router with every middleware and route.
    public func router() -> Router<WebRequestContext> {
        let router = kit.siteRouter { status, message, context in self.errorPage(status, message, context) }
        let open = router.group().add(middleware: FormMiddleware())
        let protected = router.group().add(middleware: RequireAccountMiddleware()).add(middleware: FormMiddleware())
        LoginRoutes(kit: kit, layout: layout).register(on: open, protected: protected)
        registerPages(protected)
        registerPersonForms(protected)
        registerRecordForms(protected)
        registerEventForms(protected)
        registerExports(protected)
        registerDeliveries(protected)
        registerAdministration(protected)
        return router
    }

    // MARK: Shared by the pages

    /// The account signed in (the routes run behind `RequireAccountMiddleware`).
    func account(_ context: WebRequestContext) throws -> StaffAccount {
        guard let account = context.account else { throw AppError(.permission, "sign in first", reason: .signInFirst) }
        return account
    }

    /// Refuses (403) unless the signed-in account may act with `permission`; the use case checks again.
    @discardableResult
    func require(_ permission: Permission, _ context: WebRequestContext) async throws -> StaffAccount {
        let account = try account(context)
        guard try await app.allows(permission, account: account) else {
            if permission == .administer {
                throw AppError(.permission, "only an admin may do this", reason: .adminOnly)
            }
            if permission.isAboutPerson && account.role == .counselor {
                throw AppError(.permission, "this person is not in your caseload; ask an admin to assign them to you",
                               reason: .notInCaseload)
            }
            throw AppError(.permission, "your role (\(account.role.rawValue)) may not do this", reason: .roleMayNot)
        }
        return account
    }

    /// The person named by the path's `{id}` (an internal id; register numbers never appear in URLs or logs).
    func person(_ context: WebRequestContext) async throws -> Person {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw AppError(.notFound, "unknown person", reason: .unknownPerson)
        }
        return try await app.person(.id(id), context: try kit.actionContext(context))
    }

    /// The event named by the path's `{event}`.
    func eventID(_ context: WebRequestContext) throws -> UUID {
        guard let text = context.parameters.get("event"), let id = UUID(uuidString: text) else {
            throw AppError(.notFound, "no event with this id", reason: .noSuchEvent)
        }
        return id
    }

    func form(_ context: WebRequestContext) throws -> FormData {
        guard let form = context.form else { throw AppError(.usage, "the form is missing") }
        return form
    }

    func page(_ title: String, _ request: Request, _ context: WebRequestContext, status: HTTPResponse.Status = .ok,
              _ body: HTML) -> Response
    {
        let notice = request.uri.queryParameters.get("pesan").flatMap { Notice(rawValue: $0) }?.text(context.language)
        return WebResponse.page(layout.page(title, path: request.uri.path, context: context, notice: notice, body),
                                status: status)
    }

    func errorPage(_ status: HTTPResponse.Status, _ message: String, _ context: WebRequestContext) -> HTML {
        let l = context.language
        let title = switch status.code {
        case 403: l.t("Tidak diizinkan", "Not allowed")
        case 404: l.t("Tidak ditemukan", "Not found")
        case 400..<500: l.t("Ditolak", "Refused")
        default: l.t("Terjadi kesalahan", "Something went wrong")
        }
        return layout.page(title, path: "/", context: context, """
            <p class="error" role="alert">\(message)</p>
            <p><a href="/">\(l.t("Kembali ke Beranda", "Back to Home"))</a></p>
            """)
    }

    /// The time for pages (today's date, days left): the server's clock.
    func today() -> LocalDate { FacilityCalendar.day(of: kit.clock()) }

    func language(_ text: LocalizedText, _ l: PageLanguage) -> String { l == .english ? text.en : text.id }
}

extension Permission {
    /// Whether the permission concerns one person (and so a counselor's caseload).
    var isAboutPerson: Bool {
        switch self {
        case .recordFor, .assess, .export: true
        default: false
        }
    }
}

/// The fixed messages a page shows after a redirect (`?pesan=`): never a value from the request.
enum Notice: String {
    case saved = "tersimpan", added = "ditambahkan", corrected = "dikoreksi", retracted = "ditarik"
    case evidence = "bukti", remission = "remisi", released = "bebas", assigned = "wali", password = "sandi"
    case account = "akun", queued = "antre", deliveryQueued = "kirim", revoked = "dicabut"

    func text(_ l: PageLanguage) -> String {
        switch self {
        case .saved: l.t("Tersimpan.", "Saved.")
        case .added: l.t("WBP ditambahkan.", "Person added.")
        case .corrected: l.t("Koreksi tersimpan; catatan asli tetap ada di riwayat.", "Correction saved; the original stays in the history.")
        case .retracted: l.t("Catatan ditarik; catatan asli tetap ada di riwayat.", "Record retracted; the original stays in the history.")
        case .evidence: l.t("Bukti ditambahkan.", "Evidence attached.")
        case .remission: l.t("Remisi tersimpan; tanggal bebas diperbarui.", "Remission saved; the release date moved.")
        case .released: l.t("Pembebasan tersimpan.", "Release saved.")
        case .assigned: l.t("Wali ditetapkan.", "Counselor assigned.")
        case .password: l.t("Kata sandi diganti.", "Password changed.")
        case .account: l.t("Akun tersimpan.", "Account saved.")
        case .queued: l.t("Laporan masuk antrean kirim.", "Report queued for sending.")
        case .revoked: l.t("Kredensial dicabut; daftar status baru masuk antrean ke Bapas yang pernah menerima portofolio.", "Credential revoked; the new status list is queued for every Bapas that received a portfolio.")
        case .deliveryQueued: l.t("Portofolio masuk antrean kirim ke Bapas; statusnya ada di halaman Ekspor.", "Portfolio queued for the Bapas; its state is on the Export page.")
        }
    }
}
