/// An RDF dataset whose terms are small integers: what RDFC-1.0 works on.
///
/// RDFC-1.0 writes a quad's N-Quads line up to three times (to find duplicates, for the first-degree hash of each
/// blank node it mentions, and in canonical form) and keys its maps by blank-node label. With `RDFTerm`s every
/// one of those is a walk over `String`s, a fresh array per line and a `String`-keyed hash. Here every IRI and
/// literal is written once, as its N-Quads form, into one buffer; a blank node is a number; a quad is four
/// integers, so duplicates are found by comparing integers and a line is a few copies of stored bytes.
///
/// Terms are told apart by their exact N-Quads bytes (code points), as ``RDFDataset`` tells quads apart, never by
/// `String` equality, which merges canonically equivalent text.
struct InternedDataset {
    /// A term of a quad: a stored form (IRI or literal), a blank node, or the default graph.
    struct Term: Hashable {
        let raw: Int32

        /// The default graph, as a quad's graph.
        static let defaultGraph = Term(raw: .min)

        static func form(_ index: Int) -> Term { Term(raw: Int32(index)) }
        static func blankNode(_ number: Int) -> Term { Term(raw: ~Int32(number)) }

        var isBlankNode: Bool { raw < 0 && raw != .min }
        /// The blank node's number; only for blank nodes.
        var blankNumber: Int { Int(~raw) }
        /// The stored form's index; only for forms.
        var formIndex: Int { Int(raw) }
    }

    struct Quad: Hashable {
        var subject: Term
        var predicate: Term
        var object: Term
        var graph: Term
    }

    private(set) var quads: [Quad] = []
    /// Which quads the dataset has: indices into `quads` (or -1, empty) in an open-addressing table at most
    /// half full. A `Set<Quad>` hashed each quad with SipHash and rehashed everything as it grew (≈ 4% of a
    /// canonicalization); term numbers are handed out here, not chosen by the document, and the mix is seeded
    /// per process, so no input can be built to collide.
    private var slots = [Int32](repeating: -1, count: 256)
    /// The N-Quads forms of IRIs and literals, one after another (`<…>`, `"…"^^<…>`, `"…"@tag`).
    private(set) var formBytes: [UInt8] = []
    /// Where each form starts in `formBytes`; it ends where the next starts (the last at `formBytes.count`).
    private var formStarts: [Int] = []
    /// ASCII IRIs by their text: for ASCII, `String` equality is byte equality, and it saves writing the form
    /// to look it up.
    private var asciiIRIs: [String: Term] = [:]
    /// Every other form but literals, by its bytes.
    private var otherForms: [ByteString: Term] = [:]
    /// For each form, the hash of its bytes when it is a literal, else 0. Literals are stored once per mention
    /// rather than interned (most are mentioned once: looking each up cost more than storing it), so quads are
    /// compared on a literal's bytes, not its number.
    private var literalHashes: [UInt64] = []
    /// Blank nodes handed out so far: they are numbered `0..<blankNodeCount`.
    private(set) var blankNodeCount = 0
    /// The input's label of each blank node, by number, when the dataset came from labelled quads.
    private(set) var blankNodeLabels: [String]?
    private var scratch: [UInt8] = []

    init() {}

    /// The dataset of `dataset`'s quads, keeping its blank-node labels for ``RDFCanonicalizer/Result``.
    init(_ dataset: RDFDataset) {
        var numbers: [String: Term] = [:]
        var labels: [String] = []
        func node(_ term: RDFTerm, in interned: inout InternedDataset) -> Term {
            guard case .blankNode(let label) = term else { return interned.term(term) }
            if let known = numbers[label] { return known }
            let fresh = interned.freshBlankNode()
            numbers[label] = fresh
            labels.append(label)
            return fresh
        }
        for quad in dataset.quads {
            let subject = node(quad.subject, in: &self)
            // A blank predicate (generalized RDF) keeps its label: RDFC-1.0 relabels subjects, objects and graphs.
            let predicate = term(quad.predicate)
            let object = node(quad.object, in: &self)
            let graph = quad.graph.map { node($0, in: &self) } ?? .defaultGraph
            insert(Quad(subject: subject, predicate: predicate, object: object, graph: graph))
        }
        blankNodeLabels = labels
    }

    var count: Int { quads.count }
    var isEmpty: Bool { quads.isEmpty }

    /// Adds a quad unless the dataset has it already (a dataset is a set).
    mutating func insert(_ quad: Quad) {
        if (quads.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = mix(quad) & mask
        while true {
            let index = slots[slot]
            if index < 0 {
                slots[slot] = Int32(quads.count)
                quads.append(quad)
                return
            }
            if isSame(quads[Int(index)], quad) { return }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, quad) in quads.enumerated() {
            var slot = mix(quad) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    private static let seed = UInt64.random(in: .min ... .max)

    /// The hash of a literal object's bytes, or 0.
    private func literalHash(_ term: Term) -> UInt64 {
        term.raw >= 0 ? literalHashes[term.formIndex] : 0
    }

    /// Whether two quads are the same statement: the same terms, a literal object compared by its bytes.
    private func isSame(_ a: Quad, _ b: Quad) -> Bool {
        guard a.subject == b.subject, a.predicate == b.predicate, a.graph == b.graph else { return false }
        if a.object == b.object { return true }
        let hash = literalHash(a.object)
        guard hash != 0, hash == literalHash(b.object) else { return false }
        return formBytes[formRange(a.object)].elementsEqual(formBytes[formRange(b.object)])
    }

    /// A 64-bit mix of the four terms (multiply and fold, as in splitmix64), seeded per process; a literal
    /// object enters by the hash of its bytes.
    private func mix(_ quad: Quad) -> Int {
        func bits(_ term: Term) -> UInt64 { UInt64(UInt32(bitPattern: term.raw)) }
        var hash = (bits(quad.subject) | bits(quad.predicate) << 32) ^ Self.seed
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        let literal = literalHash(quad.object)
        hash ^= (literal != 0 ? literal : bits(quad.object)) ^ bits(quad.graph) << 32
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: hash ^ (hash >> 31))
    }

    /// A blank node that no other term is.
    mutating func freshBlankNode() -> Term {
        blankNodeCount += 1
        return .blankNode(blankNodeCount - 1)
    }

    /// The term of an ASCII IRI already in the dataset, if it is.
    mutating func knownASCIIIRI(_ iri: String) -> Term? {
        let address = Self.storageAddress(of: iri)
        if let address, let term = recentIRI(iri, at: address) { return term }
        guard let term = asciiIRIs[iri] else { return nil }
        if let address { recentIRIs[Self.recentSlot(address)] = RecentIRI(text: iri, address: address, term: term) }
        return term
    }

    /// The term of an absolute IRI.
    mutating func iri(_ iri: String) -> Term {
        if let known = knownASCIIIRI(iri) { return known }
        if iri.utf8.allSatisfy({ $0 < 0x80 }) {
            let term = store { $0.append(UInt8(ascii: "<")); $0.append(contentsOf: iri.utf8); $0.append(UInt8(ascii: ">")) }
            asciiIRIs[iri] = term
            return term
        }
        return intern { NQuadsSerializer.appendTerm(.iri(iri), to: &$0) }
    }

    /// An IRI string met recently, kept (so its storage stays alive) with where its bytes are.
    ///
    /// Expansion hands the walk the same `String` instances over and over (a property's or type's IRI comes from
    /// its term definition or the vocabulary memo), and hashing each one again for `asciiIRIs` was ≈ 4% of a
    /// canonicalization. A string whose bytes sit at the address of a string held here, with the same length,
    /// is that string: the held string keeps its storage alive, so no other string can live there.
    private struct RecentIRI {
        let text: String
        let address: UInt
        let term: Term
    }

    private var recentIRIs = [RecentIRI?](repeating: nil, count: 64)

    private func recentIRI(_ iri: String, at address: UInt) -> Term? {
        guard let entry = recentIRIs[Self.recentSlot(address)], entry.address == address,
            entry.text.utf8.count == iri.utf8.count
        else { return nil }
        return entry.term
    }

    private static func recentSlot(_ address: UInt) -> Int { Int(truncatingIfNeeded: (address >> 4) & 63) }

    /// Where a string's UTF-8 bytes are stored, for strings that own heap storage: small strings (up to 15
    /// bytes) are held inline, so their bytes have no lasting address.
    private static func storageAddress(of text: String) -> UInt? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? nil
    }

    /// The term of an IRI or literal (a blank node here is stored as written: only predicates reach this with one).
    mutating func term(_ term: RDFTerm) -> Term {
        switch term {
        case .iri(let text): return iri(text)
        case .literal: return literal(term)
        case .blankNode: return intern { NQuadsSerializer.appendTerm(term, to: &$0) }
        }
    }

    /// A literal's term: its form stored for this mention, with the hash of its bytes.
    private mutating func literal(_ term: RDFTerm) -> Term {
        let stored = store { NQuadsSerializer.appendTerm(term, to: &$0) }
        var hasher = Hasher()
        let range = formRange(stored)
        formBytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[range])) }
        // Never 0, which marks the forms compared by number.
        literalHashes[stored.formIndex] = UInt64(truncatingIfNeeded: hasher.finalize()) | 1
        return stored
    }

    /// The stored form `write` produces, stored unless an equal one (byte for byte) already is.
    private mutating func intern(_ write: (inout [UInt8]) -> Void) -> Term {
        scratch.removeAll(keepingCapacity: true)
        write(&scratch)
        let key = ByteString(scratch)
        if let known = otherForms[key] { return known }
        let term = store { $0.append(contentsOf: key.bytes) }
        otherForms[key] = term
        return term
    }

    private mutating func store(_ write: (inout [UInt8]) -> Void) -> Term {
        formStarts.append(formBytes.count)
        literalHashes.append(0)
        write(&formBytes)
        return .form(formStarts.count - 1)
    }

    /// The byte range of a stored form in `formBytes`.
    func formRange(_ term: Term) -> Range<Int> {
        let index = term.formIndex
        return formStarts[index]..<(index + 1 < formStarts.count ? formStarts[index + 1] : formBytes.count)
    }

    /// Whether a stored form is an IRI (written `<…>`), as opposed to a literal or a blank predicate.
    func isIRI(_ term: Term) -> Bool {
        !term.isBlankNode && term != .defaultGraph && formBytes[formStarts[term.formIndex]] == UInt8(ascii: "<")
    }
}
