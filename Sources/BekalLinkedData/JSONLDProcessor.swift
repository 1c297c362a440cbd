import BekalJSON

/// One JSON-LD processing run: the loader, the options and the counters that bound the work.
final class JSONLDProcessor {
    let loader: any DocumentLoader
    let options: JSONLDOptions
    let cache: ContextCache
    var contextSteps = 0
    private var remoteCache: [String: JSONValue] = [:]
    /// Names expanded in this run (``expandVocabulary(_:_:)``), in front of the shared cache.
    var vocabularyMemo: [ContextCache.VocabularyKey: String?] = [:]

    init(loader: any DocumentLoader, options: JSONLDOptions, cache: ContextCache) {
        self.loader = loader
        self.options = options
        self.cache = cache
    }

    var isJSONLD11: Bool { options.jsonLD11 }

    /// In safe mode, refuses what expansion would silently drop.
    /// - Parameter name: a term or type name (schema vocabulary, never a document value) to help fix the context.
    func dropped(_ what: String, named name: String? = nil) throws(LinkedDataError) {
        guard options.safeMode else { return }
        let label = name.map { " '\($0.prefix(64))'" } ?? ""
        throw LinkedDataError(.undefinedTerm, "safe mode: \(what)\(label) has no IRI mapping and would be dropped")
    }

    /// Context Processing Algorithm (section 4.1.2), through the cache.
    func processContext(
        _ active: ActiveContext, _ localContext: JSONValue, baseURL: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate: Bool = true, validateScopedContext: Bool = true
    ) throws(LinkedDataError) -> ActiveContext {
        let key = ContextCache.Key(
            activeID: active.id, activeBase: active.base, local: localContext, baseURL: baseURL,
            overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext,
            remoteContexts: remoteContexts)
        // Validation-only runs (scoped contexts checked at definition time) see contexts still being built.
        guard validateScopedContext else {
            return try processContextUncached(
                active, localContext, baseURL: baseURL, remoteContexts: remoteContexts,
                overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: false)
        }
        if let cached = cache.lookup(key) { return cached }
        var result = try processContextUncached(
            active, localContext, baseURL: baseURL, remoteContexts: remoteContexts,
            overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
        result.id = cache.newID()
        cache.store(key, result)
        return result
    }

    /// The scoped context of `term` (defined in `source`) applied to `active`, as ``processContext`` would
    /// compute it, memoized by the two contexts' identities. Contexts are values whose identity is renewed on
    /// every change, so equal identities mean equal contexts.
    func processScopedContext(
        _ active: ActiveContext, term: String, definedIn source: ActiveContext, scope: ContextCache.Scope
    ) throws(LinkedDataError) -> ActiveContext {
        guard let definition = source.terms[term], let scoped = definition.context else { return active }
        let key = ContextCache.ScopedKey(activeID: active.id, sourceID: source.id, term: term, scope: scope)
        // Identity 0 is a fresh context, which other fresh contexts (with other bases) share.
        let memoized = cache.memoizes && active.id != 0 && source.id != 0
        if memoized, let cached = cache.lookup(key) { return cached }
        let result = switch scope {
        case .property, .nest:
            try processContext(active, scoped, baseURL: definition.baseURL, overrideProtected: true)
        case .propertyValue:
            try processContext(active, scoped, baseURL: definition.baseURL)
        case .type:
            try processContext(active, scoped, baseURL: definition.baseURL, propagate: false)
        }
        if memoized { cache.store(key, result) }
        return result
    }

    private func processContextUncached(
        _ active: ActiveContext, _ localContext: JSONValue, baseURL: String?, remoteContexts: [String],
        overrideProtected: Bool, propagate initialPropagate: Bool, validateScopedContext: Bool
    ) throws(LinkedDataError) -> ActiveContext {
        contextSteps += 1
        guard contextSteps <= options.limits.maxContextProcessing else {
            throw LinkedDataError(.contextCycle, "too many context processing steps")
        }
        var result = active
        // A context under construction gets its own identity, renewed after each change, so cache keys
        // never confuse it with the context it started from.
        result.id = cache.newID()
        var propagate = initialPropagate
        if case .object(let object) = localContext, let value = object["@propagate"] {
            guard case .bool(let flag) = value else { throw .jsonLD("invalid @propagate value") }
            propagate = flag
        }
        if !propagate && result.previous == nil { result.previous = active }
        let contexts: [JSONValue] = if case .array(let items) = localContext { items } else { [localContext] }
        var remoteContexts = remoteContexts
        for context in contexts {
            switch context {
            case .null:
                if !overrideProtected && result.hasProtectedTerms { throw .jsonLD("invalid context nullification") }
                let prior = result
                result = ActiveContext(base: active.originalBase)
                if !propagate {
                    result.previous = prior
                    // No longer a fresh context: it must not share a fresh context's cache identity.
                    result.id = cache.newID()
                }
                continue
            case .string(let reference):
                let url = IRI.resolve(reference, against: baseURL)
                if remoteContexts.contains(url) {
                    if !validateScopedContext { continue }
                    throw .jsonLD("recursive context inclusion")
                }
                guard remoteContexts.count < options.limits.maxRemoteContexts else { throw .jsonLD("context overflow") }
                remoteContexts.append(url)
                let document = try loadContext(url)
                guard case .object(let object) = document, let inner = object["@context"] else {
                    throw .jsonLD("invalid remote context")
                }
                result = try processContext(
                    result, inner, baseURL: url, remoteContexts: remoteContexts,
                    overrideProtected: overrideProtected, validateScopedContext: validateScopedContext)
                continue
            case .object:
                break
            default:
                throw .jsonLD("invalid local context")
            }
            guard case .object(var object) = context else { continue }
            if let version = object["@version"] {
                guard version == .number(1.1) else { throw .jsonLD("invalid @version value") }
                if !isJSONLD11 { throw .jsonLD("processing mode conflict") }
            }
            if let importValue = object["@import"] {
                if !isJSONLD11 { throw .jsonLD("invalid context entry") }
                guard case .string(let reference) = importValue else { throw .jsonLD("invalid @import value") }
                let url = IRI.resolve(reference, against: baseURL)
                let document = try loadContext(url)
                guard case .object(let imported) = document, case .object(let importContext)? = imported["@context"] else {
                    throw .jsonLD("invalid remote context")
                }
                if importContext["@import"] != nil { throw .jsonLD("invalid context entry") }
                var merged = importContext
                for (key, value) in object { merged[key] = value }
                object = merged
            }
            if let baseValue = object["@base"], remoteContexts.isEmpty {
                switch baseValue {
                case .null: result.base = nil
                case .string(let value) where IRI.isAbsolute(value): result.base = value
                case .string(let value) where result.base != nil: result.base = IRI.resolve(value, against: result.base)
                default: throw .jsonLD("invalid base IRI")
                }
            }
            if let vocabValue = object["@vocab"] {
                switch vocabValue {
                case .null: result.vocab = nil
                case .string(let value):
                    guard IRI.isAbsolute(value) || IRI.isBlankNode(value) || isJSONLD11 else {
                        throw .jsonLD("invalid vocab mapping")
                    }
                    result.vocab = expandIRI(result, value, documentRelative: true, vocab: true)
                default: throw .jsonLD("invalid vocab mapping")
                }
            }
            if let language = object["@language"] {
                switch language {
                case .null: result.defaultLanguage = nil
                case .string(let value): result.defaultLanguage = value.lowercased()
                default: throw .jsonLD("invalid default language")
                }
            }
            if let direction = object["@direction"] {
                if !isJSONLD11 { throw .jsonLD("invalid context entry") }
                switch direction {
                case .null: result.defaultDirection = nil
                case .string(let value) where value == "ltr" || value == "rtl": result.defaultDirection = value
                default: throw .jsonLD("invalid base direction")
                }
            }
            if let propagateValue = object["@propagate"] {
                if !isJSONLD11 { throw .jsonLD("invalid context entry") }
                guard case .bool = propagateValue else { throw .jsonLD("invalid @propagate value") }
            }
            var protectedDefault = false
            if let protectedValue = object["@protected"] {
                guard case .bool(let flag) = protectedValue else { throw .jsonLD("invalid @protected value") }
                protectedDefault = flag
            }
            var defined: [String: Bool] = [:]
            for key in object.keys where !Self.contextKeywords.contains(key) {
                try createTermDefinition(
                    &result, object, key, &defined, baseURL: baseURL, protected: protectedDefault,
                    overrideProtected: overrideProtected, remoteContexts: remoteContexts)
            }
            result.id = cache.newID()
        }
        return result
    }

    private static let contextKeywords: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    ]

    func loadContext(_ url: String) throws(LinkedDataError) -> JSONValue {
        if let cached = remoteCache[url] { return cached }
        let document = try loader.load(url)
        remoteCache[url] = document
        return document
    }
}
