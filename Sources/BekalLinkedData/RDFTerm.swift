/// A node or value in an RDF dataset.
public enum RDFTerm: Sendable, Hashable {
    /// An absolute IRI, without angle brackets.
    case iri(String)
    /// A blank node, by its label without the `_:` prefix.
    case blankNode(String)
    /// A literal value.
    case literal(RDFLiteral)

    /// Whether this term is a blank node.
    public var isBlankNode: Bool { if case .blankNode = self { true } else { false } }

    /// The blank-node label when this is a blank node.
    public var blankNodeLabel: String? { if case .blankNode(let label) = self { label } else { nil } }
}

/// An RDF literal: a lexical form with a datatype IRI, and a language tag for `rdf:langString`.
public struct RDFLiteral: Sendable, Hashable {
    /// The literal's value as text (its lexical form).
    public var lexicalForm: String
    /// The datatype IRI; `rdf:langString` whenever `language` is set.
    public var datatype: String
    /// The language tag of an `rdf:langString` literal; `nil` otherwise.
    public var language: String?

    /// The IRI of `xsd:string`, the datatype of a literal with neither datatype nor language.
    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    /// The IRI of `rdf:langString`, the datatype of every language-tagged literal.
    public static let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    /// A literal; a `language` makes the datatype `rdf:langString`, whatever `datatype` says.
    public init(_ lexicalForm: String, datatype: String = RDFLiteral.xsdString, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = language == nil ? datatype : RDFLiteral.rdfLangString
    }
}

/// One statement of an RDF dataset; `graph` is `nil` for the default graph.
public struct RDFQuad: Sendable, Hashable {
    /// The subject: an IRI or a blank node.
    public var subject: RDFTerm
    /// The predicate, an IRI.
    public var predicate: RDFTerm
    /// The object: an IRI, a blank node or a literal.
    public var object: RDFTerm
    /// The graph name, or `nil` for the default graph.
    public var graph: RDFTerm?

    /// A quad; without `graph` it is in the default graph.
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
    /// The distinct quads, in the order they were first added.
    public private(set) var quads: [RDFQuad] = []
    private var seen: Set<ByteString> = []

    /// An empty dataset.
    public init() {}

    /// A dataset of `quads`, in their order, with duplicates dropped.
    public init(_ quads: some Sequence<RDFQuad>) {
        for quad in quads { insert(quad) }
    }

    /// Adds a quad unless the dataset already has it (a dataset is a set).
    public mutating func insert(_ quad: RDFQuad) {
        if seen.insert(ByteString(NQuadsSerializer.lineBytes(quad))).inserted { quads.append(quad) }
    }

    /// The number of distinct quads.
    public var count: Int { quads.count }
    /// Whether the dataset has no quads.
    public var isEmpty: Bool { quads.isEmpty }
}
