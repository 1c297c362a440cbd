/// The one error type of the domain module: a framework file that fails its format, a record that breaks a
/// domain rule, a readiness policy that cannot be read.
///
/// `path` names where the problem is (`units[3].title.en`, `rows[4].kkni_level`, `expiresOn`), never the
/// offending value, so the error can be logged without leaking personal data. Equality compares the code only.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is; the only part that equality compares.
    public var code: Code
    /// A JSON path, CSV cell or record field, e.g. `units[3].title.en`; empty for the document as a whole.
    public var path: String
    /// A fixed English sentence describing the rule; it never contains input values.
    public var message: String

    /// Creates an error; `path` and `message` must never contain the offending value.
    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// Where, the rule and the code's name, e.g. `units[3].title.en: The text is empty. [emptyText]`: what a
    /// person reads first, the stable name for a script last; safe to log.
    public var description: String {
        path.isEmpty ? "\(message) [\(code)]" : "\(path): \(message) [\(code)]"
    }

    /// Two errors are equal when their codes are, whatever the path and message.
    public static func == (lhs: DomainError, rhs: DomainError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// What kind of problem it is. Each code has a stable `name` the CLI maps to an exit code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            // Framework files (JSON and CSV).
            case malformedDocument, duplicateKey, unknownKey, missingField, wrongType, emptyText, invalidIdentifier, textTooLong
            case kkniLevelOutOfRange, noUnits, duplicateUnitCode, malformedCSV, csvHeader
            // Records.
            case unknownPerson, unknownFramework, unknownUnit, dateBeforeAdmission, dateInFuture
            case dateOrder, hoursOutOfRange, quantityOutOfRange, rejectsExceedQuantity, rejectReasonMissing
            case invalidEvidence, invalidReplacement, emptyField, sameFacility
            case invisibleCharacter, dateAfterExit, invalidRemission
            // Readiness policy.
            case invalidPolicy
        }
        private let backing: Backing
        private init(_ backing: Backing) { self.backing = backing }

        /// The stable name, e.g. `unknownKey`; used for exit codes and `--json` output.
        public var name: String { backing.rawValue }
        /// The code's stable name, as in `name`.
        public var description: String { backing.rawValue }

        /// The file is not JSON (or not UTF-8 text), or its top level is not an object.
        public static let malformedDocument = Code(.malformedDocument)
        /// An object has two members with the same name (readers disagree on which one counts).
        public static let duplicateKey = Code(.duplicateKey)
        /// An object has a member the format does not define (a typo such as `tittle`).
        public static let unknownKey = Code(.unknownKey)
        /// A required member is absent.
        public static let missingField = Code(.missingField)
        /// A member has the wrong JSON type (a number where a string belongs, `null`, ...).
        public static let wrongType = Code(.wrongType)
        /// A text is empty or only white space.
        public static let emptyText = Code(.emptyText)
        /// An id, version or unit code has characters outside `A-Z a-z 0-9 . _ -` or does not start with a letter or digit.
        public static let invalidIdentifier = Code(.invalidIdentifier)
        /// A text is longer than the format allows.
        public static let textTooLong = Code(.textTooLong)
        /// A KKNI level is not an integer from 1 to 9.
        public static let kkniLevelOutOfRange = Code(.kkniLevelOutOfRange)
        /// A framework has no units.
        public static let noUnits = Code(.noUnits)
        /// Two units share a code.
        public static let duplicateUnitCode = Code(.duplicateUnitCode)
        /// A CSV file is not well formed (an unterminated quote, a row with the wrong number of cells).
        public static let malformedCSV = Code(.malformedCSV)
        /// A CSV file's header row is not the expected one.
        public static let csvHeader = Code(.csvHeader)

        /// The record names a person who is not in the ledger.
        public static let unknownPerson = Code(.unknownPerson)
        /// The record names a framework (id and version) that was not imported.
        public static let unknownFramework = Code(.unknownFramework)
        /// The record names a unit that is not in its framework version.
        public static let unknownUnit = Code(.unknownUnit)
        /// A date lies before the person's admission.
        public static let dateBeforeAdmission = Code(.dateBeforeAdmission)
        /// A date lies after today.
        public static let dateInFuture = Code(.dateInFuture)
        /// Two dates of one record are in the wrong order (expiry not after issue, release not after admission).
        public static let dateOrder = Code(.dateOrder)
        /// Hours are not more than 0 and at most 24 for one day.
        public static let hoursOutOfRange = Code(.hoursOutOfRange)
        /// A quantity or count is negative or not a finite number.
        public static let quantityOutOfRange = Code(.quantityOutOfRange)
        /// More rejects than the quantity produced.
        public static let rejectsExceedQuantity = Code(.rejectsExceedQuantity)
        /// Rejects recorded without a reason.
        public static let rejectReasonMissing = Code(.rejectReasonMissing)
        /// An evidence reference is malformed (digest not 64 lowercase hex digits, media type not `type/subtype`).
        public static let invalidEvidence = Code(.invalidEvidence)
        /// A correction's replacement is of a kind that cannot replace a record.
        public static let invalidReplacement = Code(.invalidReplacement)
        /// A transfer names the same facility as origin and destination.
        public static let sameFacility = Code(.sameFacility)
        /// A required text field of a record is empty.
        public static let emptyField = Code(.emptyField)
        /// A text field holds a control or invisible character (NUL, TAB, a line break, a right-to-left override).
        public static let invisibleCharacter = Code(.invisibleCharacter)
        /// A record is dated after the person left the facility (released or transferred).
        public static let dateAfterExit = Code(.dateAfterExit)
        /// A remisi grants no time, or moves the release date to or before the admission.
        public static let invalidRemission = Code(.invalidRemission)

        /// A readiness policy file is malformed or has values out of range.
        public static let invalidPolicy = Code(.invalidPolicy)
    }
}

/// The error thrown for a framework file that fails its format; the same type as every domain error, named
/// for readers of the framework API.
public typealias FrameworkError = DomainError
