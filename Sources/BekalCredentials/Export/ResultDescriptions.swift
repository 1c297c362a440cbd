import BekalJSON

/// The `ResultDescription`s an Achievement declares and the `Result`s that point at them by id.
struct ResultDescriptions {
    var achievementID: String

    func id(_ key: String) -> String { "\(achievementID)#\(key)" }

    func description(_ key: String, name: String, type: String, allowed: [String]? = nil) -> JSONValue {
        var object = JSONObject([
            ("id", .string(id(key))),
            ("type", ["ResultDescription"]),
            ("name", .string(name)),
            ("resultType", .string(type)),
        ])
        if let allowed { object["allowedValue"] = .array(allowed.map { .string($0) }) }
        return .object(object)
    }

    func result(_ key: String, value: String, status: String? = nil) -> JSONValue {
        var object = JSONObject([
            ("type", ["Result"]),
            ("resultDescription", .string(id(key))),
            ("value", .string(value)),
        ])
        if let status { object["status"] = .string(status) }
        return .object(object)
    }

    var assessmentDescriptions: [JSONValue] {
        [
            description("outcome", name: "Assessment outcome (K = Kompeten, BK = Belum Kompeten)", type: "Status", allowed: ["BK", "K"]),
            description("method", name: "Assessment method", type: "Result"),
            description("assessor-role", name: "Assessor role", type: "Result"),
            description("date", name: "Assessment date", type: "Result"),
        ]
    }

    var certificateDescriptions: [JSONValue] {
        [
            description("certification-body", name: "Certification body (LSP)", type: "Result"),
            description("scheme", name: "Certification scheme", type: "Result"),
            description("certificate-number", name: "Certificate number", type: "Result"),
            description("registration-number", name: "BNSP registration number", type: "Result"),
            description("issued-on", name: "Issued on", type: "Result"),
            description("expires-on", name: "Expires on", type: "Result"),
        ]
    }
}
