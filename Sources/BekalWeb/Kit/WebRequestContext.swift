import BekalDomain
import BekalRender
import Hummingbird
import NIOCore

/// What every request carries through the middlewares to its handler: the client's address (for login
/// throttling, never logged), the session and its account once `SessionMiddleware` found them, the page language
/// and, for a POST, its form once `FormMiddleware` read it and checked its CSRF token.
public struct WebRequestContext: RequestContext {
    /// Hummingbird's own per-request state (allocator, logger, matched endpoint).
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address as the socket gives it (a proxy in front would make it the proxy's).
    public let clientAddress: String
    /// The session named by the session cookie, when it is live.
    public var session: WebSession?
    /// The signed-in account, read again for every request (a disabled account's session ends at once).
    public var account: StaffAccount?
    /// The page language (the `bekal_lang` cookie; Indonesian by default).
    public var language: PageLanguage = .indonesian
    /// A POST's form, read and CSRF-checked.
    public var form: FormData?

    /// A request's context, with the client's address from its channel; the middlewares fill in the rest.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Evidence uploads are the largest bodies: one file up to `EvidenceUpload.maxBytes` and the form around it.
    public var maxUploadSize: Int { FormData.maxMultipartBytes }
}
