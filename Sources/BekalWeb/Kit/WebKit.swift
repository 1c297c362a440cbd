import BekalApp
import BekalDomain
import BekalRender
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The pieces every Bekal web interface shares (the facility's, and a Bapas office's later): who may sign in,
/// the sessions, login throttling, the cookie settings, the clock and the logger.
public struct WebKit: Sendable {
    /// Who may sign in.
    public let directory: any StaffDirectory
    /// The live sessions.
    public let sessions: SessionStore
    /// Failed sign-ins by account and by address.
    public let throttle: LoginThrottle
    /// The session cookie's settings (Secure when served over TLS).
    public let cookie: SessionCookie
    /// The server's time: every session timeout and every recorded event's time comes from it.
    public let clock: @Sendable () -> Date
    /// Logs: fixed messages, route templates, never personal data.
    public let logger: Logger

    /// - Parameters:
    ///   - directory: who may sign in.
    ///   - secure: whether the site is served over TLS.
    ///   - clock: the server's time source (tests move it).
    ///   - logger: the server's logger.
    public init(directory: any StaffDirectory, secure: Bool, clock: @escaping @Sendable () -> Date, logger: Logger,
                sessions: SessionStore? = nil, throttle: LoginThrottle? = nil)
    {
        self.directory = directory
        self.cookie = SessionCookie(secure: secure)
        self.clock = clock
        self.logger = logger
        self.sessions = sessions ?? SessionStore(clock: clock)
        self.throttle = throttle ?? LoginThrottle(clock: clock)
    }

    /// Who acts, now: the signed-in account and the server's time.
    public func actionContext(_ context: WebRequestContext) throws -> ActionContext {
        guard let account = context.account else { throw AppError(.permission, "sign in first", reason: .signInFirst) }
        return ActionContext(actor: try Actor(account: account.name), now: clock())
    }
}

/// Finds the session named by the cookie (ending it when timed out, or when its account is no longer active)
/// and the page language. It enforces nothing: `RequireAccountMiddleware` does.
public struct SessionMiddleware: RouterMiddleware {
    /// The middleware sets the site's context: its session, account and language.
    public typealias Context = WebRequestContext
    let kit: WebKit

    /// Reads sessions and accounts from the site's `kit`.
    public init(kit: WebKit) { self.kit = kit }

    /// Finds the session and account and the page language, then passes the request on.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.language = request.cookies["bekal_lang"]?.value == "en" ? .english : .indonesian
        if let id = request.cookies[kit.cookie.name]?.value, let session = await kit.sessions.session(id: id) {
            context.session = session
            if let name = session.account {
                if let account = try await kit.directory.account(named: name), account.isActive {
                    context.account = account
                } else {
                    await kit.sessions.end(id: id)
                    context.session = nil
                }
            }
        }
        return try await next(request, context)
    }
}

/// Sends whoever is not signed in to the login page (303), before anything else of the request is read.
public struct RequireAccountMiddleware: RouterMiddleware {
    /// The middleware needs the site's context (its account).
    public typealias Context = WebRequestContext

    /// The middleware; it has no settings.
    public init() {}

    /// Redirects to the login page when no account is signed in; passes the request on otherwise.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard context.account != nil else { return WebResponse.redirect(LoginRoutes.path) }
        return try await next(request, context)
    }
}

/// Reads a POST's form and checks it came from a page of this site: the browser's fetch metadata, when sent,
/// must say same-origin, and the form's `_csrf` field must equal the session's token (OWASP's synchronizer
/// token). A form without a session (expired, or posted from elsewhere) is refused with 403; nothing is done.
public struct FormMiddleware: RouterMiddleware {
    /// The middleware needs the site's context (its session and form).
    public typealias Context = WebRequestContext

    /// The middleware; it has no settings.
    public init() {}

    /// Reads and checks a POST's form before passing the request on (anything but a POST passes untouched).
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            throw AppError(.permission, "the form was not sent from a page of this site", reason: .crossSiteForm)
        }
        guard let session = context.session else {
            throw AppError(.permission, "the form has expired; open the page again", reason: .formExpired)
        }
        let form = try await FormData.read(request)
        guard constantTimeEquals(form["_csrf"], session.csrfToken) else {
            throw AppError(.permission, "the form has expired; open the page again", reason: .formExpired)
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}

extension WebKit {
    /// A router with the middleware every site has, in order: the access log, the security headers, the error
    /// pages (twice: outside the session for its own failures, and inside it, so that a refusal is said in the
    /// visitor's language under their menu and an unknown path asks a visitor who has not signed in to sign in),
    /// the session, and the style sheet.
    func siteRouter(
        errorPage: @escaping @Sendable (HTTPResponse.Status, String, WebRequestContext) -> HTML
    ) -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware(secure: cookie.secure))
        let errorPages = ErrorPageMiddleware(logger: logger, render: errorPage)
        router.add(middleware: errorPages)
        router.add(middleware: SessionMiddleware(kit: self))
        router.add(middleware: errorPages)
        router.get("/static/bekal.css") { _, _ in StyleSheet.response() }
        return router
    }
}
