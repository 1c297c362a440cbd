import BekalDomain
import BekalJSON
import Foundation

/// What `bekal send` delivers to a Bapas (`schemas/portfolio-delivery.schema.json`): the export's exact bytes, the
/// facility's current status list (so the Bapas can tell a withdrawn certificate from a forgery) and the person's
/// expected release date (the export does not carry it), in one JSON object. The export travels base64-encoded so
/// that the Bapas keeps the very bytes that were signed, whatever its JSON reader does to white space.
public struct PortfolioDelivery: Sendable, Hashable {
    /// The body's `type`, which tells a portfolio delivery from a status-list delivery.
    public static let documentType = "BekalPortfolioDelivery"
    /// The largest delivery a Bapas accepts: a portfolio with many records and its status list fit many times over.
    public static let maximumBytes = 8 * 1024 * 1024

    /// The export file, byte for byte.
    public var export: [UInt8]
    /// The issuer's signed status list, if sent.
    public var statusList: [UInt8]?
    /// The person's expected release date.
    public var releaseDate: LocalDate?

    /// A delivery to send.
    public init(export: [UInt8], statusList: [UInt8]? = nil, releaseDate: LocalDate? = nil) {
        self.export = export
        self.statusList = statusList
        self.releaseDate = releaseDate
    }

    /// The delivery as sent: compact JSON.
    public var bytes: [UInt8] {
        var object = JSONObject([
            ("type", .string(Self.documentType)), ("version", .number(1)),
            ("export", .string(Data(export).base64EncodedString())),
        ])
        if let statusList { object["statusList"] = .string(Data(statusList).base64EncodedString()) }
        if let releaseDate { object["releaseDate"] = .string(releaseDate.description) }
        return JSONWriter.serialize(.object(object), pretty: false)
    }

    /// Reads a delivery.
    /// - Throws: `AppError.usage` for a body that is not JSON (HTTP 400); `.invalidInput` for JSON that is not a
    ///   delivery, or whose export is not a JSON object (HTTP 422). Messages quote nothing from the body.
    public init(parsing body: [UInt8]) throws(AppError) {
        try self.init(parsed: try Delivery.parse(body))
    }

    /// Reads a delivery from its parsed body (see `init(parsing:)`).
    init(parsed value: JSONValue) throws(AppError) {
        func refuse(_ why: String, _ field: String) -> AppError { AppError(.invalidInput, why, field: field) }
        guard value["type"]?.stringValue == Self.documentType, value["version"]?.numberValue == 1 else {
            throw refuse("the body is not a BekalPortfolioDelivery version 1", "type")
        }
        guard let exportText = value["export"]?.stringValue, let export = Data(base64Encoded: exportText) else {
            throw refuse("the delivery's export is missing or not base64", "export")
        }
        guard case .object = try? JSONParser.parse(Array(export)) else {
            throw refuse("the delivered export is not a JSON object", "export")
        }
        self.export = Array(export)
        if let listValue = value["statusList"] {
            guard let text = listValue.stringValue, let list = Data(base64Encoded: text) else {
                throw refuse("the delivery's status list is not base64", "statusList")
            }
            statusList = Array(list)
        }
        if let dateValue = value["releaseDate"] {
            guard let text = dateValue.stringValue, let date = LocalDate(text) else {
                throw refuse("the delivery's releaseDate is not a date (YYYY-MM-DD)", "releaseDate")
            }
            releaseDate = date
        }
    }
}
