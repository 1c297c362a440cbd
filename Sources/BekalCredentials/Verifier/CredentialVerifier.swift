import BekalDomain
import BekalJSON
import Foundation

/// Verifies a credential (and every credential embedded in a `ClrCredential`) offline, policy by policy.
/// It never throws on a bad credential: every problem is a failed check in the result.
///
/// The verdict: INVALID when any check failed (a signature, the structure, the issuer, the export's own validity or
/// revocation, the identity given); VALID WITH EXCEPTIONS when nothing failed but embedded items are revoked or
/// expired; VALID otherwise.
public struct CredentialVerifier: Sendable {
    /// The checks run on every credential, in order; each contributes check records to the verdict.
    public var policies: [any VerificationPolicy]
    /// The cryptosuites whose proofs the verifier accepts.
    public var registry: CryptosuiteRegistry
    /// Bounds on proofs and embedded credentials, so a hostile file cannot make verification run for long.
    public var limits: VerificationLimits

    /// Creates a verifier; the defaults are Bekal's standard policies, both EdDSA suites and the standard limits.
    public init(
        policies: [any VerificationPolicy] = CredentialVerifier.standardPolicies,
        registry: CryptosuiteRegistry = .standard, limits: VerificationLimits = .standard
    ) {
        self.policies = policies
        self.registry = registry
        self.limits = limits
    }

    /// Profile, proof, proof time, issuer trust, validity period, revocation, identity and ledger log, in that order.
    public static let standardPolicies: [any VerificationPolicy] = [
        ProfilePolicy(), ProofPolicy(), ProofTimePolicy(), IssuerTrustPolicy(), ValidityPeriodPolicy(),
        RevocationPolicy(), IdentityPolicy(), LedgerLogPolicy(),
    ]

    /// Parses `bytes` strictly and verifies the result; a malformed file is an INVALID verdict with the
    /// `well-formed` check failed, never a crash.
    public func verify(bytes: some Collection<UInt8>, context: VerificationContext) -> CredentialVerification {
        do {
            let credential = try UnverifiedCredential(parsing: bytes)
            return verify(credential, parsedFrom: Array(bytes), context: context)
        } catch {
            let check = CheckRecord(
                check: "well-formed", subject: "credential", status: .failed, detail: error.message, code: .malformed)
            return CredentialVerification(result: .invalid([VerificationFailure(check)]), checks: [check])
        }
    }

    /// Verifies `credential` at `context.at`.
    public func verify(_ credential: UnverifiedCredential, context: VerificationContext) -> CredentialVerification {
        verify(credential, parsedFrom: nil, context: context)
    }

    /// Verifies `credential`; `bytes`, when given, are the text it was parsed from, whose canonical pieces the
    /// `eddsa-jcs-2022` proofs take as they are when the text is in RFC 8785 form (see `CanonicalForms`).
    func verify(_ credential: UnverifiedCredential, parsedFrom bytes: [UInt8]?, context: VerificationContext)
        -> CredentialVerification
    {
        let outer = credential.document
        let outerReference = CredentialReference(document: outer, index: nil)
        let embedded = ProfilePolicy.types(outer["type"]).contains("ClrCredential")
            ? outer["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? [] : []
        // The limits come first, from the shape alone: a file over them costs its parse and nothing more.
        let proofCounts = [VerificationLimits.proofCount(outer["proof"])]
            + embedded.map { VerificationLimits.proofCount($0["proof"]) }
        if let excess = limits.excess(embedded: embedded.count, proofCounts: proofCounts) {
            let check = CheckRecord(
                check: "well-formed", subject: "credential", status: .failed, detail: excess, code: .workLimit,
                credential: outerReference)
            return CredentialVerification(result: .invalid([VerificationFailure(check)]), checks: [check])
        }

        var checks = [
            CheckRecord(
                check: "well-formed", subject: "credential", status: .passed, detail: "strict JSON within limits",
                code: .wellFormed, credential: outerReference)
        ]
        let forms = CanonicalForms(outer, parsedFrom: bytes)
        var keys = VerificationMethodKeys()
        let outerUnderCheck = CredentialUnderCheck(
            document: outer, label: "credential", isEmbedded: false,
            proofs: DataIntegrity.verifyProofs(
                in: outer, registry: registry, canonical: forms.outer, keys: &keys,
                maxProofs: limits.maxProofsPerDocument),
            container: nil, reference: outerReference)
        checks += run(outerUnderCheck, context)

        var embeddedCount = 0
        for (index, item) in embedded.enumerated() {
            guard case .object(let document) = item else {
                checks.append(CheckRecord(
                    check: "well-formed", subject: "embedded[\(index)]", status: .failed,
                    detail: "an embedded credential is not an object", code: .malformed))
                continue
            }
            let reference = CredentialReference(document: document, index: index)
            let underCheck = CredentialUnderCheck(
                document: document, label: reference.label, isEmbedded: true,
                proofs: DataIntegrity.verifyProofs(
                    in: document, registry: registry, canonical: forms.embedded[index], keys: &keys,
                    maxProofs: limits.maxProofsPerDocument),
                container: outer, reference: reference)
            checks += run(underCheck, context)
            embeddedCount += 1
        }
        let result = Self.verdict(
            checks, verified: outerUnderCheck.issuerID.map {
                VerifiedCredential(document: outer, issuerID: $0, embeddedCount: embeddedCount)
            })
        let summary = VerificationSummary(
            result: result, checks: checks, issuer: Self.issuer(outerUnderCheck, checks: checks, trust: context.trust))
        return CredentialVerification(result: result, checks: checks, summary: summary)
    }

    /// INVALID on any failure; VALID WITH EXCEPTIONS when items are revoked or expired; else VALID.
    static func verdict(_ checks: [CheckRecord], verified: VerifiedCredential?) -> VerificationResult {
        let failures = checks.filter { $0.status == .failed }.map(VerificationFailure.init)
        guard failures.isEmpty, let verified else { return .invalid(failures) }
        let exceptions = checks.compactMap(VerificationException.init)
        return exceptions.isEmpty ? .valid(verified) : .validWithExceptions(verified, exceptions)
    }

    /// The issuer with the facility name a trust list gives it, when the issuer is trusted through that list;
    /// otherwise the name the document gives itself, marked unconfirmed.
    static func issuer(_ outer: CredentialUnderCheck, checks: [CheckRecord], trust: TrustAnchors)
        -> VerificationSummary.Issuer?
    {
        guard let id = outer.issuerID else { return nil }
        let trusted = !checks.contains { $0.check == "issuer-trust" && $0.credential.index == nil && $0.status != .passed }
        if trusted, let listed = trust.listedIssuer(id), let name = listed.name {
            return .init(id: id, name: name, nameIsConfirmed: true, facilityCode: listed.facilityCode)
        }
        let claimed = outer.document["issuer"]?["name"]?.stringValue.map { String($0.prefix(200)) }
        return .init(id: id, name: claimed, nameIsConfirmed: false)
    }

    private func run(_ credential: CredentialUnderCheck, _ context: VerificationContext) -> [CheckRecord] {
        policies.flatMap { $0.check(credential, context: context) }
    }

    /// Reads a status list credential and checks its own proofs, proof times (when `at` is given) and issuer, so a
    /// forged list is never trusted.
    public func statusList(_ document: JSONObject, trust: TrustAnchors, at: Date? = nil) throws(CredentialError)
        -> VerifiedStatusList
    {
        let contents = try StatusListCredential.read(.object(document))
        var keys = VerificationMethodKeys()
        let underCheck = CredentialUnderCheck(
            document: document, label: "status list", isEmbedded: false,
            proofs: DataIntegrity.verifyProofs(
                in: document, registry: registry, canonical: nil, keys: &keys, maxProofs: limits.maxProofsPerDocument),
            container: nil)
        let context = VerificationContext(at: at ?? Date.distantFuture, trust: trust)
        var records = ProofPolicy().check(underCheck, context: context) + IssuerTrustPolicy().check(underCheck, context: context)
        if at != nil { records += ProofTimePolicy().check(underCheck, context: context) }
        return VerifiedStatusList(contents: contents, problem: records.first { $0.status == .failed }.map(\.detail))
    }
}
