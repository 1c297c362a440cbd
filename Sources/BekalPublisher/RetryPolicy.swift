import Foundation

/// When and how long to wait before trying a delivery again: exponential backoff with full jitter,
/// `random(0, min(cap, base · 2^attempt))`, never shorter than the server's `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per report in one publishing run (the first try included).
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles with each retry.
    public var base: Duration
    /// The largest backoff ceiling, however many retries came before.
    public var cap: Duration
    /// A `Retry-After` longer than this ends the run for the report (it stays pending) instead of waiting.
    public var maxRetryAfter: Duration

    /// Creates a policy: 6 attempts, 500 ms base, 30 s cap and 300 s largest `Retry-After` by default; at least 1 attempt.
    public init(maxAttempts: Int = 6, base: Duration = .milliseconds(500), cap: Duration = .seconds(30),
                maxRetryAfter: Duration = .seconds(300)) {
        self.maxAttempts = max(1, maxAttempts)
        self.base = base
        self.cap = cap
        self.maxRetryAfter = maxRetryAfter
    }

    /// Whether a response status is worth retrying: 408, 429 and 5xx.
    public static func isRetryable(status: Int) -> Bool { status == 408 || status == 429 || (500...599).contains(status) }

    /// The backoff ceiling before retry number `attempt` (0 for the first retry), in milliseconds.
    public func ceilingMilliseconds(attempt: Int) -> Int64 {
        let capMs = cap.milliseconds
        let baseMs = base.milliseconds
        guard attempt < 40 else { return Int64(capMs) }
        return Int64(min(capMs, baseMs << attempt))
    }

    /// Parses `Retry-After`: delay seconds, or an HTTP date (IMF-fixdate) relative to `now`.
    public static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(0, Int64((date.timeIntervalSince(now) * 1000).rounded(.up))))
    }
}
