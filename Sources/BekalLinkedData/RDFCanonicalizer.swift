import Crypto

/// RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024): canonical blank-node labels and
/// canonical N-Quads, so a dataset has one byte form to hash and sign.
///
/// The N-degree hashing step is exponential on purpose-built "poison" graphs, so the work is bounded
/// (``Limits``) and exceeding the bound is an error rather than a hang.
public struct RDFCanonicalizer: Sendable {
    /// The hash function RDFC-1.0 uses for every hashing step.
    public enum HashAlgorithm: String, Sendable {
        case sha256 = "SHA256"
        case sha384 = "SHA384"
    }

    /// Bounds against poison graphs.
    public struct Limits: Sendable {
        /// The most N-degree hash calls plus permutations examined, over one canonicalization.
        public var maxWork: Int
        /// The deepest N-degree recursion allowed.
        public var maxDepth: Int

        public init(maxWork: Int = 50_000, maxDepth: Int = 256) {
            self.maxWork = maxWork
            self.maxDepth = maxDepth
        }
    }

    public var hashAlgorithm: HashAlgorithm
    public var limits: Limits

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
        var state = CanonicalizationState(algorithm: hashAlgorithm, limits: limits, quads: dataset.quads)
        try state.run()
        var lines: [String] = []
        lines.reserveCapacity(dataset.count)
        for quad in dataset.quads {
            lines.append(NQuadsSerializer.line(state.relabel(quad)))
        }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var nquads = ""
        nquads.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count })
        var previous: String?
        for line in lines where line != previous {
            nquads.append(line)
            previous = line
        }
        return Result(nquads: nquads, issuedIdentifiers: state.canonicalIssuer.issued, work: state.work)
    }

    /// Canonicalizes an N-Quads document.
    public func canonicalize(nquads: String) throws(LinkedDataError) -> Result {
        try canonicalize(NQuadsParser().parse(nquads))
    }
}

/// The mutable state of one RDFC-1.0 run (section 4.2 "Canonicalization State").
struct CanonicalizationState {
    let algorithm: RDFCanonicalizer.HashAlgorithm
    let limits: RDFCanonicalizer.Limits
    let quads: [RDFQuad]
    /// Blank-node label → indices into `quads` mentioning it.
    var blankNodeToQuads: [String: [Int]] = [:]
    /// Labels in order of first appearance, so runs are deterministic.
    var blankNodes: [String] = []
    var firstDegreeHashes: [String: String] = [:]
    var canonicalIssuer = IdentifierIssuer(prefix: "c14n")
    var work = 0

    init(algorithm: RDFCanonicalizer.HashAlgorithm, limits: RDFCanonicalizer.Limits, quads: [RDFQuad]) {
        self.algorithm = algorithm
        self.limits = limits
        self.quads = quads
    }

    mutating func run() throws(LinkedDataError) {
        for (index, quad) in quads.enumerated() {
            for term in [quad.subject, quad.object, quad.graph] {
                guard let label = term?.blankNodeLabel else { continue }
                if blankNodeToQuads[label] == nil { blankNodes.append(label) }
                if blankNodeToQuads[label]?.last != index { blankNodeToQuads[label, default: []].append(index) }
            }
        }
        var hashToBlankNodes: [String: [String]] = [:]
        for label in blankNodes {
            let hash = hashFirstDegreeQuads(label)
            firstDegreeHashes[label] = hash
            hashToBlankNodes[hash, default: []].append(label)
        }
        let sortedHashes = hashToBlankNodes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var shared: [(String, [String])] = []
        for hash in sortedHashes {
            let labels = hashToBlankNodes[hash] ?? []
            if labels.count == 1 {
                canonicalIssuer.issue(labels[0])
            } else {
                shared.append((hash, labels))
            }
        }
        for (_, labels) in shared {
            var hashPaths: [(hash: String, issuer: IdentifierIssuer)] = []
            for label in labels where canonicalIssuer.identifier(for: label) == nil {
                var temporary = IdentifierIssuer(prefix: "b")
                temporary.issue(label)
                hashPaths.append(try hashNDegreeQuads(label, issuer: temporary, depth: 0))
            }
            hashPaths.sort { $0.hash.utf8.lexicographicallyPrecedes($1.hash.utf8) }
            for path in hashPaths {
                for existing in path.issuer.order { canonicalIssuer.issue(existing) }
            }
        }
    }

    func relabel(_ quad: RDFQuad) -> RDFQuad {
        func map(_ term: RDFTerm) -> RDFTerm {
            guard case .blankNode(let label) = term else { return term }
            return .blankNode(canonicalIssuer.identifier(for: label) ?? label)
        }
        return RDFQuad(map(quad.subject), quad.predicate, map(quad.object), graph: quad.graph.map(map))
    }

    func hash(_ text: String) -> String {
        switch algorithm {
        case .sha256: Hex.encode(SHA256.hash(data: Array(text.utf8)))
        case .sha384: Hex.encode(SHA384.hash(data: Array(text.utf8)))
        }
    }

    /// Section 4.6: hash of the quads mentioning `label`, with `label` as `_:a` and other blank nodes `_:z`.
    func hashFirstDegreeQuads(_ label: String) -> String {
        func replace(_ term: RDFTerm) -> RDFTerm {
            guard case .blankNode(let other) = term else { return term }
            return .blankNode(other == label ? "a" : "z")
        }
        var lines: [String] = []
        for index in blankNodeToQuads[label] ?? [] {
            let quad = quads[index]
            lines.append(NQuadsSerializer.line(
                RDFQuad(replace(quad.subject), quad.predicate, replace(quad.object), graph: quad.graph.map(replace))))
        }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return hash(lines.joined())
    }

    /// Section 4.7.
    func hashRelatedBlankNode(_ related: String, quad: RDFQuad, issuer: IdentifierIssuer, position: String) -> String {
        var input = position
        if position != "g", case .iri(let predicate) = quad.predicate {
            input += "<" + predicate + ">"
        }
        if let canonical = canonicalIssuer.identifier(for: related) {
            input += "_:" + canonical
        } else if let temporary = issuer.identifier(for: related) {
            input += "_:" + temporary
        } else {
            input += firstDegreeHashes[related] ?? hashFirstDegreeQuads(related)
        }
        return hash(input)
    }

    /// Section 4.8, with the work and depth bounds.
    mutating func hashNDegreeQuads(
        _ label: String, issuer startIssuer: IdentifierIssuer, depth: Int
    ) throws(LinkedDataError) -> (hash: String, issuer: IdentifierIssuer) {
        work += 1
        guard work <= limits.maxWork else {
            throw LinkedDataError(.canonicalizationWorkLimit, "RDFC-1.0 work limit of \(limits.maxWork) reached")
        }
        guard depth <= limits.maxDepth else {
            throw LinkedDataError(.canonicalizationDepthLimit, "RDFC-1.0 recursion deeper than \(limits.maxDepth)")
        }
        var issuer = startIssuer
        var hashToRelated: [String: [String]] = [:]
        for index in blankNodeToQuads[label] ?? [] {
            let quad = quads[index]
            for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                guard let related = term?.blankNodeLabel, related != label else { continue }
                let relatedHash = hashRelatedBlankNode(related, quad: quad, issuer: issuer, position: position)
                hashToRelated[relatedHash, default: []].append(related)
            }
        }
        var dataToHash = ""
        for relatedHash in hashToRelated.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            dataToHash += relatedHash
            var chosenPath = ""
            var chosenIssuer: IdentifierIssuer?
            var permutations = Permutations(hashToRelated[relatedHash] ?? [])
            permutationLoop: while let permutation = permutations.next() {
                work += 1
                guard work <= limits.maxWork else {
                    throw LinkedDataError(.canonicalizationWorkLimit, "RDFC-1.0 work limit of \(limits.maxWork) reached")
                }
                var issuerCopy = issuer
                var path = ""
                var recursionList: [String] = []
                for related in permutation {
                    if let canonical = canonicalIssuer.identifier(for: related) {
                        path += "_:" + canonical
                    } else {
                        if issuerCopy.identifier(for: related) == nil { recursionList.append(related) }
                        path += "_:" + issuerCopy.issue(related)
                    }
                    if !chosenPath.isEmpty && isWorse(path, than: chosenPath) { continue permutationLoop }
                }
                for related in recursionList {
                    let result = try hashNDegreeQuads(related, issuer: issuerCopy, depth: depth + 1)
                    path += "_:" + issuerCopy.issue(related)
                    path += "<" + result.hash + ">"
                    issuerCopy = result.issuer
                    if !chosenPath.isEmpty && isWorse(path, than: chosenPath) { continue permutationLoop }
                }
                if chosenPath.isEmpty || path.utf8.lexicographicallyPrecedes(chosenPath.utf8) {
                    chosenPath = path
                    chosenIssuer = issuerCopy
                }
            }
            dataToHash += chosenPath
            if let chosenIssuer { issuer = chosenIssuer }
        }
        return (hash(dataToHash), issuer)
    }

    private func isWorse(_ path: String, than chosen: String) -> Bool {
        path.utf8.count >= chosen.utf8.count && chosen.utf8.lexicographicallyPrecedes(path.utf8)
    }
}

/// All orderings of a list, generated lazily (Heap's algorithm, iterative) so a large list costs nothing
/// until the work bound stops it.
struct Permutations: IteratorProtocol {
    private var items: [String]
    private var counters: [Int]
    private var index = 0
    private var first = true

    init(_ items: [String]) {
        self.items = items
        self.counters = Array(repeating: 0, count: items.count)
    }

    mutating func next() -> [String]? {
        if first {
            first = false
            return items
        }
        while index < items.count {
            if counters[index] < index {
                if index % 2 == 0 { items.swapAt(0, index) } else { items.swapAt(counters[index], index) }
                counters[index] += 1
                index = 0
                return items
            }
            counters[index] = 0
            index += 1
        }
        return nil
    }
}

enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
