import Foundation

/// An HTTP request as the relay sends it.
public struct HTTPRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
    }

    public var method: Method
    public var url: String
    /// Header fields in order; names as written.
    public var headers: [HTTPHeader]
    public var body: Data

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
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP response: status, headers (of the final response) and a bounded body.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Data

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
