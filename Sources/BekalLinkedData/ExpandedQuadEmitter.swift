import BekalJSON

/// Deserialize JSON-LD to RDF straight from the expanded form, without the node map, for canonicalization.
///
/// The specification's route (``NodeMap`` then ``RDFDeserializer``) flattens the expanded tree into a second tree
/// of nodes before writing a quad; on a Bekal export that costs about as much as expansion itself. A quad does
/// not depend on where in the document its node was met, so walking the expanded form once and emitting each
/// statement where it stands gives the same set of quads, with blank nodes labelled in another order, which
/// RDFC-1.0 makes irrelevant: only canonical N-Quads may be built from this dataset (``JSONLD/toRDF(_:)`` keeps
/// the specification's labels).
///
/// It covers documents where nothing is dropped: every identifier, type, property and datatype an ASCII absolute
/// IRI or a blank node, no `@index` on nodes (the node map refuses conflicting ones), no `@direction`, no
/// keyword it does not know. Anything else makes ``dataset(of:)`` answer `nil`, and the caller takes the
/// specification's route, which decides what to drop or refuse. ASCII keeps `String` equality (canonical
/// equivalence, which the node map's dictionaries use) the same as RDF's code-point equality.
struct ExpandedQuadEmitter {
    typealias Term = InternedDataset.Term

    /// Why the walk stopped: the document needs the specification's route.
    struct Unsupported: Error {}

    let options: JSONLDOptions
    private var dataset = InternedDataset()
    /// Document blank-node labels → the blank nodes given to them here.
    private var blankNodes: [String: Term] = [:]
    // Interned once: they go into every quad of their kind.
    private let rdfType: Term
    private let rdfFirst: Term
    private let rdfRest: Term
    private let rdfNil: Term

    init(options: JSONLDOptions) {
        self.options = options
        rdfType = dataset.iri(RDFDeserializer.rdfType)
        rdfFirst = dataset.iri(RDFDeserializer.rdfFirst)
        rdfRest = dataset.iri(RDFDeserializer.rdfRest)
        rdfNil = dataset.iri(RDFDeserializer.rdfNil)
    }

    /// The dataset of an expanded document, or `nil` when it needs the node map (see the type's notes).
    static func dataset(of expanded: [JSONValue], options: JSONLDOptions) -> InternedDataset? {
        guard options.rdfDirection == nil else { return nil }
        var emitter = ExpandedQuadEmitter(options: options)
        do {
            for item in expanded {
                guard case .object(let object) = item else { throw Unsupported() }
                // Free-floating values are dropped by expansion already; lists there would need the node map.
                if object["@value"] != nil { continue }
                guard object["@list"] == nil else { throw Unsupported() }
                _ = try emitter.node(object, graph: .defaultGraph)
            }
        } catch {
            return nil
        }
        return emitter.dataset
    }

    private mutating func emit(_ subject: Term, _ predicate: Term, _ object: Term, _ graph: Term) throws(Unsupported) {
        dataset.insert(InternedDataset.Quad(subject: subject, predicate: predicate, object: object, graph: graph))
        // Over the limit the specification's route reports it, after whatever it would refuse first.
        if dataset.count > options.limits.maxQuads { throw Unsupported() }
    }

    private mutating func freshBlankNode() -> Term { dataset.freshBlankNode() }

    /// The term of a node identifier or type: a relabelled blank node or an ASCII absolute IRI.
    private mutating func term(_ id: String) throws(Unsupported) -> Term {
        if IRI.isBlankNode(id) {
            guard id.utf8.allSatisfy({ $0 < 0x80 }) else { throw Unsupported() }
            if let known = blankNodes[id] { return known }
            let fresh = freshBlankNode()
            blankNodes[id] = fresh
            return fresh
        }
        return try checkedIRI(id)
    }

    /// The term of an IRI the walk meets (identifier, type or property): an ASCII absolute IRI, checked the
    /// first time it is met (the same few properties and types recur at every node).
    private mutating func checkedIRI(_ iri: String) throws(Unsupported) -> Term {
        if let known = dataset.knownASCIIIRI(iri) { return known }
        guard !IRI.isBlankNode(iri), IRI.isWellFormed(iri, asciiOnly: true) else { throw Unsupported() }
        return dataset.iri(iri)
    }

    /// Emits a node object's statements in `graph` (and those of the nodes it embeds); returns its subject.
    private mutating func node(_ object: JSONObject, graph: Term) throws(Unsupported) -> Term {
        let subject: Term
        if let id = object["@id"] {
            guard case .string(let given) = id else { throw Unsupported() }
            subject = try term(given)
        } else {
            subject = freshBlankNode()
        }
        for (key, value) in object {
            if key.utf8.first != UInt8(ascii: "@") {
                guard case .array(let items) = value else { throw Unsupported() }
                let predicate = try checkedIRI(key)
                for item in items { try emit(subject, predicate, try objectTerm(item, graph: graph), graph) }
                continue
            }
            switch key {
            case "@id":
                continue
            case "@type":
                guard case .array(let types) = value else { throw Unsupported() }
                for type in types {
                    guard case .string(let name) = type else { throw Unsupported() }
                    try emit(subject, rdfType, try term(name), graph)
                }
            case "@reverse":
                guard case .object(let reverseMap) = value else { throw Unsupported() }
                for (property, values) in reverseMap {
                    guard case .array(let items) = values else { throw Unsupported() }
                    let predicate = try checkedIRI(property)
                    for item in items {
                        guard case .object(let referrer) = item, referrer["@value"] == nil, referrer["@list"] == nil
                        else { throw Unsupported() }
                        try emit(try node(referrer, graph: graph), predicate, subject, graph)
                    }
                }
            case "@graph":
                try nodes(value, graph: subject)
            case "@included":
                try nodes(value, graph: graph)
            default:
                throw Unsupported()  // @index (conflicts are the node map's to find) and anything unexpected
            }
        }
        return subject
    }

    /// The node objects of a `@graph` or `@included` array; free-floating values there are not statements.
    private mutating func nodes(_ value: JSONValue, graph: Term) throws(Unsupported) {
        guard case .array(let items) = value else { throw Unsupported() }
        for item in items {
            guard case .object(let object) = item else { throw Unsupported() }
            if object["@value"] != nil { continue }
            guard object["@list"] == nil else { throw Unsupported() }
            _ = try node(object, graph: graph)
        }
    }

    /// Object to RDF (section 8.1.3) of a property value: a literal, a list, or a node (embedded or referenced).
    private mutating func objectTerm(_ item: JSONValue, graph: Term) throws(Unsupported) -> Term {
        guard case .object(let object) = item else { throw Unsupported() }
        if let value = object["@value"] { return try literal(object, value: value) }
        if let list = object["@list"] {
            guard case .array(let items) = list else { throw Unsupported() }
            return try listTerm(items, graph: graph)
        }
        return try node(object, graph: graph)
    }

    private mutating func literal(_ object: JSONObject, value: JSONValue) throws(Unsupported) -> Term {
        guard object["@direction"] == nil else { throw Unsupported() }
        var datatype: String?
        if let type = object["@type"] {
            guard case .string(let name) = type, name == "@json" || IRI.isWellFormed(name, asciiOnly: true) else {
                throw Unsupported()
            }
            datatype = name
        }
        var language: String?
        if let tag = object["@language"] {
            guard case .string(let name) = tag, RDFDeserializer.isWellFormedLanguage(name) else { throw Unsupported() }
            language = name
        }
        guard let literal = try? RDFDeserializer.literal(value, datatype: datatype, language: language) else {
            throw Unsupported()
        }
        return dataset.term(.literal(literal))
    }

    /// List to RDF (section 8.1.4).
    private mutating func listTerm(_ items: [JSONValue], graph: Term) throws(Unsupported) -> Term {
        guard !items.isEmpty else { return rdfNil }
        let head = freshBlankNode()
        var cell = head
        for (offset, item) in items.enumerated() {
            try emit(cell, rdfFirst, try objectTerm(item, graph: graph), graph)
            let rest = offset + 1 < items.count ? freshBlankNode() : rdfNil
            try emit(cell, rdfRest, rest, graph)
            cell = rest
        }
        return head
    }
}
