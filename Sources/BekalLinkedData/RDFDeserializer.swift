import BekalJSON
import Foundation

/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API section 8.1), from the node map.
struct RDFDeserializer {
    var nodeMap: NodeMap
    let options: JSONLDOptions
    var dataset = RDFDataset()

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    // Built once: these IRIs go into every quad of their kind.
    static let rdfDirection = rdf + "direction"
    static let rdfFirst = rdf + "first"
    static let rdfJSON = rdf + "JSON"
    static let rdfLanguage = rdf + "language"
    static let rdfNil = rdf + "nil"
    static let rdfRest = rdf + "rest"
    static let rdfType = rdf + "type"
    static let rdfValue = rdf + "value"
    static let xsdBoolean = xsd + "boolean"
    static let xsdDouble = xsd + "double"
    static let xsdInteger = xsd + "integer"

    init(nodeMap: NodeMap, options: JSONLDOptions) {
        self.nodeMap = nodeMap
        self.options = options
    }

    private func term(_ id: String) -> RDFTerm? {
        if IRI.isBlankNode(id) { return .blankNode(String(id.dropFirst(2))) }
        return IRI.isWellFormed(id) ? .iri(id) : nil
    }

    private func dropped(_ what: String) throws(LinkedDataError) {
        if options.safeMode {
            throw LinkedDataError(.undefinedTerm, "safe mode: \(what) is not an absolute IRI and would be dropped")
        }
    }

    private mutating func emit(_ quad: RDFQuad) throws(LinkedDataError) {
        dataset.insert(quad)
        if dataset.count > options.limits.maxQuads {
            throw LinkedDataError(.outputLimit, "RDF dataset has more than \(options.limits.maxQuads) quads")
        }
    }

    mutating func run() throws(LinkedDataError) {
        let graphNames = nodeMap.graphNames
        for graphPosition in graphNames.indices.sorted(by: { graphNames[$0] < graphNames[$1] }) {
            let graphName = graphNames[graphPosition]
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else if let named = term(graphName) {
                graphTerm = named
            } else {
                try dropped("a graph name")
                continue
            }
            let graph = nodeMap.graphs[graphPosition]
            let ids = graph.ids
            for position in ids.indices.sorted(by: { ids[$0] < ids[$1] }) {
                let subjectID = ids[position]
                let node = graph.nodes[position]
                guard let subject = term(subjectID) else {
                    try dropped("a node identifier")
                    continue
                }
                for property in node.properties.keys.sorted() {
                    let values = node.properties[property] ?? []
                    if property == "@type" {
                        for case .string(let type) in values {
                            guard let object = term(type) else {
                                try dropped("a type")
                                continue
                            }
                            try emit(RDFQuad(subject, .iri(Self.rdfType), object, graph: graphTerm))
                        }
                        continue
                    }
                    if Keyword.isKeyword(property) { continue }
                    if IRI.isBlankNode(property) {
                        try dropped("a blank-node property")
                        continue
                    }
                    guard IRI.isWellFormed(property) else {
                        try dropped("a property")
                        continue
                    }
                    for item in values {
                        if let object = try objectToRDF(item, graph: graphTerm) {
                            try emit(RDFQuad(subject, .iri(property), object, graph: graphTerm))
                        }
                    }
                }
            }
        }
    }

    /// Object to RDF (section 8.1.3).
    mutating func objectToRDF(_ item: JSONValue, graph: RDFTerm?) throws(LinkedDataError) -> RDFTerm? {
        guard case .object(let object) = item else { return nil }
        if object["@value"] == nil, object["@list"] == nil {
            guard case .string(let id)? = object["@id"], let node = term(id) else {
                try dropped("a node reference")
                return nil
            }
            return node
        }
        if case .array(let list)? = object["@list"] { return try listToRDF(list, graph: graph) }
        guard let value = object["@value"] else { return nil }
        let datatype = object["@type"]?.stringValue
        if let type = datatype, type != "@json", !IRI.isWellFormed(type) {
            try dropped("a datatype")
            return nil
        }
        let language = object["@language"]?.stringValue
        if let language, !Self.isWellFormedLanguage(language) { return nil }
        guard let literal = try Self.literal(value, datatype: datatype, language: language) else { return nil }
        if let direction = object["@direction"]?.stringValue, let mode = options.rdfDirection {
            switch mode {
            case .i18nDatatype:
                let tag = (language ?? "").lowercased()
                return .literal(RDFLiteral(literal.lexicalForm, datatype: "https://www.w3.org/ns/i18n#\(tag)_\(direction)"))
            case .compoundLiteral:
                let label = String(nodeMap.freshLabel().dropFirst(2))
                let node = RDFTerm.blankNode(label)
                try emit(RDFQuad(node, .iri(Self.rdfValue), .literal(RDFLiteral(literal.lexicalForm)), graph: graph))
                if let language {
                    try emit(RDFQuad(node, .iri(Self.rdfLanguage), .literal(RDFLiteral(language.lowercased())), graph: graph))
                }
                try emit(RDFQuad(node, .iri(Self.rdfDirection), .literal(RDFLiteral(direction)), graph: graph))
                return node
            }
        }
        return .literal(literal)
    }

    /// The literal of a value object's `@value` with its `@type` (`@json` or an IRI the caller has checked) and
    /// `@language` (checked too), leaving `@direction` to the caller; `nil` for a value RDF has no literal for.
    /// - Throws: ``LinkedDataError/Code/invalidJSONLiteral`` when a `@json` value cannot be canonicalized.
    static func literal(_ value: JSONValue, datatype given: String?, language: String?) throws(LinkedDataError) -> RDFLiteral? {
        var datatype = given
        let lexical: String
        if datatype == "@json" {
            guard let bytes = try? JCS.canonicalize(value) else {
                throw LinkedDataError(.invalidJSONLiteral, "a @json literal cannot be canonicalized")
            }
            lexical = String(decoding: bytes, as: UTF8.self)
            datatype = Self.rdfJSON
        } else {
            switch value {
            case .bool(let flag):
                lexical = flag ? "true" : "false"
                if datatype == nil { datatype = Self.xsdBoolean }
            case .number(let number):
                if number.rounded(.towardZero) != number || abs(number) >= 1e21 || datatype == Self.xsdDouble {
                    lexical = Self.canonicalDouble(number)
                    if datatype == nil { datatype = Self.xsdDouble }
                } else {
                    lexical = Self.canonicalInteger(number)
                    if datatype == nil { datatype = Self.xsdInteger }
                }
            case .string(let string):
                lexical = string
            default:
                return nil
            }
        }
        if let language, datatype == nil { return RDFLiteral(lexical, language: language) }
        return RDFLiteral(lexical, datatype: datatype ?? RDFLiteral.xsdString)
    }

    /// List to RDF (section 8.1.4).
    mutating func listToRDF(_ list: [JSONValue], graph: RDFTerm?) throws(LinkedDataError) -> RDFTerm {
        guard !list.isEmpty else { return .iri(Self.rdfNil) }
        let labels = list.map { _ in nodeMap.freshLabel() }
        for (offset, item) in list.enumerated() {
            let subject = RDFTerm.blankNode(String(labels[offset].dropFirst(2)))
            if let object = try objectToRDF(item, graph: graph) {
                try emit(RDFQuad(subject, .iri(Self.rdfFirst), object, graph: graph))
            }
            let rest: RDFTerm = offset + 1 < labels.count
                ? .blankNode(String(labels[offset + 1].dropFirst(2))) : .iri(Self.rdfNil)
            try emit(RDFQuad(subject, .iri(Self.rdfRest), rest, graph: graph))
        }
        return .blankNode(String(labels[0].dropFirst(2)))
    }

    static func isWellFormedLanguage(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// An integral double below 10^21 in decimal digits; beyond Int64 it is formatted, never converted,
    /// so a large number is never a trap.
    static func canonicalInteger(_ number: Double) -> String {
        if number == 0 { return "0" }
        if abs(number) < 9.0e18 { return String(Int64(number)) }
        return String(format: "%.0f", number)
    }

    /// The canonical xsd:double form JSON-LD uses: `1.5E1`, `1.0E0`.
    static func canonicalDouble(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "NaN" : (number > 0 ? "INF" : "-INF") }
        let formatted = String(format: "%.15E", number)
        guard let e = formatted.firstIndex(of: "E") else { return formatted }
        var mantissa = String(formatted[..<e])
        while mantissa.hasSuffix("0") && !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        let exponent = Int(formatted[formatted.index(after: e)...]) ?? 0
        return mantissa + "E" + String(exponent)
    }
}
