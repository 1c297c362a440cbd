import BekalCredentials
import BekalJSON
import BekalRender

/// The verifier's report: the verdict in one line naming the facility, what was not checked, the items that do
/// not stand or the checks that failed, then a line per check; or JSON for machines.
public enum VerificationReport {
    /// The report as text: the verdict line first, then what was not checked, the exceptions or failures, and a
    /// line per check.
    public static func text(_ verification: CredentialVerification) -> String {
        let summary = verification.summary
        var lines = [verdictLine(summary)]
        if let note = VerdictText.revocationNote(summary, .english) { lines.append(note) }
        if case .notChecked = summary.identity {} else { lines.append(VerdictText.identity(summary.identity, .english)) }
        if !summary.exceptions.isEmpty {
            lines.append("Items that no longer stand:")
            lines += summary.exceptions.map { "  \(VerdictText.credential($0.credential, .english)): \($0.message)" }
        }
        if !summary.failures.isEmpty {
            lines.append("Failed checks:")
            lines += summary.failures.map { "  \($0.check) — \(VerdictText.credential($0.credential, .english)): \($0.message)" }
        }
        lines.append("Checks:")
        lines += verification.checks.map { check in
            let mark = switch check.status {
            case .passed: "PASS"
            case .failed: "FAIL"
            case .skipped: "SKIP"
            case .warning: "WARN"
            case .exception: "EXCP"
            }
            return "\(mark)  \(check.check)  [\(check.subject)]  \(check.detail)"
        }
        return lines.joined(separator: "\n")
    }

    /// The verdict in one line, naming the facility and the counts (English), and ending in "(revocation NOT
    /// checked)" when the status of some credential could not be read: a reader who stops at this line must not
    /// take an unchecked VALID for a checked one. The line after it says why.
    public static func verdictLine(_ verification: CredentialVerification) -> String { verdictLine(verification.summary) }

    static func verdictLine(_ summary: VerificationSummary) -> String {
        let unchecked = summary.revocation.isComplete ? "" : " (revocation NOT checked)"
        return "\(summary.verdict.rawValue) — \(VerdictText.body(summary, .english))\(unchecked)"
    }

    /// The report as JSON for machines.
    public static func json(_ verification: CredentialVerification) -> String {
        let summary = verification.summary
        let checks: [JSONValue] = verification.checks.map {
            [
                "check": .string($0.check), "subject": .string($0.subject), "status": .string($0.status.rawValue),
                "code": .string($0.code.rawValue), "detail": .string($0.detail), "credential": credential($0.credential),
            ]
        }
        var issuer = JSONObject()
        if let known = summary.issuer {
            issuer["id"] = .string(known.id)
            if let name = known.name { issuer["name"] = .string(name) }
            issuer["nameConfirmed"] = .bool(known.nameIsConfirmed)
            if let code = known.facilityCode { issuer["facilityCode"] = .string(code) }
        }
        let identity: String = switch summary.identity {
        case .matched: "matched"
        case .matchedWeakForm: "matched-weak-form"
        case .mismatch: "mismatch"
        case .notChecked(let code): "not-checked: \(code.rawValue)"
        }
        let value: JSONValue = [
            "verdict": .string(summary.verdict.rawValue),
            "sentence": .string(verdictLine(summary)),
            "issuer": .object(issuer),
            "contents": [
                "competencies": .number(Double(summary.contents.competencies)),
                "certificates": .number(Double(summary.contents.certificates)),
                "records": .number(Double(summary.contents.records)),
            ],
            "revocation": [
                "checked": .number(Double(summary.revocation.checked)),
                "notChecked": .object(JSONObject(summary.revocation.reasons.map {
                    ($0.rawValue, .number(Double(summary.revocation.notChecked[$0] ?? 0)))
                })),
            ],
            "identity": .string(identity),
            "exceptions": .array(summary.exceptions.map { exception in
                let kind: JSONValue = switch exception.kind {
                case .revoked: "revoked"
                case .expired: "expired"
                }
                return ["kind": kind, "credential": credential(exception.credential), "message": .string(exception.message)]
            }),
            "failures": .array(summary.failures.map {
                [
                    "check": .string($0.check), "code": .string($0.code.rawValue), "credential": credential($0.credential),
                    "message": .string($0.message),
                ]
            }),
            "checks": .array(checks),
        ]
        return String(decoding: JSONWriter.serialize(value, pretty: true), as: UTF8.self)
    }

    /// `{"verdict": null, "error": {...}}`: an input the verifier could not start on, for `--json` readers.
    public static func jsonError(_ error: AppError, exitCode: Int32) -> String {
        let value: JSONValue = [
            "verdict": .null,
            "error": [
                "message": .string(error.message), "code": .string(error.code.description),
                "exitCode": .number(Double(exitCode)),
            ],
        ]
        return String(decoding: JSONWriter.serialize(value, pretty: true), as: UTF8.self)
    }

    private static func credential(_ reference: CredentialReference) -> JSONValue {
        var object = JSONObject([("kind", .string(reference.kind.rawValue)), ("label", .string(reference.label))])
        if let id = reference.id { object["id"] = .string(id) }
        if let index = reference.index { object["index"] = .number(Double(index)) }
        if let code = reference.unitCode { object["unitCode"] = .string(code) }
        if let scheme = reference.scheme { object["scheme"] = .string(scheme) }
        if let number = reference.certificateNumber { object["certificateNumber"] = .string(number) }
        return .object(object)
    }
}
