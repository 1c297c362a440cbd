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
struct ActiveContext {
    /// Identity for the context cache: 0 for a fresh context, unique for each processed one.
    var id = 0
    var terms: [String: TermDefinition] = [:]
    var base: String?
    var originalBase: String?
    var vocab: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    /// Zero or one element; an array gives the recursive value its indirection.
    private var previousStorage: [ActiveContext] = []

    init(base: String?) {
        self.base = base
        self.originalBase = base
    }

    var previous: ActiveContext? {
        get { previousStorage.first }
        set { previousStorage = newValue.map { [$0] } ?? [] }
    }

    var hasProtectedTerms: Bool { terms.values.contains { $0.protected } }
}
