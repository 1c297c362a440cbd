import Foundation

/// The key behind each proof is bound to the credential's issuer (`--issuer` for a did:key signing for
/// itself, or the trust list) and was valid when the proof was created.
public struct IssuerTrustPolicy: VerificationPolicy {
    /// The check's name in records and output: `issuer-trust`.
    public let name = "issuer-trust"
    /// Creates the policy; it holds no state.
    public init() {}

    /// Fails unless every signing key is trusted for the credential's issuer and its window covers the proof's creation.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        guard let issuer = credential.issuerID else {
            return [credential.record(name, .failed, .noIssuer, "the credential has no issuer id")]
        }
        let shownIssuer = String(issuer.prefix(120))
        if context.trust.isEmpty {
            return [credential.record(name, .failed, .noTrustAnchor, "no trusted issuer given (use --issuer DID or --trust FILE); issuer \(shownIssuer) is not trusted")]
        }
        let signers = credential.proofs.proofs.filter { $0.key != nil }
        guard !signers.isEmpty else {
            return [credential.record(name, .failed, .noUsableKey, "no proof names a usable key")]
        }
        return signers.map { proof in
            guard let key = proof.key, let created = proof.created else {
                return credential.record(name, .failed, .noUsableKey, "the proof lacks a key or a creation time")
            }
            let did = proof.keyDID ?? key.did
            if context.trust.selfSigningIssuers.contains(issuer), issuer == did {
                return credential.record(name, .passed, .issuerTrusted, "issuer \(shownIssuer) signs for itself and is trusted (--issuer)")
            }
            let bound = context.trust.trustList?.keys(for: issuer) ?? []
            if bound.isEmpty {
                if issuer.hasPrefix("did:key:") && issuer != did {
                    return credential.record(name, .failed, .issuerNotSigner, "the issuer \(shownIssuer) is not the signing key \(did)")
                }
                return credential.record(name, .failed, .issuerNotTrusted, "issuer \(shownIssuer) is not trusted")
            }
            let windows = bound.filter { $0.didKey == key }
            guard !windows.isEmpty else {
                return credential.record(name, .failed, .keyNotBound, "key \(did) is not bound to issuer \(shownIssuer)")
            }
            guard windows.contains(where: { $0.covers(created) }) else {
                return credential.record(
                    name, .failed, .keyOutsideWindow,
                    "key \(did) was not valid for \(shownIssuer) at the proof's creation \(Timestamp.format(created))", date: created)
            }
            return credential.record(name, .passed, .issuerTrusted, "key \(did) is bound to issuer \(shownIssuer) (trust list) and valid at \(Timestamp.format(created))", date: created)
        }
    }
}
