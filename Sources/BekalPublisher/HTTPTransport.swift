import Foundation

/// An HTTP request as the relay sends it.
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP methods the relay uses: POST for JSON reports, PUT for a Pushgateway.
    public enum Method: String, Sendable, Hashable {
        /// GET, without a body.
        case get = "GET"
        /// POST, for JSON reports.
        case post = "POST"
        /// PUT, for a Pushgateway.
        case put = "PUT"
    }

    /// The request method.
    public var method: Method
    /// The absolute http(s) URL requested.
    public var url: String
    /// Header fields in order; names as written.
    public var headers: [HTTPHeader]
    /// The request body: the report's bytes, identical on every retry.
    public var body: Data

    /// Creates a request.
    public init(method: Method, url: String, headers: [HTTPHeader], body: Data) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One header field.
public struct HTTPHeader: Sendable, Hashable {
    /// The field name as written, e.g. `Idempotency-Key`; compared case-insensitively.
    public var name: String
    /// The field value; must not hold CR, LF or other control characters.
    public var value: String

    /// Creates a header field from its name and value.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP response: status, headers (of the final response) and a bounded body.
public struct HTTPResponse: Sendable, Hashable {
    /// The HTTP status code of the final response, e.g. 202 or 503.
    public var status: Int
    /// The header fields of the final response, in order.
    public var headers: [HTTPHeader]
    /// The response body, at most the transport's configured bound.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeader] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// The seam in front of the network: libcurl in production (`CurlTransport`), an in-memory fake in unit tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the server's response, whatever its status; throws only when no complete
    /// response arrived.
    func send(_ request: HTTPRequest) async throws(PublisherError) -> HTTPResponse
}
