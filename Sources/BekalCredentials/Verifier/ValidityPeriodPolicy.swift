import BekalJSON
import Foundation

/// `validFrom` ≤ the verification time < `validUntil`. An expired embedded certificate is reported with its
/// date as a warning: the record is still authentic, the certificate has lapsed.
public struct ValidityPeriodPolicy: VerificationPolicy {
    public let name = "validity"
    public init() {}

    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        let doc = credential.document
        let at = Timestamp.format(context.at)
        var from: Date?
        if let value = doc["validFrom"] {
            guard let text = value.stringValue, let parsed = Timestamp.parse(text) else {
                return [credential.record(name, .failed, "validFrom is not a date-time with a time zone")]
            }
            from = parsed
        }
        var until: Date?
        if let value = doc["validUntil"] {
            guard let text = value.stringValue, let parsed = Timestamp.parse(text) else {
                return [credential.record(name, .failed, "validUntil is not a date-time with a time zone")]
            }
            until = parsed
        }
        if let from, context.at < from {
            return [credential.record(name, .failed, "not yet valid at \(at): validFrom \(Timestamp.format(from))")]
        }
        if let until, context.at >= until {
            let isCertificate = doc["credentialSubject"]?["achievement"]?["achievementType"]?.stringValue == "Certificate"
            if credential.isEmbedded && isCertificate {
                return [credential.record(name, .warning, "certificate expired on \(Timestamp.format(until))")]
            }
            return [credential.record(name, .failed, "expired on \(Timestamp.format(until)) (checked at \(at))")]
        }
        return [credential.record(name, .passed, "valid at \(at)")]
    }
}
