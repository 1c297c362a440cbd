import BekalJSON

/// A term definition (JSON-LD 1.1 API, section 4.1).
///
/// A class, so reading one out of an active context's terms (expansion does so for every member and value)
/// costs one retain rather than one per field. Filled in by Create Term Definition and never changed once
/// it is in an active context.
final class TermDefinition: Equatable {
    var iri: String?
    var prefix = false
    var protected = false
    var reverse = false
    var baseURL: String?
    /// The scoped (`@context`) context, unprocessed.
    var context: JSONValue?
    var container: [String] = []
    /// `.some(nil)` when the definition sets `@direction: null` explicitly.
    var direction: String??
    var language: String??
    var index: String?
    var nest: String?
    var type: String?

    init() {}

    static func == (lhs: TermDefinition, rhs: TermDefinition) -> Bool {
        lhs === rhs || lhs.equals(rhs, ignoringProtection: false)
    }

    /// Equal apart from the protected flag (and the base URL), as protected-term redefinition checks it.
    func sameExceptProtection(_ other: TermDefinition) -> Bool {
        equals(other, ignoringProtection: true)
    }

    private func equals(_ other: TermDefinition, ignoringProtection: Bool) -> Bool {
        iri == other.iri && prefix == other.prefix && reverse == other.reverse && context == other.context
            && container == other.container && direction == other.direction && language == other.language
            && index == other.index && nest == other.nest && type == other.type
            && (ignoringProtection || (protected == other.protected && baseURL == other.baseURL))
    }

    func hasContainer(_ keyword: String) -> Bool { container.contains(keyword) }
}

/// The active context of JSON-LD processing (section 4.1).
///
/// Expansion passes the active context down to every object and value and copies it at each step; its seven
/// fields live in one copy-on-write box, so a copy is one retain instead of seven (reference counting was the
/// largest single cost of an eddsa-rdfc-2022 canonicalization). Context processing, which changes it, copies
/// the box once when it is shared.
struct ActiveContext {
    private final class Storage {
        var id = 0
        var terms: [String: TermDefinition] = [:]
        var base: String?
        var originalBase: String?
        var vocab: String?
        var defaultLanguage: String?
        var defaultDirection: String?
        /// The box is a class, so the context can hold its predecessor directly.
        var previous: ActiveContext?

        init(base: String?) {
            self.base = base
            self.originalBase = base
        }

        init(copying other: Storage) {
            id = other.id
            terms = other.terms
            base = other.base
            originalBase = other.originalBase
            vocab = other.vocab
            defaultLanguage = other.defaultLanguage
            defaultDirection = other.defaultDirection
            previous = other.previous
        }
    }

    private var storage: Storage

    init(base: String?) {
        storage = Storage(base: base)
    }

    /// The box, copied first unless this context is its only holder.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    /// Identity for the context cache: 0 for a fresh context, unique for each processed one.
    var id: Int {
        get { storage.id }
        set { unique().id = newValue }
    }
    var terms: [String: TermDefinition] {
        _read { yield storage.terms }
        _modify {
            let box = unique()
            yield &box.terms
        }
    }
    var base: String? {
        get { storage.base }
        set { unique().base = newValue }
    }
    var originalBase: String? {
        get { storage.originalBase }
        set { unique().originalBase = newValue }
    }
    var vocab: String? {
        get { storage.vocab }
        set { unique().vocab = newValue }
    }
    var defaultLanguage: String? {
        get { storage.defaultLanguage }
        set { unique().defaultLanguage = newValue }
    }
    var defaultDirection: String? {
        get { storage.defaultDirection }
        set { unique().defaultDirection = newValue }
    }

    var previous: ActiveContext? {
        get { storage.previous }
        set { unique().previous = newValue }
    }

    var hasProtectedTerms: Bool { terms.values.contains { $0.protected } }
}
