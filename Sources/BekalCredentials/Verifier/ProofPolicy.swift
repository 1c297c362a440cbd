/// Every proof on the credential verifies (a proof set: each one, against the document without `proof`), and the
/// set is within `VerificationLimits.maxProofsPerDocument`.
public struct ProofPolicy: VerificationPolicy {
    /// The check's name in records and output: `proof`.
    public let name = "proof"
    /// Creates the policy; it holds no state.
    public init() {}

    /// One record per proof from the shared proof results; fails when proofs are missing, malformed or too many.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        switch credential.proofs.structure {
        case .missing: return [credential.record(name, .failed, .proofMissing, "the credential has no proof")]
        case .notAnObject:
            return [credential.record(name, .failed, .proofNotObject, "proof is not an object or a list of objects")]
        case .tooMany(let count, let limit):
            return [credential.record(
                name, .failed, .tooManyProofs,
                "the proof set has \(count) proofs; at most \(limit) are checked on one document, so none was")]
        case .present: break
        }
        return credential.proofs.proofs.map { proof in
            let which = credential.proofs.proofs.count > 1 ? "proof \(proof.index): " : ""
            switch proof.outcome {
            case .verified:
                return credential.record(
                    name, .passed, .signatureVerified, "\(which)\(proof.cryptosuite ?? "?") signature verifies")
            case .failed(let failure):
                return credential.record(
                    name, .failed, CheckCode(rawValue: failure.code), "\(which)\(failure.code): \(failure.message)")
            }
        }
    }
}
