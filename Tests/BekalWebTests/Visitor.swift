import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOSSL
import Testing

/// What a test sends requests through: the router (no socket) or a real socket to `bekal serve`.
protocol WebTransport: Sendable {
    func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, body: ByteBuffer?) async throws -> Reply
}

/// A response as the tests read it.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: String

    func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }

    /// The `Set-Cookie` lines.
    var setCookies: [String] { headers[values: .setCookie] }

    /// The value of a hidden `_csrf` field in the page.
    var csrfToken: String? {
        guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}

struct RouterTransport: WebTransport {
    let client: any TestClientProtocol

    func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, body: ByteBuffer?) async throws -> Reply {
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
    }
}

/// A real socket, one connection per request (like a browser that closed its keep-alive).
struct SocketTransport: WebTransport {
    let port: Int
    var tls: TLSConfiguration?

    func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, body: ByteBuffer?) async throws -> Reply {
        // SNI may not name an IP address; the certificate's chain is still checked (its name is not, by choice).
        let client = TestClient(host: "127.0.0.1", port: port,
                                configuration: .init(tlsConfiguration: tls, serverName: tls == nil ? nil : "localhost"))
        client.connect()
        let response = try await client.execute(.init(path, method: method, headers: headers, body: body))
        try? await client.shutdown()
        return Reply(status: Int(response.status.code), headers: response.headers,
                     body: response.body.map { String(buffer: $0) } ?? "")
    }
}

/// A browser, as far as the tests need one: it keeps the session cookie (and the language), knows the latest
/// CSRF token, and posts forms, url-encoded or multipart.
final class Visitor: @unchecked Sendable {
    let transport: any WebTransport
    var cookieName: String
    var session: String?
    var language: String?
    var csrf: String?

    init(_ transport: any WebTransport, cookieName: String = "bekal_session") {
        self.transport = transport
        self.cookieName = cookieName
    }

    convenience init(_ client: any TestClientProtocol) { self.init(RouterTransport(client: client)) }

    private var cookieHeader: HTTPFields {
        var headers = HTTPFields()
        let cookies = [session.map { "\(cookieName)=\($0)" }, language.map { "bekal_lang=\($0)" }].compactMap { $0 }
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        return headers
    }

    private func remember(_ reply: Reply) {
        for line in reply.setCookies where line.hasPrefix("\(cookieName)=") {
            let value = String(line.dropFirst(cookieName.count + 1).prefix { $0 != ";" })
            session = value.isEmpty ? nil : value
        }
        if let token = reply.csrfToken { csrf = token }
    }

    @discardableResult
    func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = cookieHeader
        headers.append(contentsOf: extra)
        let reply = try await transport.send(.get, path, headers: headers, body: nil)
        remember(reply)
        return reply
    }

    /// Posts url-encoded fields; `_csrf` is the latest token unless `csrf` says otherwise (`.some(nil)`: none).
    @discardableResult
    func post(_ path: String, _ fields: [String: String] = [:], csrf override: String?? = .none,
              headers extra: HTTPFields = [:]) async throws -> Reply {
        var fields = fields
        let token = override ?? csrf
        if let token { fields["_csrf"] = token }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers.append(contentsOf: extra)
        let reply = try await transport.send(.post, path, headers: headers, body: ByteBuffer(string: body))
        remember(reply)
        return reply
    }

    /// Posts a multipart form with files (field name, file name, bytes).
    @discardableResult
    func postMultipart(_ path: String, _ fields: [String: String], files: [(String, String, Data)]) async throws -> Reply {
        let boundary = "----bekaltest\(UUID().uuidString)"
        var body = ByteBuffer()
        var all = fields
        if let csrf { all["_csrf"] = csrf }
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (name, fileName, bytes) in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let reply = try await transport.send(.post, path, headers: headers, body: body)
        remember(reply)
        return reply
    }

    /// Opens the login page and signs in; returns the reply to the login POST.
    @discardableResult
    func signIn(_ account: (String, String)) async throws -> Reply {
        try await get("/masuk")
        return try await post("/masuk", ["akun": account.0, "sandi": account.1])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

/// Bytes that start as a JPEG file does (the upload check reads the content, not the name).
func jpegBytes(_ marker: String, size: Int? = nil) -> Data {
    var data = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF \(marker)".utf8)
    if let size, size > data.count { data += Data(repeating: 0x41, count: size - data.count) }
    return data
}
