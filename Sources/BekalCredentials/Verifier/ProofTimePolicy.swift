import Foundation

/// Each proof was created no later than the verification time (plus `allowedClockSkew`) and, when it has an
/// `expires`, has not expired. A proof "created" in the future was made on a wrong clock or back-dated on purpose
/// for a key window; an expired proof is one its signer said not to rely on after that time.
public struct ProofTimePolicy: VerificationPolicy {
    /// The check's name in records and output: `proof-time`.
    public let name = "proof-time"
    /// How far a proof's `created` may lie after the verification time: clocks of office PCs drift, and a file
    /// exported and checked within the same minute must not fail. Five minutes.
    public static let allowedClockSkew: TimeInterval = 300

    /// Creates the policy; it holds no state.
    public init() {}

    /// Fails a proof created after the verification time (beyond the clock skew) or past its `expires`.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        let timed = credential.proofs.proofs.filter { $0.created != nil }
        guard !timed.isEmpty else { return [] }
        let at = Timestamp.format(context.at)
        var records: [CheckRecord] = []
        for proof in timed {
            guard let created = proof.created else { continue }
            let which = credential.proofs.proofs.count > 1 ? "proof \(proof.index): " : ""
            if created.timeIntervalSince(context.at) > Self.allowedClockSkew {
                records.append(credential.record(
                    name, .failed, .proofCreatedInFuture,
                    "\(which)created \(Timestamp.format(created)), later than the check at \(at) (allowed clock skew 5 minutes)",
                    date: created))
            } else if let expires = proof.expires, context.at >= expires {
                records.append(credential.record(
                    name, .failed, .proofExpired, "\(which)the proof expired on \(Timestamp.format(expires)) (checked at \(at))",
                    date: expires))
            } else {
                records.append(credential.record(
                    name, .passed, .proofTimely, "\(which)created \(Timestamp.format(created)), not after the check"))
            }
        }
        return records
    }
}
