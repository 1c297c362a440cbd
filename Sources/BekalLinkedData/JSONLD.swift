import BekalJSON

/// JSON-LD 1.1 processing offline: expansion and conversion to an RDF dataset.
public struct JSONLD: Sendable {
    /// Where contexts come from; changing it starts a new processed-context cache.
    public var loader: any DocumentLoader {
        didSet { cache = Self.cache(loader: loader, options: options) }
    }
    /// How documents are expanded and converted; changing them starts a new processed-context cache.
    public var options: JSONLDOptions {
        didSet { cache = Self.cache(loader: loader, options: options) }
    }
    /// Processed contexts; replaced whenever the loader or options change, since results depend on them.
    private var cache: ContextCache

    /// A processor that reads contexts from `loader` (the bundled contexts by default) and works with `options`.
    public init(loader: any DocumentLoader = BundledContexts(), options: JSONLDOptions = JSONLDOptions()) {
        self.loader = loader
        self.options = options
        self.cache = Self.cache(loader: loader, options: options)
    }

    /// A processor with its own context cache (tests compare caching strategies with it).
    init(loader: any DocumentLoader, options: JSONLDOptions, cache: ContextCache) {
        self.loader = loader
        self.options = options
        self.cache = cache
    }

    private static func cache(loader: any DocumentLoader, options: JSONLDOptions) -> ContextCache {
        if loader is BundledContexts {
            return ContextCache.bundled(jsonLD11: options.jsonLD11, safeMode: options.safeMode)
        }
        return ContextCache()
    }

    /// The expanded form of `document` (JSON-LD 1.1 API `expand()`): always an array.
    public func expand(_ document: JSONValue) throws(LinkedDataError) -> [JSONValue] {
        try expand(document, processor: JSONLDProcessor(loader: loader, options: options, cache: cache))
    }

    private func expand(_ document: JSONValue, processor: JSONLDProcessor) throws(LinkedDataError) -> [JSONValue] {
        var active = ActiveContext(base: options.base)
        if let expandContext = options.expandContext {
            let context = expandContext["@context"] ?? expandContext
            active = try processor.processContext(active, context, baseURL: options.base)
        }
        var expanded = try processor.expand(active, property: nil, document, baseURL: options.base)
        if case .object(let object) = expanded, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        return processor.asArray(expanded)
    }

    /// The RDF dataset `document` denotes (JSON-LD 1.1 API `toRdf()`), blank nodes labelled `b0`, `b1`, ….
    public func toRDF(_ document: JSONValue) throws(LinkedDataError) -> RDFDataset {
        try dataset(expanded: try expand(document))
    }

    /// The dataset of `document` with blank nodes labelled in no particular order, for RDFC-1.0 only (whose output
    /// does not depend on the labels): emitted straight from the expanded form where ``ExpandedQuadEmitter``
    /// covers the document, through the node map as ``toRDF(_:)`` does otherwise.
    func datasetForCanonicalization(_ document: JSONValue) throws(LinkedDataError) -> InternedDataset {
        let expanded = try expand(document)
        if let dataset = ExpandedQuadEmitter.dataset(of: expanded, options: options) { return dataset }
        return InternedDataset(try dataset(expanded: expanded))
    }

    /// Deserialize JSON-LD to RDF the specification's way: node map, then RDF conversion.
    func dataset(expanded: [JSONValue]) throws(LinkedDataError) -> RDFDataset {
        var nodeMap = NodeMap(deduplicatesValues: options.rdfDirection == .compoundLiteral)
        var none: [JSONValue]?
        try nodeMap.generate(.array(expanded), graph: "@default", list: &none)
        var deserializer = RDFDeserializer(nodeMap: nodeMap, options: options)
        try deserializer.run()
        return deserializer.dataset
    }
}
