import BekalJSON

/// How a JSON-LD document is expanded and turned into RDF.
public struct JSONLDOptions: Sendable {
    /// The document's own URL, against which relative IRIs resolve; `nil` leaves them relative.
    public var base: String?
    /// A context applied before the document's own (`expandContext` in the JSON-LD API).
    public var expandContext: JSONValue?
    /// `false` runs in `json-ld-1.0` processing mode.
    public var jsonLD11: Bool
    /// Safe mode: any term, type or value that expansion or RDF conversion would silently drop is an error
    /// (``LinkedDataError/Code/undefinedTerm``), so a signature covers the whole document.
    public var safeMode: Bool
    /// How `@direction` reaches RDF; `nil` (the default, as in the specification) drops directions.
    public var rdfDirection: RDFDirection?
    /// Bounds on the work one document may cause.
    public var limits: JSONLDLimits

    /// Options with the given values; by default JSON-LD 1.1, no base or expand context, safe mode off and
    /// directions dropped.
    public init(
        base: String? = nil, expandContext: JSONValue? = nil, jsonLD11: Bool = true, safeMode: Bool = false,
        rdfDirection: RDFDirection? = nil, limits: JSONLDLimits = JSONLDLimits()
    ) {
        self.base = base
        self.expandContext = expandContext
        self.jsonLD11 = jsonLD11
        self.safeMode = safeMode
        self.rdfDirection = rdfDirection
        self.limits = limits
    }
}

/// The JSON-LD `rdfDirection` option.
public enum RDFDirection: String, Sendable {
    /// The datatype `https://www.w3.org/ns/i18n#<language>_<direction>`.
    case i18nDatatype = "i18n-datatype"
    /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
    case compoundLiteral = "compound-literal"
}

/// Bounds on the work one document may cause.
public struct JSONLDLimits: Sendable {
    /// The deepest element nesting expansion follows.
    public var maxDepth: Int
    /// The most remote contexts loaded in one chain (a guard against cycles and overflow).
    public var maxRemoteContexts: Int
    /// The most context-processing steps (scoped contexts included) for one document.
    public var maxContextProcessing: Int
    /// The most quads the RDF conversion may produce.
    public var maxQuads: Int

    /// Limits with the given bounds; each defaults to the bound Bekal uses.
    public init(maxDepth: Int = 64, maxRemoteContexts: Int = 32, maxContextProcessing: Int = 100_000, maxQuads: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxRemoteContexts = maxRemoteContexts
        self.maxContextProcessing = maxContextProcessing
        self.maxQuads = maxQuads
    }
}

extension LinkedDataError {
    /// An error the JSON-LD 1.1 API names, mapped to Bekal's codes.
    static func jsonLD(_ specCode: String, _ detail: String = "") -> LinkedDataError {
        let code: Code
        switch specCode {
        case "invalid IRI mapping", "invalid base IRI", "invalid vocab mapping", "invalid @id value":
            code = .invalidIRI
        case "recursive context inclusion", "context overflow", "cyclic IRI mapping":
            code = .contextCycle
        case "loading remote context failed", "loading document failed":
            code = .unknownContext
        case "invalid value object", "invalid value object value", "invalid typed value", "invalid set or list object",
            "invalid language-tagged string", "invalid language-tagged value", "invalid @index value",
            "invalid @reverse value", "invalid reverse property map", "invalid reverse property value",
            "invalid type value", "colliding keywords", "invalid @included value", "list of lists",
            "invalid language map value", "invalid @nest value", "conflicting indexes":
            code = .invalidDocument
        default:
            code = .invalidContext
        }
        let message = detail.isEmpty ? "JSON-LD: \(specCode)" : "JSON-LD: \(specCode): \(detail)"
        return LinkedDataError(code, message, specCode: specCode)
    }
}
