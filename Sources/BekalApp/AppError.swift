/// The one error every use case ends in, whatever module failed: a class of failure (`Code`), a message fit to
/// show (it never holds a name, a register number or any other value typed by a user), the field it concerns when
/// there is one (so a form can show the message next to it) and the underlying error for logs.
///
/// Front ends map `Code` to what they speak: the CLI to one exit-code table, the web interface to HTTP statuses.
/// `Reason` names the failure more finely, for front ends that word it themselves. Equality compares the code only.
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

    /// Which failure it is, finer than `Code`, for a front end that says it in its own words (the web pages in
    /// Indonesian) without reading the English message: rewording a message cannot change what another language
    /// says. Only failures a front end has its own text for have one.
    public struct Reason: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// A required value is blank.
        public static let valueRequired = Reason("valueRequired")
        /// A date is not an existing date in a form Bekal reads.
        public static let unknownDate = Reason("unknownDate")
        /// A number is not a number Bekal reads (`3,5` or `3.5`).
        public static let notANumber = Reason("notANumber")
        /// A number's separator could mark thousands or decimals (`1.500`).
        public static let ambiguousSeparator = Reason("ambiguousSeparator")
        /// A number has more digits than can be kept exactly.
        public static let tooManyDigits = Reason("tooManyDigits")
        /// A count is not a whole number of 0 or more.
        public static let notAWholeNumber = Reason("notAWholeNumber")
        /// A value is none of the words accepted for it.
        public static let notAnOption = Reason("notAnOption")
        /// A text holds a control or invisible character.
        public static let invisibleCharacter = Reason("invisibleCharacter")
        /// A text (or a password) is longer than allowed.
        public static let tooLong = Reason("tooLong")
        /// A password is shorter than `Password.minimumLength` characters.
        public static let passwordTooShort = Reason("passwordTooShort")
        /// An evidence file is larger than 20 MiB.
        public static let fileTooLarge = Reason("fileTooLarge")
        /// An evidence file's content does not match its extension.
        public static let contentDoesNotMatchExtension = Reason("contentDoesNotMatchExtension")
        /// An evidence file is not a photo, a PDF or a text file.
        public static let evidenceKind = Reason("evidenceKind")
        /// An evidence file is empty.
        public static let evidenceEmpty = Reason("evidenceEmpty")
        /// The account name or the password is wrong (the two are never told apart).
        public static let wrongPassword = Reason("wrongPassword")
        /// The person is not in the counselor's caseload.
        public static let notInCaseload = Reason("notInCaseload")
        /// Only an admin may do this.
        public static let adminOnly = Reason("adminOnly")
        /// The acting account's role may not do this.
        public static let roleMayNot = Reason("roleMayNot")
        /// The acting account is disabled.
        public static let accountDisabled = Reason("accountDisabled")
        /// No person has this register number or id.
        public static let unknownPerson = Reason("unknownPerson")
        /// A person with this register number is already recorded.
        public static let registerNumberTaken = Reason("registerNumberTaken")
        /// The record was already retracted.
        public static let alreadyRetracted = Reason("alreadyRetracted")
        /// The person is no longer active (released or transferred).
        public static let personNotActive = Reason("personNotActive")
        /// The unit is not in the imported framework.
        public static let unitNotInFramework = Reason("unitNotInFramework")
        /// Records of this kind cannot be corrected.
        public static let notCorrectable = Reason("notCorrectable")
        /// Only a credential exported from an assessment or certificate can be revoked.
        public static let notRevocable = Reason("notRevocable")
        /// No export carried a credential with this id (or made one of this record).
        public static let notExported = Reason("notExported")
        /// The credential was already revoked.
        public static let alreadyRevoked = Reason("alreadyRevoked")
        /// A correction changes no field.
        public static let noFieldToChange = Reason("noFieldToChange")
        /// What would be created already exists (an account, an issuer key, an output file).
        public static let alreadyExists = Reason("alreadyExists")
        /// No account has this name.
        public static let unknownAccount = Reason("unknownAccount")
        /// A caseload is assigned to an account that is not an active counselor.
        public static let counselorRequired = Reason("counselorRequired")
        /// An admin tried to disable their own account.
        public static let cannotDisableSelf = Reason("cannotDisableSelf")
        /// The form's token has expired.
        public static let formExpired = Reason("formExpired")
        /// The form was not sent from a page of this site.
        public static let crossSiteForm = Reason("crossSiteForm")
        /// No one is signed in.
        public static let signInFirst = Reason("signInFirst")
        /// The data directory has no issuer key.
        public static let noIssuerKey = Reason("noIssuerKey")
        /// The portfolio has nothing to export yet.
        public static let nothingToExport = Reason("nothingToExport")
        /// The prepared export is gone; it must be made again.
        public static let exportExpired = Reason("exportExpired")
        /// No evidence file has this name.
        public static let noEvidenceFile = Reason("noEvidenceFile")
        /// No event (or record) has this id.
        public static let noSuchEvent = Reason("noSuchEvent")
        /// Evidence is attached to an assessment, and this event is not one.
        public static let evidenceOnAssessmentOnly = Reason("evidenceOnAssessmentOnly")
        /// No evidence file was given.
        public static let noEvidenceGiven = Reason("noEvidenceGiven")
        /// A certificate's expiry date is before its issue date.
        public static let expiryBeforeIssue = Reason("expiryBeforeIssue")
        /// A report with noise spends privacy budget, so it is queued, never previewed.
        public static let noiseNeedsQueue = Reason("noiseNeedsQueue")
        /// A report is queued for a period that has not ended.
        public static let periodNotEnded = Reason("periodNotEnded")
        /// An account name is not 1 to 64 letters, digits, '.', '_', '@' or '-'.
        public static let accountName = Reason("accountName")
        /// A password holds a control character.
        public static let passwordControlCharacter = Reason("passwordControlCharacter")
        /// An account change that Bekal does not know.
        public static let unknownAccountChange = Reason("unknownAccountChange")
        /// A person is not named by a register number or an id.
        public static let personReference = Reason("personReference")
        /// The first account of a facility is not an admin.
        public static let firstAccountAdmin = Reason("firstAccountAdmin")
        /// The events were not appended to the ledger.
        public static let eventsNotAppended = Reason("eventsNotAppended")
        /// The ledger's log tree could not be read.
        public static let logTreeUnreadable = Reason("logTreeUnreadable")
        /// The acting account's name is not 1 to 64 visible characters.
        public static let actorInvalid = Reason("actorInvalid")

        /// Every reason, for a front end to check that it has a text for each.
        public static let all: [Reason] = [
            .valueRequired, .unknownDate, .notANumber, .ambiguousSeparator, .tooManyDigits, .notAWholeNumber,
            .notAnOption, .invisibleCharacter, .tooLong, .passwordTooShort, .fileTooLarge,
            .contentDoesNotMatchExtension, .evidenceKind, .evidenceEmpty, .wrongPassword, .notInCaseload, .adminOnly,
            .roleMayNot, .accountDisabled, .unknownPerson, .registerNumberTaken, .alreadyRetracted, .personNotActive,
            .unitNotInFramework, .notCorrectable, .noFieldToChange, .alreadyExists, .unknownAccount,
            .counselorRequired, .cannotDisableSelf, .formExpired, .crossSiteForm, .signInFirst, .noIssuerKey,
            .nothingToExport, .exportExpired, .noEvidenceFile, .noSuchEvent, .evidenceOnAssessmentOnly,
            .noEvidenceGiven, .expiryBeforeIssue, .noiseNeedsQueue, .periodNotEnded, .accountName,
            .passwordControlCharacter, .unknownAccountChange, .personReference, .firstAccountAdmin,
            .eventsNotAppended, .logTreeUnreadable, .actorInvalid, .notRevocable, .notExported, .alreadyRevoked,
        ]

        public var description: String { name }
    }

    /// The class of failure.
    public var code: Code
    /// What went wrong, without personal data.
    public var message: String
    /// The input field the failure concerns (`--hours`, `date`), when there is one.
    public var field: String?
    /// The module error this one wraps, for logs (its description holds no personal data either).
    public var cause: (any Error & Sendable)?
    /// Which failure it is, when a front end has its own words for it; `nil` otherwise.
    public var reason: Reason?

    /// - Parameters:
    ///   - code: the class of failure.
    ///   - message: what went wrong, without personal data.
    ///   - field: the input field concerned, if any.
    ///   - cause: the underlying error, if any.
    ///   - reason: which failure it is, when a front end has its own words for it.
    public init(_ code: Code, _ message: String, field: String? = nil, cause: (any Error & Sendable)? = nil,
                reason: Reason? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.cause = cause
        self.reason = reason
    }

    public var description: String { message }

    public static func == (lhs: AppError, rhs: AppError) -> Bool { lhs.code == rhs.code }
}
