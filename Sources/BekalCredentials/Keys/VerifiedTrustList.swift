import BekalJSON
import Foundation

/// A key trusted to vouch for facilities' trust lists (a regional office, Kanwil), with the window in which it
/// may sign.
public struct TrustListAuthority: Sendable, Hashable {
    /// Who the authority is, e.g. `Kanwil Jawa Tengah`.
    public var name: String
    /// Its key and the window in which it may sign.
    public var key: KeyValidity

    /// An authority trusted to sign trust lists.
    public init(name: String, key: KeyValidity) {
        self.name = name
        self.key = key
    }
}

/// A trust list as read, with who vouches for it. A signed list (a Data Integrity proof, `eddsa-jcs-2022`, over
/// the list without `proof`) is accepted only when every proof verifies, its times hold (`ProofTimePolicy`), and
/// its signer is one of the list's own keys valid when it signed (the facility vouches for its list, so the
/// list cannot be altered on its way) or a trusted authority. An unsigned list is read as it is.
public struct VerifiedTrustList: Sendable, Hashable {
    /// Who signed the list.
    public enum Signature: Sendable, Hashable {
        /// No proof: the list is read as it is.
        case unsigned
        /// Signed by one of the list's own keys, valid at the proof's creation.
        case facility(key: DIDKey, created: Date)
        /// Signed by a trusted authority.
        case authority(name: String, key: DIDKey, created: Date)
    }

    /// The list.
    public var list: TrustList
    /// Who vouches for it.
    public var signature: Signature

    /// A list taken as it is, unsigned (e.g. built in memory).
    public init(unsigned list: TrustList) {
        self.list = list
        signature = .unsigned
    }

    /// Reads `json` and checks its proof, if it has one, at `at`.
    /// - Throws: `trustListMalformed` for a list that does not follow the schema; `trustListSignatureInvalid` for
    ///   a proof that does not verify, is out of time, or was made by a key neither in the list nor an authority.
    public init(json: JSONValue, authorities: [TrustListAuthority] = [], at: Date) throws(CredentialError) {
        list = try TrustList(json: json)
        guard case .object(let document) = json, document["proof"] != nil else {
            signature = .unsigned
            return
        }
        func invalid(_ why: String) -> CredentialError { CredentialError(.trustListSignatureInvalid, why) }
        let proofs = DataIntegrity.verifyProofs(in: document)
        guard proofs.allVerified else {
            let reason = proofs.proofs.compactMap { proof -> String? in
                if case .failed(let failure) = proof.outcome { failure.code } else { nil }
            }.first ?? "proof-malformed"
            throw invalid("the trust list's signature does not verify (\(reason))")
        }
        let underCheck = CredentialUnderCheck(
            document: document, label: "trust list", isEmbedded: false, proofs: proofs, container: nil)
        let context = VerificationContext(at: at, trust: TrustAnchors())
        if let late = ProofTimePolicy().check(underCheck, context: context).first(where: { $0.status == .failed }) {
            throw invalid("the trust list's signature does not hold at the time of the check: \(late.detail)")
        }
        var found: Signature?
        for proof in proofs.proofs {
            guard let key = proof.key, let created = proof.created else { throw invalid("the trust list's proof names no key") }
            if let authority = authorities.first(where: { $0.key.didKey == key && $0.key.covers(created) }) {
                found = .authority(name: authority.name, key: key, created: created)
            } else if list.issuers.flatMap(\.keys).contains(where: { $0.didKey == key && $0.covers(created) }) {
                if found == nil { found = .facility(key: key, created: created) }
            } else {
                throw invalid(
                    "the trust list is signed by \(key.did), which is neither one of its own keys valid at \(Timestamp.format(created)) nor a trusted authority")
            }
        }
        signature = found ?? .unsigned
    }
}

extension TrustList {
    /// The list signed with `key` (the facility's current key, or an authority's): an `eddsa-jcs-2022` proof over
    /// the list as `json` writes it.
    public func signed(with key: IssuerKey, created: Date) throws(CredentialError) -> JSONValue {
        guard case .object(let document) = json else {
            throw CredentialError(.trustListMalformed, "a trust list is a JSON object")
        }
        return .object(try DataIntegrity.sign(document, key: key, created: created, suite: EddsaJcs2022()))
    }
}
