/// The one error every use case ends in, whatever module failed: a class of failure (`Code`), a message fit to
/// show (it never holds a name, a register number or any other value typed by a user), the field it concerns when
/// there is one (so a form can show the message next to it) and the underlying error for logs.
///
/// Front ends map `Code` to what they speak: the CLI to one exit-code table, the web interface to HTTP statuses.
/// Equality compares the code only.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case usage, notFound, invalidInput, conflict, storage, permission, network
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The request itself is malformed: an unknown option value, a missing argument, a contradictory
        /// combination, standard input that cannot be read (a named input file that is missing is `notFound`).
        public static let usage = Code(.usage)
        /// Something named does not exist: a person, unit, framework, event, credential, input file, key or
        /// evidence file.
        public static let notFound = Code(.notFound)
        /// A value is malformed or breaks a rule: a date, a number, an outcome, a CSV row, impossible dates.
        public static let invalidInput = Code(.invalidInput)
        /// The request contradicts what is recorded: a duplicate, an already revoked or retracted record, a
        /// person no longer active, an existing output file, a spent privacy budget, a report refused for good.
        public static let conflict = Code(.conflict)
        /// The data directory or database is missing, damaged or from a newer Bekal, or a file cannot be written.
        public static let storage = Code(.storage)
        /// The data directory or a file cannot be accessed, or a key or secret file is readable by others.
        public static let permission = Code(.permission)
        /// An endpoint could not be reached or kept failing.
        public static let network = Code(.network)

        public var description: String { kind.rawValue }
    }

    /// The class of failure.
    public var code: Code
    /// What went wrong, without personal data.
    public var message: String
    /// The input field the failure concerns (`--hours`, `date`), when there is one.
    public var field: String?
    /// The module error this one wraps, for logs (its description holds no personal data either).
    public var cause: (any Error & Sendable)?

    /// - Parameters:
    ///   - code: the class of failure.
    ///   - message: what went wrong, without personal data.
    ///   - field: the input field concerned, if any.
    ///   - cause: the underlying error, if any.
    public init(_ code: Code, _ message: String, field: String? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.cause = cause
    }

    public var description: String { message }

    public static func == (lhs: AppError, rhs: AppError) -> Bool { lhs.code == rhs.code }
}
