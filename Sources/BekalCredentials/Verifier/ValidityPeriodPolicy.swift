import BekalJSON
import Foundation

/// `validFrom` ≤ the verification time < `validUntil`, with `validFrom` allowed the same clock skew as a proof's
/// `created` (`ProofTimePolicy.allowedClockSkew`: an export's `validFrom` is its proof's `created`, so a verifier
/// whose clock is a little behind the facility's must not find it not yet valid). An expired embedded credential (a lapsed certificate) is an
/// exception, reported with its date: the record is still authentic and the rest of the portfolio stands. The
/// export itself out of its period, or anything not yet valid, fails.
public struct ValidityPeriodPolicy: VerificationPolicy {
    /// The check's name in records and output: `validity`.
    public let name = "validity"
    /// Creates the policy; it holds no state.
    public init() {}

    /// Compares `validFrom` and `validUntil` with the verification time; an expired embedded item is an exception.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        let doc = credential.document
        let at = Timestamp.format(context.at)
        var from: Date?
        if let value = doc["validFrom"] {
            guard let text = value.stringValue, let parsed = Timestamp.parse(text) else {
                return [credential.record(name, .failed, .validityMalformed, "validFrom is not a date-time with a time zone")]
            }
            from = parsed
        }
        var until: Date?
        if let value = doc["validUntil"] {
            guard let text = value.stringValue, let parsed = Timestamp.parse(text) else {
                return [credential.record(name, .failed, .validityMalformed, "validUntil is not a date-time with a time zone")]
            }
            until = parsed
        }
        if let from, from.timeIntervalSince(context.at) > ProofTimePolicy.allowedClockSkew {
            return [credential.record(
                name, .failed, .notYetValid, "not yet valid at \(at): validFrom \(Timestamp.format(from))", date: from)]
        }
        if let until, context.at >= until {
            if credential.isEmbedded {
                let what = credential.reference.kind == .certificate ? "certificate expired" : "expired"
                return [credential.record(name, .exception, .expired, "\(what) on \(Timestamp.format(until))", date: until)]
            }
            return [credential.record(
                name, .failed, .expired, "expired on \(Timestamp.format(until)) (checked at \(at))", date: until)]
        }
        return [credential.record(name, .passed, .withinValidity, "valid at \(at)")]
    }
}
