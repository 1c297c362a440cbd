/// The one error type of `BekalCredentials`: a stable `code` (for exit codes and tests), a fixed `message` that never
/// carries personal data, and an optional underlying cause.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable across releases. Compare errors by code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case invalidBase58
            case invalidMultibase
            case invalidDIDKey
            case keyFileInsecure
            case keyFileMalformed
            case keyFileMissing
            case keyFileWrite
            case trustListMalformed
            case documentMalformed
            case canonicalizationFailed
            case unsupportedCryptosuite
            case proofMalformed
            case statusListMalformed
            case statusListTooLarge
            case compressionFailed
            case exportFailed
            case termNotCovered
            case verificationCodeMalformed
            case trustListSignatureInvalid
            case trustListConflict
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// Text that is not valid base58-btc.
        public static let invalidBase58 = Code(.invalidBase58)
        /// A multibase value without the `z` prefix or with the wrong multicodec header.
        public static let invalidMultibase = Code(.invalidMultibase)
        /// A DID or verification method that is not an Ed25519 `did:key`.
        public static let invalidDIDKey = Code(.invalidDIDKey)
        /// A private key file readable or writable by group or others.
        public static let keyFileInsecure = Code(.keyFileInsecure)
        /// A key file that is not a Bekal key (garbage, wrong length).
        public static let keyFileMalformed = Code(.keyFileMalformed)
        /// No key file where one was expected.
        public static let keyFileMissing = Code(.keyFileMissing)
        /// The key file could not be written.
        public static let keyFileWrite = Code(.keyFileWrite)
        /// A trust list that does not follow `schemas/trust-list.schema.json`.
        public static let trustListMalformed = Code(.trustListMalformed)
        /// A document that is not a JSON object of the expected shape.
        public static let documentMalformed = Code(.documentMalformed)
        /// The document could not be canonicalized (RFC 8785).
        public static let canonicalizationFailed = Code(.canonicalizationFailed)
        /// A proof type or cryptosuite Bekal does not implement.
        public static let unsupportedCryptosuite = Code(.unsupportedCryptosuite)
        /// A proof missing a member or carrying one of the wrong type.
        public static let proofMalformed = Code(.proofMalformed)
        /// An `encodedList` or status list credential that cannot be read.
        public static let statusListMalformed = Code(.statusListMalformed)
        /// A status list whose inflated size exceeds the limit (a gzip bomb).
        public static let statusListTooLarge = Code(.statusListTooLarge)
        /// zlib reported an error.
        public static let compressionFailed = Code(.compressionFailed)
        /// A portfolio that cannot be exported.
        public static let exportFailed = Code(.exportFailed)
        /// JSON-LD safe mode: a term or type in a document to be signed with `eddsa-rdfc-2022` has no IRI in its
        /// contexts, so the signature would not cover it; Bekal refuses to sign.
        public static let termNotCovered = Code(.termNotCovered)
        /// A verification code that is not 12 characters of its alphabet and a matching check character.
        public static let verificationCodeMalformed = Code(.verificationCodeMalformed)
        /// A signed trust list whose proof does not verify, or whose signer is neither one of its own keys nor a
        /// trusted authority.
        public static let trustListSignatureInvalid = Code(.trustListSignatureInvalid)
        /// Two trust lists that cannot both be right: the same facility name with other keys (a look-alike), or one
        /// key claimed by two facilities.
        public static let trustListConflict = Code(.trustListConflict)

        /// The code's stable name, for exit codes and `--json` output.
        public var description: String { value.rawValue }
    }

    /// What went wrong; the only part that equality compares.
    public var code: Code
    /// A fixed, human-readable explanation; never contains names or register numbers.
    public var message: String
    /// The underlying error, when one caused this (a JSON parse error, a file error), for diagnostics.
    public var cause: (any Error & Sendable)?

    /// Creates an error; `message` must be fixed text without names or register numbers.
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// Two errors are equal when their codes are, whatever the message and cause.
    public static func == (lhs: CredentialError, rhs: CredentialError) -> Bool { lhs.code == rhs.code }

    /// The code and the message, safe to show and log.
    public var description: String { "\(code): \(message)" }
}
