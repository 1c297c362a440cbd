import BekalJSON

extension JSONLDProcessor {
    /// IRI Expansion (section 5.2.2). `nil` means the value maps to nothing.
    func expandIRI(
        _ active: inout ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false,
        localContext: JSONObject?, defined: inout [String: Bool]
    ) throws(LinkedDataError) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if let localContext, localContext[value] != nil, defined[value] != true {
            try createTermDefinition(&active, localContext, value, &defined, baseURL: nil)
        }
        if let definition = active.terms[value] {
            if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let localContext, localContext[prefix] != nil, defined[prefix] != true {
                try createTermDefinition(&active, localContext, prefix, &defined, baseURL: nil)
            }
            if let definition = active.terms[prefix], let iri = definition.iri, definition.prefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabMapping = active.vocab { return vocabMapping + value }
        if documentRelative { return IRI.resolve(value, against: active.base) }
        return value
    }

    /// IRI expansion where no local context is being defined: the steps above without term creation, so the
    /// active context is read in place rather than copied.
    func expandIRI(_ active: ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false)
        -> String?
    {
        if Keyword.isKeyword(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if let definition = active.terms[value] {
            if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = active.terms[prefix], let iri = definition.iri, definition.prefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabMapping = active.vocab { return vocabMapping + value }
        if documentRelative { return IRI.resolve(value, against: active.base) }
        return value
    }

    /// `expandIRI(active, name, vocab: true)` for the keys and types of the document being expanded,
    /// memoized by context identity: expansion asks for the same few names against the same contexts at
    /// every node. Only for finished contexts (expansion's), never one still being built, whose identity
    /// does not yet name its content.
    func expandVocabulary(_ active: ActiveContext, _ name: String) -> String? {
        guard cache.memoizes, active.id != 0 else { return expandIRI(active, name, vocab: true) }
        let key = ContextCache.VocabularyKey(contextID: active.id, name: name)
        // This run's own memo first: no lock, so parallel exports do not queue on the shared one.
        if let known = vocabularyMemo[key] { return known }
        let iri: String?
        if let shared = cache.lookup(key) {
            iri = shared
        } else {
            iri = expandIRI(active, name, vocab: true)
            cache.store(key, iri)
        }
        vocabularyMemo[key] = .some(iri)
        return iri
    }

    /// Value Expansion (section 5.3.2).
    /// `known` is the caller's lookup of `property` in `active`, when it made one.
    func expandValue(
        _ active: ActiveContext, property: String?, _ value: JSONValue, definition known: TermDefinition?? = nil
    ) throws(LinkedDataError) -> JSONValue {
        let definition = known ?? property.flatMap { active.terms[$0] }
        if case .string(let string) = value {
            if definition?.type == "@id" {
                return .object(JSONObject([("@id", expandIRI(active, string, documentRelative: true).map(JSONValue.string) ?? .null)]))
            }
            if definition?.type == "@vocab" {
                return .object(JSONObject([("@id", expandIRI(active, string, documentRelative: true, vocab: true).map(JSONValue.string) ?? .null)]))
            }
        }
        var result = JSONObject([("@value", value)])
        if let type = definition?.type, type != "@id", type != "@vocab", type != "@none" {
            result["@type"] = .string(type)
        } else if case .string = value {
            let language: String? = if let mapped = definition?.language { mapped } else { active.defaultLanguage }
            let direction: String? = if let mapped = definition?.direction { mapped } else { active.defaultDirection }
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }
}
