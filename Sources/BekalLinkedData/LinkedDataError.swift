/// The one error type of BekalLinkedData: what went wrong, never the content that caused it.
///
/// Messages name the kind of fault and, where it helps, a position or a term; they never quote document
/// values, which may carry personal data. Equality compares the code only.
public struct LinkedDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of fault; stable, so the CLI can map it to an exit code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case nquadsSyntax
            case canonicalizationWorkLimit
            case canonicalizationDepthLimit
            case unknownContext
            case contextCycle
            case invalidContext
            case invalidIRI
            case invalidDocument
            case undefinedTerm
            case emptyExpansion
            case depthLimit
            case outputLimit
            case invalidJSONLiteral
            case invalidProof
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// An N-Quads document does not follow the grammar.
        public static let nquadsSyntax = Code(.nquadsSyntax)
        /// RDFC-1.0 gave up: the blank-node structure needs more hashing work than allowed (a poison graph).
        public static let canonicalizationWorkLimit = Code(.canonicalizationWorkLimit)
        /// RDFC-1.0 gave up: the N-degree hash recursion went deeper than allowed.
        public static let canonicalizationDepthLimit = Code(.canonicalizationDepthLimit)
        /// A context URL is not one of the bundled contexts; Bekal never fetches contexts from the network.
        public static let unknownContext = Code(.unknownContext)
        /// Contexts import or reference each other in a loop, or nest too deeply.
        public static let contextCycle = Code(.contextCycle)
        /// A context definition is malformed (JSON-LD "invalid ..." context errors).
        public static let invalidContext = Code(.invalidContext)
        /// A value that must be an IRI is not one.
        public static let invalidIRI = Code(.invalidIRI)
        /// The document is not valid JSON-LD (JSON-LD expansion errors other than context errors).
        public static let invalidDocument = Code(.invalidDocument)
        /// Safe mode: a term or type has no IRI mapping, so expansion would silently drop it.
        public static let undefinedTerm = Code(.undefinedTerm)
        /// The document expands to nothing, so there would be nothing to sign.
        public static let emptyExpansion = Code(.emptyExpansion)
        /// The document nests deeper than allowed.
        public static let depthLimit = Code(.depthLimit)
        /// The expanded document or RDF dataset grows beyond the allowed size.
        public static let outputLimit = Code(.outputLimit)
        /// A `@json` literal cannot be canonicalized.
        public static let invalidJSONLiteral = Code(.invalidJSONLiteral)
        /// A Data Integrity proof is malformed: wrong cryptosuite, bad `proofValue` encoding, or an `@context`
        /// that does not match the document's.
        public static let invalidProof = Code(.invalidProof)

        public var description: String { kind.rawValue }
    }

    /// The kind of fault; the only thing equality compares.
    public let code: Code
    /// A fixed description plus positions or term names; never document values.
    public let message: String
    /// The JSON-LD 1.1 API error code (for example `"invalid IRI mapping"`) when the fault is one the
    /// specification names; the W3C test suite checks these.
    public let specCode: String?

    /// An error with its code, a message that quotes no document values, and the JSON-LD API error code when
    /// the specification names the fault.
    public init(_ code: Code, _ message: String, specCode: String? = nil) {
        self.code = code
        self.message = message
        self.specCode = specCode
    }

    public var description: String {
        if let specCode { "\(code): \(message) (\(specCode))" } else { "\(code): \(message)" }
    }

    public static func == (lhs: LinkedDataError, rhs: LinkedDataError) -> Bool { lhs.code == rhs.code }
}
