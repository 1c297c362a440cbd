import CCurlShim
import Foundation

/// The production `HTTPTransport`: libcurl easy handles driven on a dedicated thread.
///
/// One easy handle per origin is kept and reused, so its connection stays open between reports. TLS peer and host
/// verification are always on; only `http` and `https` are allowed, redirects are not followed, and libcurl never
/// raises signals (`CURLOPT_NOSIGNAL`).
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// How requests are made.
    public struct Configuration: Sendable, Hashable {
        /// How long to wait for the connection to open (libcurl's connect timeout).
        public var connectTimeout: Duration
        /// How long a whole request may take, connecting and reading the response included.
        public var totalTimeout: Duration
        /// A PEM file of trusted CA certificates, instead of the system store.
        public var caFile: String?
        /// Response bodies longer than this fail with `responseTooLarge`.
        public var maxResponseBytes: Int

        /// Creates a configuration: 5 s to connect, 30 s per request, the system CA store and 64 KiB responses by default.
        public init(
            connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(30), caFile: String? = nil,
            maxResponseBytes: Int = 64 * 1024
        ) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.caFile = caFile
            self.maxResponseBytes = maxResponseBytes
        }
    }

    /// The timeouts, CA file and response bound every request uses.
    public let configuration: Configuration
    private let thread = CurlThread(name: "bekal.curl")
    /// Easy handles by origin; touched only on `thread`.
    private var handles: [String: CurlEasy] = [:]

    /// Creates a transport; throws `transportFailure` when libcurl cannot be initialized.
    public init(configuration: Configuration = Configuration()) throws(PublisherError) {
        guard CurlGlobal.initialized else { throw PublisherError(.transportFailure, "libcurl could not be initialized") }
        self.configuration = configuration
    }

    deinit {
        let handles = self.handles
        thread.submit { withExtendedLifetime(handles) {} }
        thread.stop()
    }

    /// Sends `request` on the transport's thread, reusing the origin's connection; throws `invalidEndpoint` for a URL that is not http(s).
    public func send(_ request: HTTPRequest) async throws(PublisherError) -> HTTPResponse {
        guard let origin = CurlTransport.origin(of: request.url) else {
            throw PublisherError(.invalidEndpoint, "the endpoint must be an absolute http or https URL")
        }
        let result: Result<HTTPResponse, PublisherError> = await withCheckedContinuation { continuation in
            thread.submit { [self] in
                continuation.resume(returning: perform(request, origin: origin))
            }
        }
        return try result.get()
    }

    /// Runs on `thread` only.
    private func perform(_ request: HTTPRequest, origin: String) -> Result<HTTPResponse, PublisherError> {
        let easy: CurlEasy
        if let cached = handles[origin] {
            easy = cached
        } else {
            guard let created = CurlEasy() else {
                return .failure(PublisherError(.transportFailure, "libcurl could not create a handle"))
            }
            handles[origin] = created
            easy = created
        }
        return easy.perform(request, configuration: configuration)
    }

    /// `scheme://host[:port]` of an http(s) URL, or `nil` for anything else.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        return "\(scheme)://\(host):\(components.port ?? (scheme == "https" ? 443 : 80))"
    }
}

/// `curl_global_init`, exactly once per process (Swift initializes globals lazily and thread-safely).
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(bekal_curl_global_default) == CURLE_OK
}
