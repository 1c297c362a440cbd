import BekalJSON

extension JSONLDProcessor {
    /// Step 13.4 of the expansion algorithm: one member whose key expands to a keyword.
    func expandKeyword(
        _ result: inout JSONObject, _ keyword: String, _ value: JSONValue, active: ActiveContext,
        typeScoped: ActiveContext, property: String?, inputType: String?, baseURL: String?, depth: Int
    ) throws(LinkedDataError) {
        var expandedValue: JSONValue = .null
        switch keyword {
        case "@id":
            guard case .string(let id) = value else { throw .jsonLD("invalid @id value") }
            guard let expanded = expandIRI(active, id, documentRelative: true) else {
                try dropped("an @id")
                result["@id"] = .null
                return
            }
            expandedValue = .string(expanded)
        case "@type":
            var types: [JSONValue] = []
            switch value {
            case .string(let type):
                types = [.string(try expandType(typeScoped, type))]
            case .array(let items):
                for item in items {
                    guard case .string(let type) = item else { throw .jsonLD("invalid type value") }
                    types.append(.string(try expandType(typeScoped, type)))
                }
            default: throw .jsonLD("invalid type value")
            }
            if let existing = result["@type"] {
                expandedValue = .array(asArray(existing) + types)
            } else {
                expandedValue = value.arrayValue == nil ? types[0] : .array(types)
            }
        case "@graph":
            expandedValue = .array(asArray(try expand(active, property: "@graph", value, baseURL: baseURL, depth: depth + 1)))
        case "@included":
            guard isJSONLD11 else { return }
            let included = asArray(try expand(active, property: "@included", value, baseURL: baseURL, depth: depth + 1))
            for item in included {
                guard case .object(let node) = item, node["@value"] == nil, node["@list"] == nil, node["@set"] == nil else {
                    throw .jsonLD("invalid @included value")
                }
            }
            expandedValue = .array(asArray(result["@included"]) + included)
        case "@value":
            if inputType == "@json" {
                guard isJSONLD11 else { throw .jsonLD("invalid value object value") }
                result["@value"] = value
                return
            }
            switch value {
            case .null:
                result["@value"] = .null
                return
            case .string, .number, .bool: expandedValue = value
            default: throw .jsonLD("invalid value object value")
            }
        case "@language":
            guard case .string(let language) = value else { throw .jsonLD("invalid language-tagged string") }
            expandedValue = .string(language.lowercased())
        case "@direction":
            guard isJSONLD11 else { return }
            guard value == "ltr" || value == "rtl" else { throw .jsonLD("invalid base direction") }
            expandedValue = value
        case "@index":
            guard case .string = value else { throw .jsonLD("invalid @index value") }
            expandedValue = value
        case "@list":
            if property == nil || property == "@graph" {
                try dropped("a list outside any property")
                return
            }
            expandedValue = .array(asArray(try expand(active, property: property, value, baseURL: baseURL, depth: depth + 1)))
        case "@set":
            expandedValue = try expand(active, property: property, value, baseURL: baseURL, depth: depth + 1)
        case "@reverse":
            guard case .object = value else { throw .jsonLD("invalid @reverse value") }
            let expanded = try expand(active, property: "@reverse", value, baseURL: baseURL, depth: depth + 1)
            guard case .object(let reverseObject) = expanded else { return }
            if case .object(let doubleReverse)? = reverseObject["@reverse"] {
                for (reverseProperty, item) in doubleReverse {
                    result[reverseProperty] = .array(asArray(result[reverseProperty]) + asArray(item))
                }
            }
            if reverseObject.keys.contains(where: { $0 != "@reverse" }) {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for (reverseProperty, items) in reverseObject where reverseProperty != "@reverse" {
                    for item in asArray(items) {
                        if isListObject(item) || item["@value"] != nil { throw .jsonLD("invalid reverse property value") }
                        reverseMap[reverseProperty] = .array(asArray(reverseMap[reverseProperty]) + [item])
                    }
                }
                result["@reverse"] = .object(reverseMap)
            }
            return
        default:
            // Framing keywords and others have no meaning in expansion.
            return
        }
        if expandedValue != .null || keyword == "@value" {
            result[keyword] = expandedValue
        }
    }

    private func expandType(_ typeScoped: ActiveContext, _ type: String) throws(LinkedDataError) -> String {
        guard let expanded = expandIRI(typeScoped, type, documentRelative: true, vocab: true) else {
            try dropped("type", named: type)
            return type
        }
        if options.safeMode && !IRI.isAbsolute(expanded) && !IRI.isBlankNode(expanded) {
            try dropped("type", named: type)
        }
        return expanded
    }

    /// Step 13.7: a language map.
    func expandLanguageMap(_ active: ActiveContext, _ map: JSONObject, definition: TermDefinition?) throws(LinkedDataError) -> JSONValue {
        var items: [JSONValue] = []
        let direction: String? = if let mapped = definition?.direction { mapped } else { active.defaultDirection }
        for language in map.keys.sorted() {
            for item in asArray(map[language]) where item != .null {
                guard case .string = item else { throw .jsonLD("invalid language map value") }
                var value = JSONObject([("@value", item)])
                if language != "@none", (expandIRI(active, language, vocab: true)) != "@none" {
                    value["@language"] = .string(language.lowercased())
                }
                if let direction { value["@direction"] = .string(direction) }
                items.append(.object(value))
            }
        }
        return .array(items)
    }

    /// Step 13.8: an index, id or type map.
    func expandIndexMap(
        _ active: ActiveContext, key: String, _ map: JSONObject, definition: TermDefinition, baseURL: String?, depth: Int
    ) throws(LinkedDataError) -> JSONValue {
        var items: [JSONValue] = []
        let indexKey = definition.index ?? "@index"
        for index in map.keys.sorted() {
            var mapContext = active
            if definition.hasContainer("@id") || definition.hasContainer("@type") {
                mapContext = active.previous ?? active
            }
            if definition.hasContainer("@type"), let indexDefinition = mapContext.terms[index],
                let scoped = indexDefinition.context
            {
                mapContext = try processContext(mapContext, scoped, baseURL: indexDefinition.baseURL)
            } else if !definition.hasContainer("@type") {
                mapContext = active
            }
            let expandedIndex = expandIRI(active, index, vocab: true)
            let indexValue = asArray(map[index])
            let expanded = asArray(try expand(
                mapContext, property: key, .array(indexValue), baseURL: baseURL, fromMap: true, depth: depth + 1))
            for var item in expanded {
                if definition.hasContainer("@graph"), item["@graph"] == nil {
                    item = .object(JSONObject([("@graph", .array(asArray(item)))]))
                }
                guard case .object(var object) = item else { continue }
                if definition.hasContainer("@index"), indexKey != "@index", expandedIndex != "@none" {
                    let reExpanded = try expandValue(active, property: indexKey, .string(index))
                    guard let indexProperty = expandIRI(active, indexKey, vocab: true) else { continue }
                    object[indexProperty] = .array([reExpanded] + asArray(object[indexProperty]))
                    if object["@value"] != nil { throw .jsonLD("invalid value object") }
                } else if definition.hasContainer("@index"), object["@index"] == nil, expandedIndex != "@none" {
                    object["@index"] = .string(index)
                } else if definition.hasContainer("@id"), object["@id"] == nil, expandedIndex != "@none" {
                    object["@id"] = expandIRI(active, index, documentRelative: true).map(JSONValue.string) ?? .null
                } else if definition.hasContainer("@type"), expandedIndex != "@none", let expandedIndex {
                    object["@type"] = .array([.string(expandedIndex)] + asArray(object["@type"]))
                }
                items.append(.object(object))
            }
        }
        return .array(items)
    }
}
