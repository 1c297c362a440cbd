import BekalApp
import BekalDomain
import BekalJSON
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

extension BapasSite {
    /// `POST /terima`: a facility delivers a portfolio, or a status list on its own. 401 without a known
    /// facility's secret (and 429 with `Retry-After` once an address has failed too often: a secret cannot be
    /// guessed here faster than a password at the sign-in page), 415 unless the body is `application/json`, 413
    /// above 8 MiB, 400 for a body that is not JSON, 422 for JSON that is not a delivery (or a malformed
    /// `Idempotency-Key`, or a status list no facility in the registry signed), 409 for a key reused for another
    /// file or a status list older than the one held; 201 with the verdict when stored, 200 with the first
    /// verdict when the same delivery comes again. Answers are JSON and never quote the body.
    func receive(_ request: Request, _ context: WebRequestContext) async -> Response {
        let address = context.clientAddress
        // One key for every failed delivery from an address, counted with (and limited like) failed sign-ins.
        let throttleKey = "terima@" + address
        do {
            if let until = await kit.throttle.retryAfter(account: throttleKey, address: address) {
                kit.logger.notice("delivery throttled")
                let seconds = max(1, Int(until.timeIntervalSince(kit.clock()).rounded(.up)))
                return Self.json(.tooManyRequests, ["error": "too many refused deliveries from this address; try again later"],
                                 extra: [(.retryAfter, String(seconds))])
            }
            guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
                let sender = try await bapas.sender(token: Array(authorization.dropFirst(7).utf8))
            else {
                await kit.throttle.failed(account: throttleKey, address: address)
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
            let actionContext = try ActionContext(actor: Actor(account: "facility:\(sender)"), now: kit.clock())
            switch try await bapas.accept(Array(buffer: body), idempotencyKey: key ?? "", sender: sender, context: actionContext) {
            case .portfolio(let portfolio, let isNew):
                return Self.json(isNew ? .created : .ok, [
                    "id": .string(portfolio.id.uuidString.lowercased()),
                    "verdict": .string(portfolio.verdict),
                    "repeated": .bool(!isNew),
                ])
            case .statusList(.kept(let url, let reverified)):
                return Self.json(.created, ["statusList": .string(url), "reverified": .number(Double(reverified)), "repeated": .bool(false)])
            case .statusList(.unchanged(let url)):
                return Self.json(.ok, ["statusList": .string(url), "reverified": .number(0), "repeated": .bool(true)])
            case .statusList:
                throw AppError(.storage, "unexpected status list outcome")
            }
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
