/// A node or value in an RDF dataset.
public enum RDFTerm: Sendable, Hashable {
    /// An absolute IRI, without angle brackets.
    case iri(String)
    /// A blank node, by its label without the `_:` prefix.
    case blankNode(String)
    case literal(RDFLiteral)

    public var isBlankNode: Bool { if case .blankNode = self { true } else { false } }

    /// The blank-node label when this is a blank node.
    public var blankNodeLabel: String? { if case .blankNode(let label) = self { label } else { nil } }
}

/// An RDF literal: a lexical form with a datatype IRI, and a language tag for `rdf:langString`.
public struct RDFLiteral: Sendable, Hashable {
    public var lexicalForm: String
    public var datatype: String
    public var language: String?

    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    public static let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    public init(_ lexicalForm: String, datatype: String = RDFLiteral.xsdString, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = language == nil ? datatype : RDFLiteral.rdfLangString
    }
}

/// One statement of an RDF dataset; `graph` is `nil` for the default graph.
public struct RDFQuad: Sendable, Hashable {
    public var subject: RDFTerm
    public var predicate: RDFTerm
    public var object: RDFTerm
    public var graph: RDFTerm?

    public init(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// An RDF dataset: a set of quads, kept in the order they were first added.
///
/// Quads are told apart by their exact code points (their N-Quads bytes), not by Swift's `String` equality,
/// which treats canonically equivalent strings (`é` and `e` + U+0301) as equal where RDF does not.
public struct RDFDataset: Sendable, Hashable {
    public private(set) var quads: [RDFQuad] = []
    private var seen: Set<ByteString> = []

    public init() {}

    public init(_ quads: some Sequence<RDFQuad>) {
        for quad in quads { insert(quad) }
    }

    /// Adds a quad unless the dataset already has it (a dataset is a set).
    public mutating func insert(_ quad: RDFQuad) {
        if seen.insert(ByteString(NQuadsSerializer.lineBytes(quad))).inserted { quads.append(quad) }
    }

    public var count: Int { quads.count }
    public var isEmpty: Bool { quads.isEmpty }
}
