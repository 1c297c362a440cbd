import Foundation

/// A browser's session, kept on the server only; the browser holds just its random id in an HttpOnly cookie.
/// A session before sign-in (account `nil`) exists to carry the login form's CSRF token; signing in always ends
/// it and starts a new one with a new id (no session fixation).
public struct WebSession: Sendable, Hashable {
    /// The id in the cookie: 256 random bits, base64url.
    public let id: String
    /// The account signed in, `nil` before sign-in.
    public let account: String?
    /// The token every form of this session carries (`_csrf`).
    public let csrfToken: String
    /// When it began (for the absolute timeout).
    public let createdAt: Date
    /// Its last request (for the idle timeout).
    public var lastSeen: Date
}

/// The live sessions, in memory (a restart signs everyone out). Time comes from the injected clock, so tests
/// move it instead of waiting.
public actor SessionStore {
    /// How long a session may sit unused.
    public let idleTimeout: TimeInterval
    /// How long a session lives whatever its use (a shift in the office).
    public let absoluteTimeout: TimeInterval
    /// Sessions kept at most; the least recently used go first (bounds memory under a flood of anonymous ones).
    public let capacity: Int
    private let clock: @Sendable () -> Date
    private var sessions: [String: WebSession] = [:]

    /// - Parameters:
    ///   - clock: the server's time source.
    ///   - idleTimeout: 30 minutes by default.
    ///   - absoluteTimeout: 10 hours by default.
    public init(clock: @escaping @Sendable () -> Date, idleTimeout: TimeInterval = 30 * 60,
                absoluteTimeout: TimeInterval = 10 * 3600, capacity: Int = 20_000)
    {
        self.clock = clock
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.capacity = capacity
    }

    /// Starts a new session with a new id and CSRF token.
    public func start(account: String?) -> WebSession {
        let now = clock()
        if sessions.count >= capacity { evict(now: now) }
        let session = WebSession(id: Self.randomToken(), account: account, csrfToken: Self.randomToken(), createdAt: now,
                                 lastSeen: now)
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, its idle time renewed; `nil` (and the session ended) once it timed out.
    public func session(id: String) -> WebSession? {
        guard var session = sessions[id] else { return nil }
        let now = clock()
        guard now.timeIntervalSince(session.lastSeen) < idleTimeout,
            now.timeIntervalSince(session.createdAt) < absoluteTimeout
        else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    /// Ends a session (logout).
    public func end(id: String) { sessions[id] = nil }

    /// Ends every session of an account (its password changed, or it was disabled).
    public func endAll(account: String) { sessions = sessions.filter { $0.value.account != account } }

    /// How many sessions are live (for tests).
    public var count: Int { sessions.count }

    private func evict(now: Date) {
        sessions = sessions.filter {
            now.timeIntervalSince($0.value.lastSeen) < idleTimeout && now.timeIntervalSince($0.value.createdAt) < absoluteTimeout
        }
        if sessions.count >= capacity,
            let oldest = sessions.values.filter({ $0.account == nil }).min(by: { $0.lastSeen < $1.lastSeen })
                ?? sessions.values.min(by: { $0.lastSeen < $1.lastSeen })
        {
            sessions[oldest.id] = nil
        }
    }

    /// 256 random bits from the system's CSPRNG, base64url without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// Compares two secrets in time that depends only on their length.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
