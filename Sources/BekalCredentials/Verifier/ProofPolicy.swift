/// Every proof on the credential verifies (a proof set: each one, against the document without `proof`).
public struct ProofPolicy: VerificationPolicy {
    public let name = "proof"
    public init() {}

    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        switch credential.proofs.structure {
        case .missing: return [credential.record(name, .failed, "the credential has no proof")]
        case .notAnObject: return [credential.record(name, .failed, "proof is not an object or a list of objects")]
        case .present: break
        }
        return credential.proofs.proofs.map { proof in
            let which = credential.proofs.proofs.count > 1 ? "proof \(proof.index): " : ""
            switch proof.outcome {
            case .verified:
                return credential.record(name, .passed, "\(which)\(proof.cryptosuite ?? "?") signature verifies")
            case .failed(let failure):
                return credential.record(name, .failed, "\(which)\(failure.code): \(failure.message)")
            }
        }
    }
}
