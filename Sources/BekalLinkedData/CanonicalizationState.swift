import BekalJSON
import Crypto

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
            noteBlankNode(quad.subject, in: index)
            noteBlankNode(quad.object, in: index)
            if let graph = quad.graph { noteBlankNode(graph, in: index) }
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

    private mutating func noteBlankNode(_ term: RDFTerm, in index: Int) {
        guard case .blankNode(let label) = term else { return }
        // One lookup per mention, modified in place: this runs for every blank node of every quad.
        var isNew = false
        blankNodeToQuads[label, default: { isNew = true; return [] }()].appendUnlessLast(index)
        if isNew { blankNodes.append(label) }
    }

    func mentionsBlankNode(_ quad: RDFQuad) -> Bool {
        quad.subject.isBlankNode || quad.object.isBlankNode || quad.graph?.isBlankNode == true
    }

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

    /// Section 4.6: hash of the quads mentioning `label`, with `label` as `_:a` and other blank nodes `_:z`.
    func hashFirstDegreeQuads(_ label: String) -> String {
        let indices = blankNodeToQuads[label] ?? []
        var lines = LineBuffer(lines: indices.count, bytes: indices.count * 128)
        for index in indices {
            lines.beginLine()
            NQuadsSerializer.append(quads[index], to: &lines.bytes) { $0 == label ? "a" : "z" }
        }
        return lines.sortedJoined(droppingDuplicates: false).withUnsafeBufferPointer { hash($0) }
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

extension Array where Element == Int {
    /// Appends `index` unless it is already the last element (a quad naming a blank node twice is listed once).
    fileprivate mutating func appendUnlessLast(_ index: Int) {
        if last != index { append(index) }
    }
}
