import BekalApp
import BekalCredentials
import BekalDomain
import BekalRender
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// A Bapas's web interface (`bekal bapas serve`): the endpoint facilities deliver portfolios to (`POST /terima`,
/// authenticated by each facility's secret, no session) and the PK's pages (inbox, a received portfolio, *Periksa
/// berkas*), read only, behind the same sessions, CSRF tokens, throttling and headers as the facility's site.
public struct BapasSite: Sendable {
    let bapas: BapasApp
    let kit: WebKit
    let layout: Layout

    /// - Parameters:
    ///   - bapas: the Bapas's registry and received portfolios.
    ///   - kit: sessions (over the accounts of the Bapas's data directory), throttling, clock and logger.
    ///   - officeName: the name in every page's header.
    public init(bapas: BapasApp, kit: WebKit, officeName: String) {
        self.bapas = bapas
        self.kit = kit
        layout = Layout(siteName: officeName) { _, l in
            [NavItem(path: "/", label: l.t("Kotak masuk", "Inbox")),
             NavItem(path: "/periksa", label: l.t("Periksa berkas", "Check a file"))]
        }
    }

    /// The router with every middleware and route.
    public func router() -> Router<WebRequestContext> {
        let router = kit.siteRouter { status, message, context in self.errorPage(status, message, context) }
        // Machines deliver here: a bearer secret per facility, JSON answers, no session and no form.
        router.post("/terima") { request, context in await self.receive(request, context) }
        let open = router.group().add(middleware: FormMiddleware())
        let protected = router.group().add(middleware: RequireAccountMiddleware()).add(middleware: FormMiddleware())
        LoginRoutes(kit: kit, layout: layout).register(on: open, protected: protected)
        registerPages(protected)
        return router
    }

    /// Refuses (403) an account that is neither a PK nor the Bapas's admin.
    func requireReader(_ context: WebRequestContext) throws -> StaffAccount {
        guard let account = context.account else { throw AppError(.permission, "sign in first", reason: .signInFirst) }
        guard account.isActive, account.role == .pk || account.role == .admin else {
            throw AppError(.permission, "your role (\(account.role.rawValue)) may not read received portfolios")
        }
        return account
    }

    func page(_ title: String, _ request: Request, _ context: WebRequestContext, status: HTTPResponse.Status = .ok,
              _ body: HTML) -> Response
    {
        WebResponse.page(layout.page(title, path: request.uri.path, context: context, body), status: status)
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
            <p><a href="/">\(l.t("Kembali ke kotak masuk", "Back to the inbox"))</a></p>
            """)
    }
}
