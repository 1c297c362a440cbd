/// The one error type of the store. Messages never contain a name or a register number (UU 27/2022); they name
/// the row, the field or the event sequence instead. Equality compares the code only.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in classes the CLI maps to exit codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Kind: String, Sendable {
            case notFound, invalidInput, conflict, storage, corrupted, newerSchema, homeMissing, permission
            case notInitialized, alreadyInitialized
        }
        fileprivate let kind: Kind

        /// A person, unit, framework or event that the ledger does not hold.
        public static let notFound = Code(kind: .notFound)
        /// A value that breaks a rule (a malformed CSV row, an impossible date, an unknown outcome).
        public static let invalidInput = Code(kind: .invalidInput)
        /// A duplicate (a register number already used) or a change that contradicts the ledger.
        public static let conflict = Code(kind: .conflict)
        /// SQLite or the file system failed.
        public static let storage = Code(kind: .storage)
        /// The database file is not a Bekal database or is damaged.
        public static let corrupted = Code(kind: .corrupted)
        /// The database was written by a newer Bekal.
        public static let newerSchema = Code(kind: .newerSchema)
        /// The data directory does not exist.
        public static let homeMissing = Code(kind: .homeMissing)
        /// A file or directory has the wrong permissions or cannot be read.
        public static let permission = Code(kind: .permission)
        /// The data directory has no ledger yet (`bekal init` was not run).
        public static let notInitialized = Code(kind: .notInitialized)
        /// `bekal init` on a data directory that already holds a ledger.
        public static let alreadyInitialized = Code(kind: .alreadyInitialized)

        public var description: String { kind.rawValue }
    }

    /// The class of fault; the only thing equality compares.
    public let code: Code
    /// What went wrong, naming the row, field or event sequence, never a name or register number.
    public let message: String
    /// The underlying error, kept for debugging; never printed to users because it may quote SQL values.
    public let cause: (any Error & Sendable)?

    /// An error with its code and message; `cause` keeps the underlying error for debugging.
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(code): \(message)" }

    public static func == (lhs: StoreError, rhs: StoreError) -> Bool { lhs.code == rhs.code }
}
