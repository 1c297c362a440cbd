import BekalJSON

/// How much work one verification may do, so a file cannot make the verifier spend minutes on it. A proof costs a
/// canonicalization (for `eddsa-rdfc-2022`, JSON-LD expansion and RDFC-1.0 of the whole document) and an Ed25519
/// check; 22,401 copies of one genuine proof in an 8 MB export cost 213 s of CPU before these limits.
///
/// The limits are counted from the document's shape before any cryptography runs, so a file over them is refused
/// in the time it takes to parse it.
public struct VerificationLimits: Sendable, Hashable {
    /// Proofs checked on one document. Bekal writes one or two (`--cryptosuite both`); W3C's proof-chain example
    /// has four. A document with more is refused with `too-many-proofs`, and none of its proofs is checked.
    public var maxProofsPerDocument: Int
    /// Credentials embedded in one `ClrCredential`. A person's portfolio holds at most the framework's units (66
    /// for the batik SKKNI), their certificates and the record: well under a hundred.
    public var maxEmbeddedCredentials: Int
    /// Proofs checked in one verification, outer and embedded together (`work-limit` beyond it).
    public var maxProofChecks: Int

    /// Creates limits; use `standard` unless a test needs smaller ones.
    public init(maxProofsPerDocument: Int, maxEmbeddedCredentials: Int, maxProofChecks: Int) {
        self.maxProofsPerDocument = maxProofsPerDocument
        self.maxEmbeddedCredentials = maxEmbeddedCredentials
        self.maxProofChecks = maxProofChecks
    }

    /// 8 proofs per document, 250 embedded credentials, 512 proof checks in all (250 credentials signed with both
    /// suites, plus the outer proofs, fit).
    public static let standard = VerificationLimits(maxProofsPerDocument: 8, maxEmbeddedCredentials: 250, maxProofChecks: 512)

    /// The proofs on a `proof` member, as a verifier would count them (a single object is one).
    static func proofCount(_ proof: JSONValue?) -> Int {
        switch proof {
        case nil: 0
        case .array(let items)?: items.count
        case _?: 1
        }
    }

    /// Why the shape of a whole verification is over the limits, or `nil`.
    func excess(embedded: Int, proofCounts: [Int]) -> String? {
        if embedded > maxEmbeddedCredentials {
            return "the export embeds \(embedded) credentials; at most \(maxEmbeddedCredentials) are verified"
        }
        // A document over the per-document limit is refused without checking its proofs: it costs nothing.
        let checks = proofCounts.filter { $0 <= maxProofsPerDocument }.reduce(0, +)
        if checks > maxProofChecks {
            return "the file carries \(checks) proofs to check; at most \(maxProofChecks) are checked in one verification"
        }
        return nil
    }
}
