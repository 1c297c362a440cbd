import BekalJSON

extension JSONLDProcessor {
    private static let termEntries: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix",
        "@protected", "@type",
    ]
    private static let genDelims: Set<Character> = [":", "/", "?", "#", "[", "]", "@"]

    /// Create Term Definition (section 4.2.2).
    func createTermDefinition(
        _ active: inout ActiveContext, _ local: JSONObject, _ term: String, _ defined: inout [String: Bool],
        baseURL: String?, protected protectedDefault: Bool = false, overrideProtected: Bool = false,
        remoteContexts: [String] = [], validateScopedContext: Bool = true
    ) throws(LinkedDataError) {
        if let state = defined[term] {
            if state { return }
            throw .jsonLD("cyclic IRI mapping")
        }
        if term.isEmpty { throw .jsonLD("invalid term definition") }
        defined[term] = false
        var value = local[term] ?? .null
        if term == "@type", isJSONLD11, case .object(let object) = value,
            !object.isEmpty, object.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
            object["@container"].map({ $0 == "@set" }) ?? true
        {
            // Allowed: `@type` may be given `@container: @set` and `@protected`.
        } else if Keyword.isKeyword(term) {
            throw .jsonLD("keyword redefinition")
        }
        if Keyword.hasKeywordForm(term) && !Keyword.isKeyword(term) {
            defined[term] = true
            try dropped("a keyword-like term")
            return
        }
        let previous = active.terms.removeValue(forKey: term)
        var simpleTerm = false
        switch value {
        case .null: value = .object(JSONObject([("@id", .null)]))
        case .string(let id):
            value = .object(JSONObject([("@id", .string(id))]))
            simpleTerm = true
        case .object: break
        default: throw .jsonLD("invalid term definition")
        }
        guard case .object(let object) = value else { return }
        var definition = TermDefinition()
        definition.protected = protectedDefault || local["@protected"] == .bool(true)
        if let protectedValue = object["@protected"] {
            if !isJSONLD11 { throw .jsonLD("invalid term definition") }
            guard case .bool(let flag) = protectedValue else { throw .jsonLD("invalid @protected value") }
            definition.protected = flag
        }
        if let typeValue = object["@type"] {
            guard case .string(let type) = typeValue else { throw .jsonLD("invalid type mapping") }
            let expanded = try expandIRI(&active, type, vocab: true, localContext: local, defined: &defined)
            guard let expanded else { throw .jsonLD("invalid type mapping") }
            if (expanded == "@json" || expanded == "@none") && !isJSONLD11 { throw .jsonLD("invalid type mapping") }
            guard expanded == "@id" || expanded == "@json" || expanded == "@none" || expanded == "@vocab"
                || (IRI.isAbsolute(expanded) && !IRI.isBlankNode(expanded))
            else { throw .jsonLD("invalid type mapping") }
            definition.type = expanded
        }
        if let reverseValue = object["@reverse"] {
            if object["@id"] != nil || object["@nest"] != nil { throw .jsonLD("invalid reverse property") }
            guard case .string(let reverse) = reverseValue else { throw .jsonLD("invalid IRI mapping") }
            if Keyword.hasKeywordForm(reverse) {
                try dropped("a keyword-like reverse property")
                return
            }
            let expanded = try expandIRI(&active, reverse, vocab: true, localContext: local, defined: &defined)
            guard let expanded, expanded.contains(":") else { throw .jsonLD("invalid IRI mapping") }
            definition.iri = expanded
            if let container = object["@container"] {
                switch container {
                case .string("@set"), .string("@index"): definition.container = [container.stringValue ?? ""]
                case .null: break
                default: throw .jsonLD("invalid reverse property")
                }
            }
            if case .string(let index)? = object["@index"], definition.hasContainer("@index"), isJSONLD11 {
                // Errata (expand #t0131): a reverse index map may name its index property.
                definition.index = index
            }
            definition.reverse = true
            active.terms[term] = definition
            defined[term] = true
            return
        }
        if let idValue = object["@id"], idValue != .string(term) {
            switch idValue {
            case .null:
                definition.iri = nil
            case .string(let id):
                if !Keyword.isKeyword(id) && Keyword.hasKeywordForm(id) {
                    try dropped("a keyword-like IRI mapping")
                    return
                }
                let expanded = try expandIRI(&active, id, vocab: true, localContext: local, defined: &defined)
                guard let expanded, Keyword.isKeyword(expanded) || expanded.contains(":") else {
                    throw .jsonLD("invalid IRI mapping")
                }
                if expanded == "@context" { throw .jsonLD("invalid keyword alias") }
                definition.iri = expanded
                let inner = term.dropFirst().dropLast()
                if inner.contains(":") || term.contains("/") {
                    defined[term] = true
                    let termIRI = try expandIRI(&active, term, vocab: true, localContext: local, defined: &defined)
                    if termIRI != expanded { throw .jsonLD("invalid IRI mapping") }
                }
                if !term.contains(":") && !term.contains("/") && simpleTerm,
                    let last = expanded.last, Self.genDelims.contains(last) || IRI.isBlankNode(expanded)
                {
                    definition.prefix = true
                }
            default:
                throw .jsonLD("invalid IRI mapping")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = term[term.index(after: colon)...]
            if local[prefix] != nil {
                try createTermDefinition(&active, local, prefix, &defined, baseURL: baseURL)
            }
            if let prefixIRI = active.terms[prefix]?.iri {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            let expanded = expandIRI(active, term, vocab: true)
            guard let expanded, IRI.isAbsolute(expanded) else { throw .jsonLD("invalid IRI mapping") }
            definition.iri = expanded
        } else if term == "@type" {
            definition.iri = "@type"
        } else {
            guard let vocab = active.vocab else { throw .jsonLD("invalid IRI mapping") }
            definition.iri = vocab + term
        }
        if let containerValue = object["@container"] {
            definition.container = try containerMapping(containerValue)
            if definition.hasContainer("@type") {
                if definition.type == nil { definition.type = "@id" }
                guard definition.type == "@id" || definition.type == "@vocab" else { throw .jsonLD("invalid type mapping") }
            }
        }
        if let indexValue = object["@index"] {
            guard isJSONLD11, definition.hasContainer("@index") else { throw .jsonLD("invalid term definition") }
            guard case .string(let index) = indexValue, !Keyword.isKeyword(index) else {
                throw .jsonLD("invalid term definition")
            }
            let expanded = try expandIRI(&active, index, vocab: true, localContext: local, defined: &defined)
            guard let expanded, IRI.isAbsolute(expanded) else { throw .jsonLD("invalid term definition") }
            definition.index = index
        }
        if let scoped = object["@context"] {
            if !isJSONLD11 { throw .jsonLD("invalid term definition") }
            do {
                _ = try processContext(
                    active, scoped, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: true,
                    validateScopedContext: false)
            } catch {
                if error.code == .unknownContext || error.code == .contextCycle { throw error }
                throw .jsonLD("invalid scoped context")
            }
            definition.context = scoped
            definition.baseURL = baseURL
        }
        if let languageValue = object["@language"], object["@type"] == nil {
            switch languageValue {
            case .null: definition.language = .some(nil)
            case .string(let language): definition.language = .some(language.lowercased())
            default: throw .jsonLD("invalid language mapping")
            }
        }
        if let directionValue = object["@direction"], object["@type"] == nil {
            switch directionValue {
            case .null: definition.direction = .some(nil)
            case .string(let direction) where direction == "ltr" || direction == "rtl": definition.direction = .some(direction)
            default: throw .jsonLD("invalid base direction")
            }
        }
        if let nestValue = object["@nest"] {
            if !isJSONLD11 { throw .jsonLD("invalid term definition") }
            guard case .string(let nest) = nestValue, nest == "@nest" || !Keyword.isKeyword(nest) else {
                throw .jsonLD("invalid @nest value")
            }
            definition.nest = nest
        }
        if let prefixValue = object["@prefix"] {
            if !isJSONLD11 || term.contains(":") || term.contains("/") { throw .jsonLD("invalid term definition") }
            guard case .bool(let flag) = prefixValue else { throw .jsonLD("invalid @prefix value") }
            definition.prefix = flag
            if flag, let iri = definition.iri, Keyword.isKeyword(iri) { throw .jsonLD("invalid term definition") }
        }
        if object.keys.contains(where: { !Self.termEntries.contains($0) }) { throw .jsonLD("invalid term definition") }
        if !overrideProtected, let previous, previous.protected {
            if !definition.sameExceptProtection(previous) { throw .jsonLD("protected term redefinition") }
            definition = previous
        }
        active.terms[term] = definition
        defined[term] = true
    }

    private func containerMapping(_ value: JSONValue) throws(LinkedDataError) -> [String] {
        let allowed: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        var items: [String] = []
        switch value {
        case .string(let item): items = [item]
        case .array(let array) where isJSONLD11:
            for element in array {
                guard case .string(let item) = element else { throw .jsonLD("invalid container mapping") }
                items.append(item)
            }
        default: throw .jsonLD("invalid container mapping")
        }
        guard items.allSatisfy({ allowed.contains($0) }) else { throw .jsonLD("invalid container mapping") }
        if !isJSONLD11, ["@graph", "@id", "@type"].contains(items.first ?? "") { throw .jsonLD("invalid container mapping") }
        let set = Set(items)
        let valid: Bool
        if set.count == 1 {
            valid = true
        } else if set.contains("@list") {
            valid = false
        } else if set.contains("@graph") {
            valid = set.isSubset(of: ["@graph", "@id", "@set"]) || set.isSubset(of: ["@graph", "@index", "@set"])
        } else {
            valid = set.count == 2 && set.contains("@set")
        }
        guard valid else { throw .jsonLD("invalid container mapping") }
        return items
    }
}
