import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The responses pages send.
public enum WebResponse {
    /// An HTML page.
    public static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html.text)))
    }

    /// 303 See Other to a path of this site (after a POST, so reloading does not post again).
    public static func redirect(_ path: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = Self.localPath(path)
        return Response(status: .seeOther, headers: headers)
    }

    /// A file to save, never to show inline: `Content-Disposition: attachment` and a sandboxing policy.
    public static func download(_ bytes: some Sequence<UInt8>, mediaType: String, fileName: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = mediaType
        headers[.contentDisposition] = "attachment; filename=\"\(fileName.filter { $0.isLetter || $0.isNumber || "._-".contains($0) })\""
        headers[.contentSecurityPolicy] = "sandbox; default-src 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Array(bytes))))
    }

    /// An image shown in a page (an evidence photo): the sniffed image type only, sandboxed.
    public static func image(_ bytes: Data, mediaType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = mediaType
        headers[.contentSecurityPolicy] = "sandbox; default-src 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A path of this site: one that starts with a single `/` (never `//host` or a scheme: no open redirect).
    public static func localPath(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/\\"),
            !path.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\\" })
        else { return "/" }
        return path
    }
}

/// The cookies the interface sets: the session id (HttpOnly, SameSite=Strict, Secure and `__Host-` when
/// served over TLS) and the language preference.
public struct SessionCookie: Sendable {
    /// Whether the site is served over TLS.
    public let secure: Bool

    /// The session cookie's name.
    public var name: String { secure ? "__Host-bekal_session" : "bekal_session" }

    /// `Set-Cookie` for a session id (a session cookie: gone when the browser closes).
    public func set(_ id: String) -> String {
        "\(name)=\(id); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// `Set-Cookie` that removes the session cookie.
    public func clear() -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// `Set-Cookie` for the language (not secret; a year).
    public func language(_ code: String) -> String {
        "bekal_lang=\(code); Path=/; Max-Age=31536000; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}

extension Response {
    /// The response with a `Set-Cookie` added.
    public func settingCookie(_ value: String) -> Response {
        var response = self
        response.headers.append(HTTPField(name: .setCookie, value: value))
        return response
    }
}
