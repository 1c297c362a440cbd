import BekalJSON
import Foundation

/// Processed contexts, keyed by the context they were applied to and the local context, so the same
/// `@context` (and the same type-scoped contexts) are processed once rather than at every node and every
/// document. Bounded; thread-safe, so one ``JSONLD`` value can be shared.
final class ContextCache: @unchecked Sendable {
    struct Key: Hashable {
        var activeID: Int
        var activeBase: String?
        var local: JSONValue
        var baseURL: String?
        var overrideProtected: Bool
        var propagate: Bool
        var validateScopedContext: Bool
        var remoteContexts: [String]
    }

    /// A term's scoped context applied to a context: both contexts by identity, so a lookup hashes a few
    /// integers and the term rather than the whole scoped context as ``Key`` does.
    struct ScopedKey: Hashable {
        var activeID: Int
        /// The context holding the term definition.
        var sourceID: Int
        var term: String
        var scope: Scope
    }

    /// Where a scoped context is applied, which sets the processing flags.
    enum Scope: UInt8, Hashable {
        /// Property-scoped, on a node object (protected terms may be overridden).
        case property
        /// Property-scoped, on a value.
        case propertyValue
        /// Type-scoped (does not propagate).
        case type
        /// The scoped context of a `@nest` term.
        case nest
    }

    /// A key or type name expanded against a processed context (vocabulary-relative IRI expansion).
    struct VocabularyKey: Hashable {
        var contextID: Int
        var name: String
    }

    private let lock = NSLock()
    private var vocabularyEntries: [VocabularyKey: String?] = [:]
    private var entries: [Key: ActiveContext] = [:]
    private var scopedEntries: [ScopedKey: ActiveContext] = [:]
    private var nextID = 1
    private let capacity: Int
    /// `false` turns off the memos by context identity (scoped contexts, vocabulary names): every scoped
    /// context goes through ``Key`` and every name is expanded afresh, the reference the memos are tested against.
    let memoizes: Bool

    init(capacity: Int = 1024, memoizes: Bool = true) {
        self.capacity = capacity
        self.memoizes = memoizes
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var sharedCaches: [String: ContextCache] = [:]

    /// One process-wide cache per processing mode for the bundled contexts, whose content never changes,
    /// so the cost of processing them is paid once per process.
    static func bundled(jsonLD11: Bool, safeMode: Bool) -> ContextCache {
        let key = "\(jsonLD11)-\(safeMode)"
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let cache = sharedCaches[key] { return cache }
        let cache = ContextCache()
        sharedCaches[key] = cache
        return cache
    }

    func lookup(_ key: Key) -> ActiveContext? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    func store(_ key: Key, _ context: ActiveContext) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = context
    }

    func lookup(_ key: ScopedKey) -> ActiveContext? {
        lock.lock()
        defer { lock.unlock() }
        return scopedEntries[key]
    }

    func store(_ key: ScopedKey, _ context: ActiveContext) {
        lock.lock()
        defer { lock.unlock() }
        if scopedEntries.count >= capacity { scopedEntries.removeAll(keepingCapacity: true) }
        scopedEntries[key] = context
    }

    func lookup(_ key: VocabularyKey) -> String?? {
        lock.lock()
        defer { lock.unlock() }
        return vocabularyEntries[key]
    }

    func store(_ key: VocabularyKey, _ iri: String?) {
        lock.lock()
        defer { lock.unlock() }
        if vocabularyEntries.count >= capacity * 8 { vocabularyEntries.removeAll(keepingCapacity: true) }
        vocabularyEntries[key] = .some(iri)
    }

    /// A process-unique identity for a newly processed context.
    func newID() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        return nextID
    }
}
