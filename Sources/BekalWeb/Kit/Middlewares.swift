import BekalApp
import BekalDomain
import BekalRender
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Security headers on every response (OWASP ASVS V14): a Content-Security-Policy that allows no script at all
/// and styles only from this site, no framing, no MIME sniffing, no referrer, and no caching of anything but the
/// static stylesheet (pages hold personal data).
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Whether the site is served over TLS (then HSTS too).
    public let secure: Bool

    /// - Parameter secure: whether the site is served over TLS (adds `Strict-Transport-Security`).
    public init(secure: Bool) { self.secure = secure }

    /// Passes the request on, then adds the security headers to its response (a Content-Security-Policy the route
    /// set itself is kept).
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        func set(_ name: HTTPField.Name, _ value: String) {
            if response.headers[name] == nil { response.headers[name] = value }
        }
        set(.contentSecurityPolicy, Self.policy)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "geolocation=(), microphone=(), payment=()"
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        if request.uri.path.hasPrefix("/static/") && response.status == .ok {
            response.headers[.cacheControl] = "public, max-age=3600"
        } else {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }

    /// No script anywhere; styles, images and forms from this site only; never framed.
    public static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }
}

/// The access log: method, the route's template (`/wbp/{id}`, never the path with its values, nor the query,
/// nor the client's address), status and duration. Nothing personal reaches a log line.
public struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    /// Logs one line per request to `logger`, at info.
    public init(logger: Logger) { self.logger = logger }

    /// Passes the request on and logs its method, route template, status and duration.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        logger.info("request", metadata: [
            "http.method": "\(request.method.rawValue)",
            "http.route": "\(context.endpointPath ?? "unmatched")",
            "http.status": "\(response.status.code)",
            "http.duration_ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ])
        return response
    }
}

/// Turns every error into a page of the site: an `AppError` into its status and message (messages never hold
/// personal data), an HTTP error into its status, anything else into a plain 500 whose log line names only the
/// error's type. No stack trace or internal detail reaches the browser. An unknown path for a visitor who has not
/// signed in is a redirect to the login page, like every known one.
public struct ErrorPageMiddleware: RouterMiddleware {
    /// The middleware needs the site's context (its account and language).
    public typealias Context = WebRequestContext
    let logger: Logger
    let render: @Sendable (HTTPResponse.Status, String, WebRequestContext) -> HTML

    /// - Parameter render: the site's error page for a status and a message.
    public init(logger: Logger, render: @escaping @Sendable (HTTPResponse.Status, String, WebRequestContext) -> HTML) {
        self.logger = logger
        self.render = render
    }

    /// Passes the request on; an error it throws becomes the site's error page with the matching status.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            // Which paths exist is not told to someone who has not signed in: every unknown one asks them to.
            if error.status == .notFound, context.account == nil { return WebResponse.redirect(LoginRoutes.path) }
            let message = context.language.t(error.status.code == 404 ? "Halaman tidak ditemukan." : "Permintaan ditolak.",
                                             error.status.code == 404 ? "Page not found." : "Request refused.")
            return WebResponse.page(render(error.status, message, context), status: error.status)
        } catch let failure as FormData.Failure {
            let status: HTTPResponse.Status = failure == .tooLarge ? .contentTooLarge : .badRequest
            let message = failure == .tooLarge
                ? context.language.t("Kiriman terlalu besar (bukti paling besar 20 MiB).", "The upload is too large (evidence is at most 20 MiB).")
                : context.language.t("Formulir tidak dapat dibaca.", "The form cannot be read.")
            return WebResponse.page(render(status, message, context), status: status)
        } catch {
            let failure = AppError(error)
            let status = Self.status(failure.code)
            if status.code >= 500 {
                logger.error("request failed", metadata: [
                    "error.code": "\(failure.code)", "error.type": "\(String(reflecting: type(of: failure.cause ?? error)))",
                ])
            }
            return WebResponse.page(render(status, Messages.text(failure, context.language), context), status: status)
        }
    }

    /// The HTTP status of a class of failure.
    public static func status(_ code: AppError.Code) -> HTTPResponse.Status {
        switch code {
        case .usage: .badRequest
        case .notFound: .notFound
        case .invalidInput: .unprocessableContent
        case .conflict: .conflict
        case .permission: .forbidden
        case .network: .badGateway
        default: .internalServerError
        }
    }
}
