import BekalApp
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NIOFoundationCompat

/// A submitted form: its text fields and its files. Read from `application/x-www-form-urlencoded` or
/// `multipart/form-data` (MultipartKit's parser) within size limits; anything else is refused.
public struct FormData: Sendable {
    /// A file from an `<input type=file>`: the name the browser gave it (used only to compare its extension with
    /// its content) and its bytes.
    public struct File: Sendable {
        /// The file name the browser sent, if any.
        public var fileName: String?
        /// The file's contents.
        public var bytes: Data
    }

    /// The largest form without files.
    public static let maxURLEncodedBytes = 256 * 1024
    /// The largest form with files: one evidence file at its limit plus the rest of the form.
    public static let maxMultipartBytes = EvidenceUpload.maxBytes + 1024 * 1024

    /// Text fields; a repeated name keeps its last value.
    public var fields: [String: String]
    /// Files by field name (empty file inputs are left out).
    public var files: [String: [File]]

    /// A form with these fields and files; `read(_:)` starts from an empty one and fills it in.
    init(fields: [String: String] = [:], files: [String: [File]] = [:]) {
        self.fields = fields
        self.files = files
    }

    /// The field's text, `""` when absent.
    public subscript(_ name: String) -> String { fields[name] ?? "" }

    /// The field's text, `nil` when absent or blank.
    public func optional(_ name: String) -> String? {
        guard let value = fields[name], !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    /// Why a body cannot be read as a form.
    public enum Failure: Error, Sendable {
        /// The body is over the limit for its type (413).
        case tooLarge
        /// The body does not parse as its content type says, e.g. a multipart form without a boundary (400).
        case malformed
        /// The content type is neither `application/x-www-form-urlencoded` nor `multipart/form-data` (400).
        case unsupportedType
    }

    /// Reads the request's body as a form.
    public static func read(_ request: Request) async throws -> FormData {
        let type = request.headers[.contentType] ?? ""
        let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let limit = media == "multipart/form-data" ? maxMultipartBytes : maxURLEncodedBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Failure.tooLarge }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Failure.tooLarge
        }
        switch media {
        case "application/x-www-form-urlencoded": return try urlEncoded(String(buffer: body))
        case "multipart/form-data":
            guard let boundary = parameter("boundary", in: type) else { throw Failure.malformed }
            return try multipart(body, boundary: boundary)
        default: throw Failure.unsupportedType
        }
    }

    /// `a=1&b=x+y` with percent escapes.
    static func urlEncoded(_ text: String) throws -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) throws -> String {
                guard let value = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw Failure.malformed
                }
                return value
            }
            form.fields[try decode(parts[0])] = parts.count > 1 ? try decode(parts[1]) : ""
        }
        return form
    }

    static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormData {
        guard !boundary.isEmpty, boundary.count <= 200 else { throw Failure.malformed }
        final class Collector {
            var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
            var headers: [(String, String)] = []
            var body = ByteBuffer()
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.headers.append((name, value)) }
        parser.onBody = { chunk in collector.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            collector.parts.append((collector.headers, collector.body))
            collector.headers = []
            collector.body = ByteBuffer()
        }
        do { try parser.execute(body) } catch { throw Failure.malformed }
        var form = FormData()
        for part in collector.parts {
            guard let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
                let name = parameter("name", in: disposition)
            else { throw Failure.malformed }
            if let fileName = parameter("filename", in: disposition) {
                guard part.body.readableBytes > 0 || !fileName.isEmpty else { continue }
                form.files[name, default: []].append(
                    File(fileName: fileName.isEmpty ? nil : fileName, bytes: Data(buffer: part.body)))
            } else {
                form.fields[name] = String(buffer: part.body)
            }
        }
        return form
    }

    /// A `key=value` or `key="value"` parameter of a header value such as `form-data; name="unit"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
