import BekalJSON

/// Node Map Generation (JSON-LD 1.1 API section 7.2): the flattened graphs RDF conversion reads.
struct NodeMap {
    /// One node of the map: property → values, with a set beside each list so adding stays linear.
    struct Node {
        var properties: [String: [JSONValue]] = [:]
        /// Serialized values: exact code points, unlike `JSONValue` equality (see ``RDFDataset``).
        var seen: [String: Set<ByteString>] = [:]
        var index: JSONValue?
    }

    /// Graph name → subject → node.
    var graphs: [String: [String: Node]] = ["@default": [:]]
    var issuer = IdentifierIssuer(prefix: "_:b")
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

    enum Subject {
        case none
        case node(String)
        case reverse(JSONValue)
    }

    private mutating func addUnique(_ value: JSONValue, graph: String, subject: String, property: String) {
        guard deduplicatesValues else {
            graphs[graph, default: [:]][subject, default: Node()].properties[property, default: []].append(value)
            return
        }
        let key = ByteString(JSONWriter.serialize(value))
        if graphs[graph, default: [:]][subject, default: Node()].seen[property, default: []].insert(key).inserted {
            graphs[graph, default: [:]][subject, default: Node()].properties[property, default: []].append(value)
        }
    }

    private mutating func append(_ value: JSONValue, graph: String, subject: String, property: String) {
        if deduplicatesValues {
            graphs[graph, default: [:]][subject, default: Node()].seen[property, default: []]
                .insert(ByteString(JSONWriter.serialize(value)))
        }
        graphs[graph, default: [:]][subject, default: Node()].properties[property, default: []].append(value)
    }

    mutating func generate(
        _ element: JSONValue, graph: String, subject: Subject = .none, property: String? = nil,
        list: inout [JSONValue]?
    ) throws(LinkedDataError) {
        if case .array(let items) = element {
            for item in items { try generate(item, graph: graph, subject: subject, property: property, list: &list) }
            return
        }
        guard case .object(var object) = element else { return }
        if graphs[graph] == nil { graphs[graph] = [:] }
        if let types = object["@type"], object["@value"] == nil {
            let relabelled = JSONValue.array(types.arrayValue.map { items in
                items.map { item -> JSONValue in
                    if case .string(let type) = item, IRI.isBlankNode(type) { return .string(label(type)) }
                    return item
                }
            } ?? [types])
            object["@type"] = relabelled
        }
        if object["@value"] != nil {
            if list == nil {
                if case .node(let subjectID) = subject, let property {
                    addUnique(.object(object), graph: graph, subject: subjectID, property: property)
                }
            } else {
                list?.append(.object(object))
            }
            return
        }
        if let listValue = object["@list"] {
            var inner: [JSONValue]? = []
            try generate(listValue, graph: graph, subject: subject, property: property, list: &inner)
            let result = JSONValue.object(JSONObject([("@list", .array(inner ?? []))]))
            if list == nil {
                if case .node(let subjectID) = subject, let property {
                    append(result, graph: graph, subject: subjectID, property: property)
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
        object["@id"] = nil
        if graphs[graph]?[id] == nil { graphs[graph, default: [:]][id] = Node() }
        switch subject {
        case .reverse(let reference):
            if let property { addUnique(reference, graph: graph, subject: id, property: property) }
        case .node(let subjectID):
            if let property {
                let reference = JSONValue.object(JSONObject([("@id", .string(id))]))
                if list == nil {
                    addUnique(reference, graph: graph, subject: subjectID, property: property)
                } else {
                    list?.append(reference)
                }
            }
        case .none:
            break
        }
        if let types = object["@type"] {
            for type in types.arrayValue ?? [] { addUnique(type, graph: graph, subject: id, property: "@type") }
            object["@type"] = nil
        }
        if let index = object["@index"] {
            if let existing = graphs[graph]?[id]?.index, existing != index { throw .jsonLD("conflicting indexes") }
            graphs[graph, default: [:]][id, default: Node()].index = index
            object["@index"] = nil
        }
        if case .object(let reverseMap)? = object["@reverse"] {
            let reference = JSONValue.object(JSONObject([("@id", .string(id))]))
            for (reverseProperty, values) in reverseMap {
                for value in values.arrayValue ?? [values] {
                    var none: [JSONValue]?
                    try generate(value, graph: graph, subject: .reverse(reference), property: reverseProperty, list: &none)
                }
            }
            object["@reverse"] = nil
        }
        if let graphValue = object["@graph"] {
            var none: [JSONValue]?
            try generate(graphValue, graph: id, list: &none)
            object["@graph"] = nil
        }
        if let included = object["@included"] {
            var none: [JSONValue]?
            try generate(included, graph: graph, list: &none)
            object["@included"] = nil
        }
        for key in object.keys.sorted() {
            guard let value = object[key] else { continue }
            let propertyName = IRI.isBlankNode(key) ? label(key) : key
            if graphs[graph]?[id]?.properties[propertyName] == nil {
                graphs[graph, default: [:]][id, default: Node()].properties[propertyName] = []
            }
            var none: [JSONValue]?
            try generate(value, graph: graph, subject: .node(id), property: propertyName, list: &none)
        }
    }
}
