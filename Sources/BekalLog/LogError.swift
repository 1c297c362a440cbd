/// The one error type of `BekalLog`: a stable `code`, a fixed `message` that names the line or field at fault
/// (never a log entry's content), and an optional underlying cause. Equality compares the code only.
///
/// Parsing throws it for malformed input; verifying a well-formed proof, note or checkpoint never throws but
/// returns a result value that says what failed.
public struct LogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable across releases. Compare errors by code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case malformedHash, malformedNote, malformedCheckpoint, malformedKey, malformedSignature
            case malformedRequest, invalidArgument, stateFile, permission
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A hash that is not 32 bytes of canonical standard base64 (or 64 lowercase hex digits).
        public static let malformedHash = Code(.malformedHash)
        /// Text that is not a C2SP signed note (no blank line before the signatures, a control character, a
        /// signature line without the em dash, more signatures than allowed, ...).
        public static let malformedNote = Code(.malformedNote)
        /// A note text that is not a C2SP tlog-checkpoint body (origin, decimal size, base64 root).
        public static let malformedCheckpoint = Code(.malformedCheckpoint)
        /// A key name or verifier key string that does not follow C2SP signed-note (or a key of the wrong size).
        public static let malformedKey = Code(.malformedKey)
        /// A signature whose bytes cannot be a signature of its type (wrong length, timestamp too large).
        public static let malformedSignature = Code(.malformedSignature)
        /// A tlog-witness `add-checkpoint` body that does not follow C2SP tlog-witness.
        public static let malformedRequest = Code(.malformedRequest)
        /// A tree size or index outside the tree it refers to, given by the caller.
        public static let invalidArgument = Code(.invalidArgument)
        /// The witness's state file cannot be read, parsed or written.
        public static let stateFile = Code(.stateFile)
        /// The witness's state file is readable or writable by others (it must be 0600).
        public static let permission = Code(.permission)

        public var description: String { value.rawValue }
    }

    /// The class of failure.
    public let code: Code
    /// A fixed message naming the line, field or size at fault.
    public let message: String
    /// The underlying error, for debugging; never printed to users.
    public let cause: (any Error & Sendable)?

    /// Creates an error with a code and a message that carries no personal data.
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(code): \(message)" }

    public static func == (lhs: LogError, rhs: LogError) -> Bool { lhs.code == rhs.code }
}
