/// The one error type of BekalPublisher. Equality compares the code only; messages never hold secrets or
/// personal data.
public struct PublisherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code (the CLI maps it to an exit code).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case invalidEndpoint = "invalid-endpoint"
            case connectFailed = "connect-failed"
            case timedOut = "timed-out"
            case connectionLost = "connection-lost"
            case tlsFailure = "tls-failure"
            case responseTooLarge = "response-too-large"
            case transportFailure = "transport-failure"
            case secretMissing = "secret-missing"
            case secretInsecure = "secret-insecure"
            case secretUnreadable = "secret-unreadable"
            case secretMalformed = "secret-malformed"
            case invalidHeader = "invalid-header"
            case unknownReport = "unknown-report"
            case outboxFailure = "outbox-failure"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The URL is not an absolute `http` or `https` URL.
        public static let invalidEndpoint = Code(.invalidEndpoint)
        /// Nothing accepted the connection (refused, unreachable, name not resolved).
        public static let connectFailed = Code(.connectFailed)
        /// The connect or total timeout ran out.
        public static let timedOut = Code(.timedOut)
        /// The connection broke before a complete response arrived.
        public static let connectionLost = Code(.connectionLost)
        /// TLS failed: the certificate was not trusted or the handshake broke.
        public static let tlsFailure = Code(.tlsFailure)
        /// The response body exceeded the configured bound.
        public static let responseTooLarge = Code(.responseTooLarge)
        /// Any other libcurl failure.
        public static let transportFailure = Code(.transportFailure)
        /// The secret's environment variable is unset or empty.
        public static let secretMissing = Code(.secretMissing)
        /// The secret file is readable by group or others.
        public static let secretInsecure = Code(.secretInsecure)
        /// The secret file cannot be read or is empty.
        public static let secretUnreadable = Code(.secretUnreadable)
        /// The secret holds a line break, a space or another character that is not visible ASCII: it would end up
        /// in a header (a CR LF would start a header of its own).
        public static let secretMalformed = Code(.secretMalformed)
        /// A request header holds a control character (CR, LF, NUL…); the request is not sent.
        public static let invalidHeader = Code(.invalidHeader)
        /// The outbox holds no report with that id.
        public static let unknownReport = Code(.unknownReport)
        /// The outbox could not be read or written.
        public static let outboxFailure = Code(.outboxFailure)

        /// The code's stable name, e.g. `timed-out`.
        public var description: String { value.rawValue }
    }

    /// What went wrong; the only part that equality compares.
    public let code: Code
    /// A fixed English description, never holding a secret or personal data.
    public let message: String

    /// Creates an error; `message` must hold no secret and no personal data.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message, e.g. `timed-out: …`; safe to log.
    public var description: String { "\(code): \(message)" }

    /// Whether a delivery that failed this way may succeed if tried again.
    public var isTransient: Bool {
        [Code.connectFailed, .timedOut, .connectionLost, .responseTooLarge].contains(code)
    }

    /// Two errors are equal when their codes are, whatever the message.
    public static func == (lhs: PublisherError, rhs: PublisherError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
