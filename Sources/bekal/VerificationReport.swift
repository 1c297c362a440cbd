import BekalCredentials
import BekalJSON

/// The verifier's report: a line per check and a verdict, or JSON for machines.
enum VerificationReport {
    static func text(_ verification: CredentialVerification) -> String {
        var lines = verification.checks.map { check in
            let mark = switch check.status {
            case .passed: "PASS"
            case .failed: "FAIL"
            case .skipped: "SKIP"
            case .warning: "WARN"
            }
            return "\(mark)  \(check.check)  [\(check.subject)]  \(check.detail)"
        }
        switch verification.result {
        case .valid(let verified):
            lines.append("VALID: issued by \(verified.issuerID); \(verified.embeddedCount) embedded credential(s) verified")
        case .invalid(let failures):
            lines.append("INVALID: \(failures.count) check(s) failed")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ verification: CredentialVerification) -> String {
        let checks: [JSONValue] = verification.checks.map {
            ["check": .string($0.check), "subject": .string($0.subject), "status": .string($0.status.rawValue), "detail": .string($0.detail)]
        }
        let value: JSONValue = [
            "verdict": .string(verification.result.isValid ? "VALID" : "INVALID"),
            "checks": .array(checks),
        ]
        return String(decoding: JSONWriter.serialize(value, pretty: true), as: UTF8.self)
    }
}
