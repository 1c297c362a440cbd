import BekalApp
import BekalDomain
import BekalRender
import Foundation
import Hummingbird
import Logging

/// Signing in and out, and the language switch: the same for every Bekal site.
///
/// Sign-in (OWASP ASVS V2, V3): throttled per account name and per client address before any password is
/// checked; one message for every failure; on success the pre-login session ends and a new session with a new
/// id and CSRF token starts (no fixation). Sign-out ends the session on the server, not only the cookie.
public struct LoginRoutes: Sendable {
    /// The login page's path.
    public static let path = "/masuk"

    let kit: WebKit
    let layout: Layout

    /// The routes over the site's sessions, account directory and throttle (`kit`), drawn in its `layout`.
    public init(kit: WebKit, layout: Layout) {
        self.kit = kit
        self.layout = layout
    }

    /// Adds the routes: `/masuk` without an account, `/keluar` for the signed-in (through `protected`).
    public func register(on router: RouterGroup<WebRequestContext>, protected: RouterGroup<WebRequestContext>) {
        router.get(RouterPath(stringLiteral: Self.path)) { request, context in try await self.form(request, context) }
        router.post(RouterPath(stringLiteral: Self.path)) { request, context in try await self.signIn(request, context) }
        router.get("/bahasa/{code}") { request, context in self.language(request, context) }
        protected.post("/keluar") { _, context in await self.signOut(context) }
    }

    private func form(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        if context.account != nil { return WebResponse.redirect("/") }
        var context = context
        var response: Response?
        if context.session == nil {
            let session = await kit.sessions.start(account: nil)
            context.session = session
            response = nil
            let page = WebResponse.page(page(context, message: nil, account: ""))
            return page.settingCookie(kit.cookie.set(session.id))
        }
        response = WebResponse.page(page(context, message: nil, account: ""))
        return response!
    }

    private func signIn(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        guard let form = context.form, let anonymous = context.session else {
            throw AppError(.permission, "the form has expired; open the page again", reason: .formExpired)
        }
        let name = form["akun"].trimmingCharacters(in: .whitespaces)
        let language = context.language
        if let until = await kit.throttle.retryAfter(account: name, address: context.clientAddress) {
            let minutes = max(1, Int((until.timeIntervalSince(kit.clock()) / 60).rounded(.up)))
            kit.logger.notice("sign-in throttled")
            var response = WebResponse.page(
                page(context, message: language.t("Terlalu banyak percobaan masuk. Coba lagi dalam \(minutes) menit.",
                                                  "Too many sign-in attempts. Try again in \(minutes) minute(s)."),
                     account: name), status: .tooManyRequests)
            response.headers[.retryAfter] = String(minutes * 60)
            return response
        }
        let account: StaffAccount
        do {
            account = try await kit.directory.authenticate(account: name, password: form["sandi"])
        } catch {
            await kit.throttle.failed(account: name, address: context.clientAddress)
            return WebResponse.page(page(context, message: Messages.text(AppError(error), language), account: name),
                                    status: .unauthorized)
        }
        await kit.throttle.succeeded(account: account.name)
        await kit.sessions.end(id: anonymous.id)
        let session = await kit.sessions.start(account: account.name)
        kit.logger.info("signed in", metadata: ["account.role": "\(account.role.rawValue)"])
        return WebResponse.redirect("/").settingCookie(kit.cookie.set(session.id))
    }

    private func signOut(_ context: WebRequestContext) async -> Response {
        if let session = context.session { await kit.sessions.end(id: session.id) }
        return WebResponse.redirect(Self.path).settingCookie(kit.cookie.clear())
    }

    private func language(_ request: Request, _ context: WebRequestContext) -> Response {
        let code = context.parameters.get("code") == "en" ? "en" : "id"
        let back = WebResponse.localPath(request.uri.queryParameters.get("kembali") ?? "/")
        return WebResponse.redirect(back).settingCookie(kit.cookie.language(code))
    }

    private func page(_ context: WebRequestContext, message: String?, account: String) -> HTML {
        let l = context.language
        return layout.page(l.t("Masuk", "Sign in"), path: Self.path, context: context, """
            \(message.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            <form method="post" action="\(Self.path)" class="card narrow">
            \(Layout.csrf(context))
            <label for="akun">\(l.t("Nama akun", "Account name"))</label>
            <input id="akun" name="akun" autocomplete="username" autocapitalize="none" required value="\(account)">
            <label for="sandi">\(l.t("Kata sandi", "Password"))</label>
            <input id="sandi" name="sandi" type="password" autocomplete="current-password" required>
            <button type="submit">\(l.t("Masuk", "Sign in"))</button>
            </form>
            """)
    }
}
