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

    private let lock = NSLock()
    private var entries: [Key: ActiveContext] = [:]
    private var nextID = 1
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
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

    /// A process-unique identity for a newly processed context.
    func newID() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        return nextID
    }
}
