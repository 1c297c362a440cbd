import BekalDomain
import Foundation

/// Frameworks already decoded, by their stored JSON text: every page and portfolio reads the framework, and
/// decoding it with `JSONDecoder` was a few percent of every request of the web interface. Keyed by the exact
/// text, so a framework imported later, or a row changed on disk, is decoded afresh; a handful of versions at most.
final class FrameworkCache: @unchecked Sendable {
    static let shared = FrameworkCache()
    /// More versions than any facility imports; beyond it the cache starts over (it is only a cache).
    private static let limit = 32
    private let lock = NSLock()
    private var frameworks: [String: CompetencyFramework] = [:]

    func framework(_ json: String) -> CompetencyFramework? {
        lock.lock()
        defer { lock.unlock() }
        return frameworks[json]
    }

    func keep(_ framework: CompetencyFramework, for json: String) {
        lock.lock()
        defer { lock.unlock() }
        if frameworks.count >= Self.limit { frameworks.removeAll() }
        frameworks[json] = framework
    }
}
