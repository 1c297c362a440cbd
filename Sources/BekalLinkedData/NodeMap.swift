import BekalJSON

/// Node Map Generation (JSON-LD 1.1 API section 7.2): the flattened graphs RDF conversion reads.
///
/// Graphs and nodes live in arrays and are found by position once per node object, so adding a value costs
/// one dictionary lookup (its property) rather than one per level of a nested dictionary; the expanded
/// objects are read, never copied to remove the keywords already handled.
struct NodeMap {
    /// One node of the map: property → values, with a set beside each list so adding stays linear.
    struct Node {
        var properties: [String: [JSONValue]] = [:]
        /// Serialized values: exact code points, unlike `JSONValue` equality (see ``RDFDataset``).
        var seen: [String: Set<ByteString>] = [:]
        var index: JSONValue?
    }

    /// One graph: its subjects in order of first appearance, and their nodes.
    struct Graph {
        private var positions: [String: Int] = [:]
        private(set) var ids: [String] = []
        var nodes: [Node] = []

        /// The position of `id`'s node, added empty if the graph does not have it yet.
        mutating func position(of id: String) -> Int {
            if let known = positions[id] { return known }
            positions[id] = nodes.count
            ids.append(id)
            nodes.append(Node())
            return nodes.count - 1
        }
    }

    private var graphPositions: [String: Int] = ["@default": 0]
    /// Graph names, `@default` first; `graphs[i]` is the graph named `graphNames[i]`.
    private(set) var graphNames: [String] = ["@default"]
    var graphs: [Graph] = [Graph()]
    var issuer = IdentifierIssuer<String>(prefix: "_:b")
    /// Whether a property keeps each value once, as the specification's node map does. RDF conversion can
    /// skip it: equal values give equal quads, which ``RDFDataset`` keeps once anyway. The one exception is
    /// the compound-literal `rdfDirection`, where every value with a direction becomes a fresh blank node.
    let deduplicatesValues: Bool

    init(deduplicatesValues: Bool = true) {
        self.deduplicatesValues = deduplicatesValues
    }

    mutating func label(_ blankNode: String) -> String { issuer.issue(blankNode) }

    mutating func freshLabel() -> String {
        // Counter-only labels never collide with document labels, which are relabelled through `issue`.
        issuer.issue("\u{0}fresh" + String(issuer.counter))
    }

    private mutating func graphPosition(_ name: String) -> Int {
        if let known = graphPositions[name] { return known }
        graphPositions[name] = graphs.count
        graphNames.append(name)
        graphs.append(Graph())
        return graphs.count - 1
    }

    /// The subject values are added to: a node (by its position in the graph being generated), or, under
    /// `@reverse`, the reference to the node that will receive them.
    enum Subject {
        case none
        case node(Int)
        case reverse(JSONValue)
    }

    private mutating func addUnique(_ value: JSONValue, graph: Int, node: Int, property: String) {
        guard deduplicatesValues else {
            graphs[graph].nodes[node].properties[property, default: []].append(value)
            return
        }
        let key = ByteString(JSONWriter.serialize(value))
        if graphs[graph].nodes[node].seen[property, default: []].insert(key).inserted {
            graphs[graph].nodes[node].properties[property, default: []].append(value)
        }
    }

    private mutating func append(_ value: JSONValue, graph: Int, node: Int, property: String) {
        if deduplicatesValues {
            graphs[graph].nodes[node].seen[property, default: []].insert(ByteString(JSONWriter.serialize(value)))
        }
        graphs[graph].nodes[node].properties[property, default: []].append(value)
    }

    /// Members of a node object handled before its properties.
    private static let handledKeys: Set<String> = ["@id", "@type", "@index", "@reverse", "@graph", "@included"]

    mutating func generate(
        _ element: JSONValue, graph graphName: String, subject: Subject = .none, property: String? = nil,
        list: inout [JSONValue]?
    ) throws(LinkedDataError) {
        if case .array(let items) = element {
            for item in items { try generate(item, graph: graphName, subject: subject, property: property, list: &list) }
            return
        }
        guard case .object(let object) = element else { return }
        let graph = graphPosition(graphName)
        if object["@value"] != nil {
            if list == nil {
                if case .node(let subjectNode) = subject, let property {
                    addUnique(element, graph: graph, node: subjectNode, property: property)
                }
            } else {
                list?.append(element)
            }
            return
        }
        let types: JSONValue? = object["@type"].map { types in
            JSONValue.array(types.arrayValue.map { items in
                items.map { item -> JSONValue in
                    if case .string(let type) = item, IRI.isBlankNode(type) { return .string(label(type)) }
                    return item
                }
            } ?? [types])
        }
        if let listValue = object["@list"] {
            var inner: [JSONValue]? = []
            try generate(listValue, graph: graphName, subject: subject, property: property, list: &inner)
            let result = JSONValue.object(JSONObject([("@list", .array(inner ?? []))]))
            if list == nil {
                if case .node(let subjectNode) = subject, let property {
                    append(result, graph: graph, node: subjectNode, property: property)
                }
            } else {
                list?.append(result)
            }
            return
        }
        let id: String
        if case .string(let given)? = object["@id"] {
            id = IRI.isBlankNode(given) ? label(given) : given
        } else if object["@id"] == .null {
            id = ""  // an @id that expanded to nothing: kept apart, never well-formed, so never in RDF
        } else {
            id = freshLabel()
        }
        let node = graphs[graph].position(of: id)
        switch subject {
        case .reverse(let reference):
            if let property { addUnique(reference, graph: graph, node: node, property: property) }
        case .node(let subjectNode):
            if let property {
                let reference = JSONValue.object(JSONObject([("@id", .string(id))]))
                if list == nil {
                    addUnique(reference, graph: graph, node: subjectNode, property: property)
                } else {
                    list?.append(reference)
                }
            }
        case .none:
            break
        }
        if let types {
            for type in types.arrayValue ?? [] { addUnique(type, graph: graph, node: node, property: "@type") }
        }
        if let index = object["@index"] {
            if let existing = graphs[graph].nodes[node].index, existing != index { throw .jsonLD("conflicting indexes") }
            graphs[graph].nodes[node].index = index
        }
        if case .object(let reverseMap)? = object["@reverse"] {
            let reference = JSONValue.object(JSONObject([("@id", .string(id))]))
            for (reverseProperty, values) in reverseMap {
                for value in values.arrayValue ?? [values] {
                    var none: [JSONValue]?
                    try generate(
                        value, graph: graphName, subject: .reverse(reference), property: reverseProperty, list: &none)
                }
            }
        }
        if let graphValue = object["@graph"] {
            var none: [JSONValue]?
            try generate(graphValue, graph: id, list: &none)
        }
        if let included = object["@included"] {
            var none: [JSONValue]?
            try generate(included, graph: graphName, list: &none)
        }
        for key in object.keys.sorted() where !Self.handledKeys.contains(key) {
            guard let value = object[key] else { continue }
            let propertyName = IRI.isBlankNode(key) ? label(key) : key
            if graphs[graph].nodes[node].properties[propertyName] == nil {
                graphs[graph].nodes[node].properties[propertyName] = []
            }
            var none: [JSONValue]?
            try generate(value, graph: graphName, subject: .node(node), property: propertyName, list: &none)
        }
    }
}
