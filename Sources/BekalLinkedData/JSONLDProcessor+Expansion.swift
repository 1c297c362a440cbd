import BekalJSON

extension JSONLDProcessor {
    /// Expansion Algorithm (section 5.1.2).
    func expand(
        _ activeIn: ActiveContext, property: String?, _ element: JSONValue, baseURL: String?, fromMap: Bool = false,
        depth: Int = 0, definition known: TermDefinition?? = nil
    ) throws(LinkedDataError) -> JSONValue {
        guard depth <= options.limits.maxDepth else {
            throw LinkedDataError(.depthLimit, "JSON-LD document nests deeper than \(options.limits.maxDepth)")
        }
        var active = activeIn
        // `known` is the caller's lookup of `property` in this same context, when it made one.
        let propertyDefinition = known ?? property.flatMap { active.terms[$0] }
        let propertyScoped = propertyDefinition?.context
        switch element {
        case .null:
            return .null
        case .array(let items):
            var result: [JSONValue] = []
            for item in items {
                var expanded = try expand(
                    active, property: property, item, baseURL: baseURL, fromMap: fromMap, depth: depth + 1,
                    definition: .some(propertyDefinition))
                if propertyDefinition?.hasContainer("@list") == true, case .array(let list) = expanded {
                    expanded = .object(JSONObject([("@list", .array(list))]))
                }
                switch expanded {
                case .array(let many): result.append(contentsOf: many)
                case .null: break
                default: result.append(expanded)
                }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(
                &active, property: property, object, propertyScoped: propertyScoped, propertySource: activeIn,
                baseURL: baseURL, fromMap: fromMap, depth: depth)
        default:
            if property == nil || property == "@graph" {
                try dropped("a value outside any property")
                return .null
            }
            if propertyScoped != nil, let property {
                active = try processScopedContext(active, term: property, definedIn: activeIn, scope: .propertyValue)
                return try expandValue(active, property: property, element)
            }
            return try expandValue(active, property: property, element, definition: .some(propertyDefinition))
        }
    }

    private func expandsTo(_ active: ActiveContext, _ key: String, _ keyword: String) -> Bool {
        expandVocabulary(active, key) == keyword
    }

    private func expandObject(
        _ active: inout ActiveContext, property: String?, _ element: JSONObject, propertyScoped: JSONValue?,
        propertySource: ActiveContext, baseURL: String?, fromMap: Bool, depth: Int
    ) throws(LinkedDataError) -> JSONValue {
        if active.previous != nil && !fromMap {
            let hasValue = element.keys.contains { expandsTo(active, $0, "@value") }
            let onlyID = element.count == 1 && expandsTo(active, element.keys[0], "@id")
            if !hasValue && !onlyID, let previous = active.previous { active = previous }
        }
        if propertyScoped != nil, let property {
            active = try processScopedContext(active, term: property, definedIn: propertySource, scope: .property)
        }
        if let context = element["@context"] {
            active = try processContext(active, context, baseURL: baseURL)
        }
        let typeScoped = active
        var inputType: String?
        for key in element.keys.sorted() where expandsTo(active, key, "@type") {
            let values: [JSONValue] = if case .array(let items) = element[key] { items } else { [element[key] ?? .null] }
            for case .string(let term) in values.sorted(by: { ($0.stringValue ?? "") < ($1.stringValue ?? "") }) {
                if typeScoped.terms[term]?.context != nil {
                    active = try processScopedContext(active, term: term, definedIn: typeScoped, scope: .type)
                }
            }
            if inputType == nil, case .string(let last)? = values.last {
                inputType = expandIRI(active, last, documentRelative: true, vocab: true)
            }
        }
        var result = JSONObject()
        try expandMembers(
            &result, element, active: active, typeScoped: typeScoped, property: property, inputType: inputType,
            baseURL: baseURL, depth: depth)
        return try finish(result, property: property)
    }

    /// Step 13 and 14 of the expansion algorithm: the members of one map (and of its `@nest` maps).
    private func expandMembers(
        _ result: inout JSONObject, _ element: JSONObject, active: ActiveContext, typeScoped: ActiveContext,
        property: String?, inputType: String?, baseURL: String?, depth: Int
    ) throws(LinkedDataError) {
        var nests: [String] = []
        for (key, value) in element {
            if key == "@context" { continue }
            // A colon by code point, as the specification means it (and without walking grapheme clusters,
            // which for every member of every object was ≈ 1% of a canonicalization).
            guard let expandedProperty = expandVocabulary(active, key),
                expandedProperty.utf8.contains(UInt8(ascii: ":")) || Keyword.isKeyword(expandedProperty)
            else {
                try dropped("term", named: key)
                continue
            }
            if Keyword.isKeyword(expandedProperty) {
                if property == "@reverse" { throw .jsonLD("invalid reverse property map") }
                if result[expandedProperty] != nil && expandedProperty != "@included" && expandedProperty != "@type" {
                    throw .jsonLD("colliding keywords")
                }
                if expandedProperty == "@nest" {
                    nests.append(key)
                    continue
                }
                try expandKeyword(
                    &result, expandedProperty, value, active: active, typeScoped: typeScoped, property: property,
                    inputType: inputType, baseURL: baseURL, depth: depth)
                continue
            }
            let definition = active.terms[key]
            var expandedValue: JSONValue
            if definition?.type == "@json" {
                expandedValue = .object(JSONObject([("@value", value), ("@type", "@json")]))
            } else if definition?.hasContainer("@language") == true, case .object(let map) = value {
                expandedValue = try expandLanguageMap(active, map, definition: definition)
            } else if let definition, case .object(let map) = value,
                definition.hasContainer("@index") || definition.hasContainer("@type") || definition.hasContainer("@id")
            {
                expandedValue = try expandIndexMap(
                    active, key: key, map, definition: definition, baseURL: baseURL, depth: depth)
            } else {
                expandedValue = try expand(
                    active, property: key, value, baseURL: baseURL, depth: depth + 1, definition: .some(definition))
            }
            if expandedValue == .null { continue }
            if definition?.hasContainer("@list") == true, !isListObject(expandedValue) {
                expandedValue = .object(JSONObject([("@list", .array(asArray(expandedValue)))]))
            }
            if let definition, definition.hasContainer("@graph"), !definition.hasContainer("@id"),
                !definition.hasContainer("@index")
            {
                expandedValue = .array(asArray(expandedValue).map { .object(JSONObject([("@graph", .array(asArray($0)))])) })
            }
            if definition?.reverse == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in asArray(expandedValue) {
                    if isListObject(item) || item["@value"] != nil { throw .jsonLD("invalid reverse property value") }
                    reverseMap[expandedProperty] = .array(asArray(reverseMap[expandedProperty]) + [item])
                }
                result["@reverse"] = .object(reverseMap)
            } else if let existing = result[expandedProperty] {
                result[expandedProperty] = .array(asArray(existing) + asArray(expandedValue))
            } else {
                // The usual case, a property met once: the expanded array as it is, not a copy.
                result[expandedProperty] = expandedValue.arrayValue == nil ? .array([expandedValue]) : expandedValue
            }
        }
        for nestKey in nests.sorted() {
            var nestActive = active
            if active.terms[nestKey]?.context != nil {
                nestActive = try processScopedContext(active, term: nestKey, definedIn: active, scope: .nest)
            }
            for nested in asArray(element[nestKey]) {
                guard case .object(let nestedObject) = nested,
                    !nestedObject.keys.contains(where: { expandsTo(active, $0, "@value") })
                else { throw .jsonLD("invalid @nest value") }
                try expandMembers(
                    &result, nestedObject, active: nestActive, typeScoped: typeScoped, property: property,
                    inputType: inputType, baseURL: baseURL, depth: depth + 1)
            }
        }
    }

    /// The members a value object may have (built once: `finish` checks every value).
    private static let valueObjectKeys: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]

    /// Steps 14 to 19: value-object checks and dropping free-floating values.
    private func finish(_ resultIn: JSONObject, property: String?) throws(LinkedDataError) -> JSONValue {
        var result = resultIn
        if let value = result["@value"] {
            if result.keys.contains(where: { !Self.valueObjectKeys.contains($0) }) { throw .jsonLD("invalid value object") }
            if result["@type"] != nil && (result["@language"] != nil || result["@direction"] != nil) {
                throw .jsonLD("invalid value object")
            }
            if result["@type"] == .string("@json") {
                // Any JSON is allowed as a JSON literal.
            } else if value == .null {
                return .null
            } else {
                if result["@language"] != nil, value.stringValue == nil { throw .jsonLD("invalid language-tagged value") }
                if let type = result["@type"] {
                    guard case .string(let typeIRI) = type, IRI.isWellFormed(typeIRI), !IRI.isBlankNode(typeIRI) else {
                        throw .jsonLD("invalid typed value")
                    }
                }
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = .array([type])
        } else if result["@set"] != nil || result["@list"] != nil {
            if result.count > 2 || (result.count == 2 && result["@index"] == nil) {
                throw .jsonLD("invalid set or list object")
            }
            if let set = result["@set"] { return set }
        }
        if result.count == 1 && result["@language"] != nil { return .null }
        if property == nil || property == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil {
                if !result.isEmpty { try dropped("a value outside any node") }
                return .null
            }
            if result.count == 1 && result["@id"] != nil { return .null }
        }
        return .object(result)
    }

    func asArray(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case nil, .null?: []
        case .array(let items)?: items
        case let single?: [single]
        }
    }

    func isListObject(_ value: JSONValue) -> Bool {
        if case .object(let object) = value { object["@list"] != nil } else { false }
    }
}
