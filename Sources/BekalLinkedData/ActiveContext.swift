import BekalJSON

/// A term definition (JSON-LD 1.1 API, section 4.1).
struct TermDefinition: Equatable {
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

    /// Equal apart from the protected flag, as protected-term redefinition checks it.
    func sameExceptProtection(_ other: TermDefinition) -> Bool {
        var a = self
        var b = other
        a.protected = false
        b.protected = false
        a.baseURL = nil
        b.baseURL = nil
        return a == b
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
