/// Why a byte sequence is not a JSON document Bekal accepts, or why a value cannot be canonicalized.
///
/// Messages say what went wrong and where (byte offset, JSON path), never the content of strings: documents
/// carry personal data. Equality compares the code only.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; stable, so callers and the CLI can branch on it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case duplicateKey, loneSurrogate, invalidUTF8, invalidEscape, controlCharacter, invalidNumber
            case nonFiniteNumber, integerOutOfRange, tooDeep, tooLarge, stringTooLarge
            case unexpectedCharacter, unexpectedEnd, trailingData
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// An object has two members with the same name (names equal under Unicode canonical equivalence count
        /// as the same, since a signed document must not be read two ways).
        public static let duplicateKey = Code(.duplicateKey)
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high–low pair.
        public static let loneSurrogate = Code(.loneSurrogate)
        /// Bytes that are not UTF-8 per RFC 3629 (overlong forms, encoded surrogates, beyond U+10FFFF, truncated).
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A backslash escape other than the eight RFC 8259 allows, or a malformed `\u` escape.
        public static let invalidEscape = Code(.invalidEscape)
        /// An unescaped control character (U+0000–U+001F) inside a string.
        public static let controlCharacter = Code(.controlCharacter)
        /// A number that does not follow the RFC 8259 grammar (leading zeros, `+`, a bare `.`, …).
        public static let invalidNumber = Code(.invalidNumber)
        /// A number that overflows a double, or a NaN/Infinity value handed to canonicalization.
        public static let nonFiniteNumber = Code(.nonFiniteNumber)
        /// An integer beyond ±2^53, beyond which doubles lose integers: written as an integer literal, or a value
        /// (such as `1e20`) whose canonical form would be one.
        public static let integerOutOfRange = Code(.integerOutOfRange)
        /// Nesting deeper than `JSONLimits.maxDepth`.
        public static let tooDeep = Code(.tooDeep)
        /// A document larger than `JSONLimits.maxBytes`.
        public static let tooLarge = Code(.tooLarge)
        /// A string longer than `JSONLimits.maxStringBytes`.
        public static let stringTooLarge = Code(.stringTooLarge)
        /// A byte that cannot start or continue a JSON value at this point.
        public static let unexpectedCharacter = Code(.unexpectedCharacter)
        /// The document ended inside a value.
        public static let unexpectedEnd = Code(.unexpectedEnd)
        /// Something other than whitespace follows the top-level value.
        public static let trailingData = Code(.trailingData)

        /// The code's stable name, for tests and exit codes.
        public var description: String { kind.rawValue }
    }

    /// What kind of problem the parser or canonicalizer found; the only part that equality compares.
    public let code: Code
    /// A fixed English description of the problem, never quoting the document's content.
    public let message: String
    /// Zero-based byte offset in the input where the problem was found; `nil` when there is no input position
    /// (a document over the size limit, or a value handed to `JCS`).
    public let offset: Int?
    /// The JSON path of the value being read when the parser failed (`$.units[2].id`), names not shown when they
    /// could carry personal data; `nil` outside the parser. For callers that report where a file went wrong.
    public let path: String?

    /// Creates an error, with the byte offset and JSON path where the parser found the problem when there are.
    public init(_ code: Code, _ message: String, offset: Int? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.path = path
    }

    /// The code and the message, with the byte offset when known, e.g. `… (byte 1042)`.
    public var description: String {
        if let offset { "\(code): \(message) (byte \(offset))" } else { "\(code): \(message)" }
    }

    /// Two errors are equal when their codes are, whatever the message and offset.
    public static func == (lhs: JSONError, rhs: JSONError) -> Bool { lhs.code == rhs.code }
}
