import BekalDomain
import BekalJSON
import Foundation

/// Verifies a credential (and every credential embedded in a `ClrCredential`) offline, policy by policy.
/// It never throws on a bad credential: every problem is a failed check in the result.
public struct CredentialVerifier: Sendable {
    public var policies: [any VerificationPolicy]
    public var registry: CryptosuiteRegistry

    public init(
        policies: [any VerificationPolicy] = CredentialVerifier.standardPolicies,
        registry: CryptosuiteRegistry = .standard
    ) {
        self.policies = policies
        self.registry = registry
    }

    public static let standardPolicies: [any VerificationPolicy] = [
        ProfilePolicy(), ProofPolicy(), IssuerTrustPolicy(), ValidityPeriodPolicy(), RevocationPolicy(),
        IdentityPolicy(),
    ]

    /// Parses `bytes` strictly and verifies the result; a malformed file is an INVALID verdict with the
    /// `well-formed` check failed, never a crash.
    public func verify(bytes: some Collection<UInt8>, context: VerificationContext) -> CredentialVerification {
        do {
            return verify(try UnverifiedCredential(parsing: bytes), context: context)
        } catch {
            let check = CheckRecord(check: "well-formed", subject: "credential", status: .failed, detail: error.message)
            return CredentialVerification(
                result: .invalid([VerificationFailure(check: check.check, subject: check.subject, message: check.detail)]),
                checks: [check])
        }
    }

    /// Verifies `credential` at `context.at`.
    public func verify(_ credential: UnverifiedCredential, context: VerificationContext) -> CredentialVerification {
        let outer = credential.document
        var checks = [CheckRecord(check: "well-formed", subject: "credential", status: .passed, detail: "strict JSON within limits")]
        let forms = CanonicalForms(outer)
        var keys = VerificationMethodKeys()
        let outerUnderCheck = CredentialUnderCheck(
            document: outer, label: "credential", isEmbedded: false,
            proofs: DataIntegrity.verifyProofs(in: outer, registry: registry, canonical: forms.outer, keys: &keys))
        checks += run(outerUnderCheck, context)

        var embeddedCount = 0
        if ProfilePolicy.types(outer["type"]).contains("ClrCredential") {
            let embedded = outer["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? []
            for (index, item) in embedded.enumerated() {
                guard case .object(let document) = item else {
                    checks.append(CheckRecord(check: "well-formed", subject: "embedded[\(index)]", status: .failed, detail: "an embedded credential is not an object"))
                    continue
                }
                let id = String((document["id"]?.stringValue ?? "no id").prefix(80))
                let underCheck = CredentialUnderCheck(
                    document: document, label: "embedded[\(index)] \(id)", isEmbedded: true,
                    proofs: DataIntegrity.verifyProofs(
                        in: document, registry: registry, canonical: forms.embedded[index], keys: &keys),
                    container: outer)
                checks += run(underCheck, context)
                embeddedCount += 1
            }
        }
        let failures = checks.filter { $0.status == .failed }.map {
            VerificationFailure(check: $0.check, subject: $0.subject, message: $0.detail)
        }
        if failures.isEmpty, let issuer = outerUnderCheck.issuerID {
            return CredentialVerification(
                result: .valid(VerifiedCredential(document: outer, issuerID: issuer, embeddedCount: embeddedCount)),
                checks: checks)
        }
        return CredentialVerification(result: .invalid(failures), checks: checks)
    }

    private func run(_ credential: CredentialUnderCheck, _ context: VerificationContext) -> [CheckRecord] {
        policies.flatMap { $0.check(credential, context: context) }
    }

    /// Reads a status list credential and checks its own proofs and issuer, so a forged list is never trusted.
    public func statusList(_ document: JSONObject, trust: TrustAnchors) throws(CredentialError) -> VerifiedStatusList {
        let contents = try StatusListCredential.read(.object(document))
        let underCheck = CredentialUnderCheck(
            document: document, label: "status list", isEmbedded: false,
            proofs: DataIntegrity.verifyProofs(in: document, registry: registry))
        let context = VerificationContext(at: Date.distantFuture, trust: trust)
        let failed = (ProofPolicy().check(underCheck, context: context) + IssuerTrustPolicy().check(underCheck, context: context))
            .filter { $0.status == .failed }
        return VerifiedStatusList(contents: contents, problem: failed.first.map(\.detail))
    }
}

extension CredentialUnderCheck {
    init(document: JSONObject, label: String, isEmbedded: Bool, proofs: ProofSetResult) {
        self.init(document: document, label: label, isEmbedded: isEmbedded, proofs: proofs, container: nil)
    }
}
