import BekalApp
import BekalDomain
import BekalJSON
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

extension BapasSite {
    /// `POST /terima`: a facility delivers a portfolio. 401 without a known facility's secret, 415 unless the
    /// body is `application/json`, 413 above 8 MiB, 400 for a body that is not JSON, 422 for JSON that is not a
    /// delivery (or a malformed `Idempotency-Key`), 409 for a key reused for another file; 201 with the verdict
    /// when stored, 200 with the first verdict when the same delivery comes again. Answers are JSON and never
    /// quote the body.
    func receive(_ request: Request) async -> Response {
        do {
            guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
                let sender = try await bapas.sender(token: Array(authorization.dropFirst(7).utf8))
            else {
                return Self.json(.unauthorized, ["error": "a facility's delivery secret is required (Authorization: Bearer)"],
                                 extra: [(.wwwAuthenticate, "Bearer")])
            }
            let mediaType = request.headers[.contentType]?.split(separator: ";").first?
                .trimmingCharacters(in: .whitespaces).lowercased()
            guard mediaType == "application/json" else {
                return Self.json(.unsupportedMediaType, ["error": "the body must be application/json"])
            }
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: PortfolioDelivery.maximumBytes) } catch {
                return Self.json(.contentTooLarge, ["error": "the delivery is larger than 8 MiB"])
            }
            let key = Self.idempotencyKey(request.headers[HTTPField.Name("Idempotency-Key")!])
            let context = try ActionContext(actor: Actor(account: "facility:\(sender)"), now: kit.clock())
            let result = try await bapas.receive(
                Array(buffer: body), idempotencyKey: key ?? "", sender: sender, context: context)
            return Self.json(result.isNew ? .created : .ok, [
                "id": .string(result.portfolio.id.uuidString.lowercased()),
                "verdict": .string(result.portfolio.verdict),
                "repeated": .bool(!result.isNew),
            ])
        } catch {
            let failure = AppError(error)
            let status = ErrorPageMiddleware.status(failure.code)
            if status.code >= 500 { kit.logger.error("delivery failed", metadata: ["error.code": "\(failure.code)"]) }
            return Self.json(status, ["error": .string(failure.message)])
        }
    }

    /// The key of an `Idempotency-Key` field: an RFC 8941 string (`"…"`) or, leniently, a bare token.
    static func idempotencyKey(_ field: String?) -> String? {
        guard var text = field?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        return text
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue, extra: [(HTTPField.Name, String)] = [])
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        for (name, value) in extra { headers[name] = value }
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: JSONWriter.serialize(value, pretty: false))))
    }
}
