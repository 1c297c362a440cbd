import BekalJSON
import Foundation

/// What a facility delivers to a Bapas on its own when a credential is withdrawn after its portfolio was sent
/// (`schemas/status-list-delivery.schema.json`): its newly signed status list, base64-encoded so that the Bapas
/// keeps the bytes that were signed. The Bapas verifies it, keeps it if it is newer than the one it holds, and
/// verifies again every received portfolio that points to it.
public struct StatusListDelivery: Sendable, Hashable {
    /// The body's `type`, which tells a status-list delivery from a portfolio delivery.
    public static let documentType = "BekalStatusListDelivery"

    /// The signed `BitstringStatusListCredential`, byte for byte.
    public var statusList: [UInt8]

    /// A delivery to send.
    public init(statusList: [UInt8]) { self.statusList = statusList }

    /// The delivery as sent: compact JSON.
    public var bytes: [UInt8] {
        JSONWriter.serialize(.object(JSONObject([
            ("type", .string(Self.documentType)), ("version", .number(1)),
            ("statusList", .string(Data(statusList).base64EncodedString())),
        ])), pretty: false)
    }

    /// Reads a delivery from its parsed body.
    /// - Throws: `.invalidInput` when it is not a status list delivery version 1 or its list is not base64 JSON.
    init(parsed value: JSONValue) throws(AppError) {
        guard value["type"]?.stringValue == Self.documentType, value["version"]?.numberValue == 1 else {
            throw AppError(.invalidInput, "the body is not a BekalStatusListDelivery version 1", field: "type")
        }
        guard let text = value["statusList"]?.stringValue, let list = Data(base64Encoded: text),
            case .object = try? JSONParser.parse(Array(list))
        else {
            throw AppError(.invalidInput, "the delivery's status list is missing, not base64 or not a JSON object",
                           field: "statusList")
        }
        statusList = Array(list)
    }
}

/// Either thing a facility delivers to `POST /terima`, told apart by the body's `type`.
public enum Delivery: Sendable {
    /// An export with its status list and the person's expected release date.
    case portfolio(PortfolioDelivery)
    /// A newer status list of a facility.
    case statusList(StatusListDelivery)

    /// Reads a delivery.
    /// - Throws: `.usage` for a body that is not JSON (HTTP 400), `.invalidInput` for JSON that is neither kind of
    ///   delivery (HTTP 422). Messages quote nothing from the body.
    public init(parsing body: [UInt8]) throws(AppError) {
        let value = try Self.parse(body)
        if value["type"]?.stringValue == StatusListDelivery.documentType {
            self = .statusList(try StatusListDelivery(parsed: value))
        } else {
            self = .portfolio(try PortfolioDelivery(parsed: value))
        }
    }

    /// A delivery's body as JSON, within the size limit (messages quote nothing from it).
    static func parse(_ body: [UInt8]) throws(AppError) -> JSONValue {
        guard body.count <= PortfolioDelivery.maximumBytes else {
            throw AppError(.invalidInput, "the delivery is larger than 8 MiB", field: "body")
        }
        do { return try JSONParser.parse(body) } catch {
            throw AppError(.usage, "the body is not well-formed JSON", field: "body")
        }
    }
}
