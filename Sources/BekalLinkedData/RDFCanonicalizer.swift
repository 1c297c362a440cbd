import Crypto

/// RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024): canonical blank-node labels and
/// canonical N-Quads, so a dataset has one byte form to hash and sign.
///
/// The N-degree hashing step is exponential on purpose-built "poison" graphs, so the work is bounded
/// (``Limits``) and exceeding the bound is an error rather than a hang.
public struct RDFCanonicalizer: Sendable {
    /// The hash function RDFC-1.0 uses for every hashing step.
    public enum HashAlgorithm: String, Sendable {
        /// SHA-256, the default and the one `eddsa-rdfc-2022` uses.
        case sha256 = "SHA256"
        /// SHA-384, which RDFC-1.0 also allows.
        case sha384 = "SHA384"
    }

    /// Bounds against poison graphs.
    public struct Limits: Sendable {
        /// The most N-degree hash calls plus permutations examined, over one canonicalization.
        public var maxWork: Int
        /// The deepest N-degree recursion allowed.
        public var maxDepth: Int

        /// Limits with the given bounds: by default 50,000 units of work and a recursion depth of 256.
        public init(maxWork: Int = 50_000, maxDepth: Int = 256) {
            self.maxWork = maxWork
            self.maxDepth = maxDepth
        }
    }

    /// The hash function for every hashing step.
    public var hashAlgorithm: HashAlgorithm
    /// The bounds on work and recursion depth for one canonicalization.
    public var limits: Limits

    /// A canonicalizer with `hashAlgorithm` (SHA-256 by default) and `limits`.
    public init(hashAlgorithm: HashAlgorithm = .sha256, limits: Limits = Limits()) {
        self.hashAlgorithm = hashAlgorithm
        self.limits = limits
    }

    /// The outcome: canonical N-Quads and the map from input blank-node labels to canonical ones.
    public struct Result: Sendable {
        /// Canonical N-Quads: sorted lines, each ending in a line feed.
        public var nquads: String
        /// Input blank-node label → `c14nN` label.
        public var issuedIdentifiers: [String: String]
        /// The work spent (N-degree calls plus permutations), for benchmarks and limit tuning.
        public var work: Int
    }

    /// Canonicalizes a dataset.
    /// - Throws: ``LinkedDataError/Code/canonicalizationWorkLimit`` or
    ///   ``LinkedDataError/Code/canonicalizationDepthLimit`` on graphs too costly to canonicalize.
    public func canonicalize(_ dataset: RDFDataset) throws(LinkedDataError) -> Result {
        let interned = InternedDataset(dataset)
        let state = try run(interned)
        let labels = interned.blankNodeLabels ?? []
        var issued: [String: String] = [:]
        for (node, identifier) in state.canonicalIssuer.issued { issued[labels[node]] = identifier }
        return Result(
            nquads: String(decoding: state.canonicalLines(), as: UTF8.self), issuedIdentifiers: issued,
            work: state.work)
    }

    /// Canonical N-Quads as UTF-8 bytes, what is hashed, without building the `String`.
    func canonicalBytes(_ dataset: InternedDataset) throws(LinkedDataError) -> [UInt8] {
        try run(dataset).canonicalLines()
    }

    private func run(_ dataset: InternedDataset) throws(LinkedDataError) -> CanonicalizationState {
        var state = CanonicalizationState(algorithm: hashAlgorithm, limits: limits, dataset: dataset)
        try state.run()
        return state
    }

    /// Canonicalizes an N-Quads document.
    public func canonicalize(nquads: String) throws(LinkedDataError) -> Result {
        try canonicalize(NQuadsParser().parse(nquads))
    }
}
