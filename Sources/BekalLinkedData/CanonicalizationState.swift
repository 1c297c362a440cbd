import BekalJSON
import Crypto

/// The mutable state of one RDFC-1.0 run (section 4.2 "Canonicalization State"), over an ``InternedDataset``:
/// blank nodes are numbers, and every line is written from the dataset's stored forms.
struct CanonicalizationState {
    typealias Term = InternedDataset.Term

    let algorithm: RDFCanonicalizer.HashAlgorithm
    let limits: RDFCanonicalizer.Limits
    let dataset: InternedDataset
    /// Blank node → indices into `dataset.quads` mentioning it (empty for numbers no quad mentions).
    var blankNodeToQuads: [[Int32]]
    /// Blank nodes in order of first appearance, so runs are deterministic.
    var blankNodes: [Int] = []
    var firstDegreeHashes: [String?]
    var canonicalIssuer = IdentifierIssuer<Int>(prefix: "c14n")
    var work = 0
    private let scratch = Scratch()

    /// Buffers the first-degree hashes reuse.
    private final class Scratch {
        var lines = LineBuffer()
        var joined: [UInt8] = []
    }

    init(algorithm: RDFCanonicalizer.HashAlgorithm, limits: RDFCanonicalizer.Limits, dataset: InternedDataset) {
        self.algorithm = algorithm
        self.limits = limits
        self.dataset = dataset
        blankNodeToQuads = Array(repeating: [], count: dataset.blankNodeCount)
        firstDegreeHashes = Array(repeating: nil, count: dataset.blankNodeCount)
    }

    mutating func run() throws(LinkedDataError) {
        for (index, quad) in dataset.quads.enumerated() {
            noteBlankNode(quad.subject, in: index)
            noteBlankNode(quad.object, in: index)
            noteBlankNode(quad.graph, in: index)
        }
        var hashToBlankNodes: [String: [Int]] = [:]
        for node in blankNodes {
            let hash = hashFirstDegreeQuads(node)
            firstDegreeHashes[node] = hash
            hashToBlankNodes[hash, default: []].append(node)
        }
        let sortedHashes = hashToBlankNodes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var shared: [(String, [Int])] = []
        for hash in sortedHashes {
            let nodes = hashToBlankNodes[hash] ?? []
            if nodes.count == 1 {
                canonicalIssuer.issue(nodes[0])
            } else {
                shared.append((hash, nodes))
            }
        }
        for (_, nodes) in shared {
            var hashPaths: [(hash: String, issuer: IdentifierIssuer<Int>)] = []
            for node in nodes where canonicalIssuer.identifier(for: node) == nil {
                var temporary = IdentifierIssuer<Int>(prefix: "b")
                temporary.issue(node)
                hashPaths.append(try hashNDegreeQuads(node, issuer: temporary, depth: 0))
            }
            hashPaths.sort { $0.hash.utf8.lexicographicallyPrecedes($1.hash.utf8) }
            for path in hashPaths {
                for existing in path.issuer.order { canonicalIssuer.issue(existing) }
            }
        }
    }

    private mutating func noteBlankNode(_ term: Term, in index: Int) {
        guard term.isBlankNode else { return }
        let node = term.blankNumber
        if blankNodeToQuads[node].isEmpty { blankNodes.append(node) }
        // A quad naming a blank node twice is listed once.
        if blankNodeToQuads[node].last != Int32(index) { blankNodeToQuads[node].append(Int32(index)) }
    }

    /// The canonical N-Quads: every quad with its blank nodes canonically labelled, sorted by code point.
    func canonicalLines() -> [UInt8] {
        var labels: [[UInt8]?] = Array(repeating: nil, count: dataset.blankNodeCount)
        for (node, identifier) in canonicalIssuer.issued { labels[node] = Array(identifier.utf8) }
        var lines = LineBuffer(lines: dataset.count, bytes: dataset.count * 128)
        for quad in dataset.quads {
            lines.beginLine()
            appendLine(quad, to: &lines.bytes) { node, out in out.append(contentsOf: labels[node] ?? []) }
        }
        // Exact code points: `String ==` would merge canonically equivalent lines.
        return lines.sortedJoined(droppingDuplicates: true)
    }

    /// Appends `quad`'s N-Quads line, each blank node written `_:` followed by what `label` appends for its number.
    func appendLine(_ quad: InternedDataset.Quad, to out: inout [UInt8], label: (Int, inout [UInt8]) -> Void) {
        dataset.formBytes.withUnsafeBufferPointer { forms in
            func term(_ term: Term) {
                if term.isBlankNode {
                    out.append(UInt8(ascii: "_"))
                    out.append(UInt8(ascii: ":"))
                    label(term.blankNumber, &out)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: forms[dataset.formRange(term)]))
                }
            }
            term(quad.subject)
            out.append(UInt8(ascii: " "))
            term(quad.predicate)
            out.append(UInt8(ascii: " "))
            term(quad.object)
            if quad.graph != .defaultGraph {
                out.append(UInt8(ascii: " "))
                term(quad.graph)
            }
            out.append(contentsOf: Self.lineEnd)
        }
    }

    private static let lineEnd: [UInt8] = Array(" .\n".utf8)

    func hash(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hash($0) }
    }

    func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Through the digest's bytes: iterating a digest as a sequence copies it into an array first.
        switch algorithm {
        case .sha256: SHA256.hash(data: UnsafeRawBufferPointer(bytes)).withUnsafeBytes { Hex.encode($0) }
        case .sha384: SHA384.hash(data: UnsafeRawBufferPointer(bytes)).withUnsafeBytes { Hex.encode($0) }
        }
    }

    /// Section 4.6: hash of the quads mentioning `node`, with `node` as `_:a` and other blank nodes `_:z`.
    func hashFirstDegreeQuads(_ node: Int) -> String {
        // One pair of buffers for every blank node of the run, not two fresh arrays each.
        scratch.lines.removeAll()
        for index in blankNodeToQuads[node] {
            scratch.lines.beginLine()
            appendLine(dataset.quads[Int(index)], to: &scratch.lines.bytes) { other, out in
                out.append(other == node ? UInt8(ascii: "a") : UInt8(ascii: "z"))
            }
        }
        scratch.lines.sortedJoined(droppingDuplicates: false, into: &scratch.joined)
        return scratch.joined.withUnsafeBufferPointer { hash($0) }
    }

    /// Section 4.7.
    func hashRelatedBlankNode(
        _ related: Int, quad: InternedDataset.Quad, issuer: IdentifierIssuer<Int>, position: String
    ) -> String {
        var input = position
        if position != "g", dataset.isIRI(quad.predicate) {
            input += String(decoding: dataset.formBytes[dataset.formRange(quad.predicate)], as: UTF8.self)
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
        _ node: Int, issuer startIssuer: IdentifierIssuer<Int>, depth: Int
    ) throws(LinkedDataError) -> (hash: String, issuer: IdentifierIssuer<Int>) {
        work += 1
        guard work <= limits.maxWork else {
            throw LinkedDataError(.canonicalizationWorkLimit, "RDFC-1.0 work limit of \(limits.maxWork) reached")
        }
        guard depth <= limits.maxDepth else {
            throw LinkedDataError(.canonicalizationDepthLimit, "RDFC-1.0 recursion deeper than \(limits.maxDepth)")
        }
        var issuer = startIssuer
        var hashToRelated: [String: [Int]] = [:]
        for index in blankNodeToQuads[node] {
            let quad = dataset.quads[Int(index)]
            for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                guard term.isBlankNode, term.blankNumber != node else { continue }
                let related = term.blankNumber
                let relatedHash = hashRelatedBlankNode(related, quad: quad, issuer: issuer, position: position)
                hashToRelated[relatedHash, default: []].append(related)
            }
        }
        var dataToHash = ""
        for relatedHash in hashToRelated.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            dataToHash += relatedHash
            var chosenPath = ""
            var chosenIssuer: IdentifierIssuer<Int>?
            var permutations = Permutations(hashToRelated[relatedHash] ?? [])
            permutationLoop: while let permutation = permutations.next() {
                work += 1
                guard work <= limits.maxWork else {
                    throw LinkedDataError(.canonicalizationWorkLimit, "RDFC-1.0 work limit of \(limits.maxWork) reached")
                }
                var issuerCopy = issuer
                var path = ""
                var recursionList: [Int] = []
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
