/// The stable reason behind a check's outcome, e.g. `revoked` or `signature-mismatch`. The English `detail` of a
/// `CheckRecord` is for the CLI; pages in other languages translate the code. Proof failures use the
/// `ProofFailure` code they came with.
public struct CheckCode: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    /// A check made by code that predates codes, or a caller's own record.
    public static let unspecified: CheckCode = "unspecified"

    // well-formed
    public static let wellFormed: CheckCode = "well-formed"
    public static let malformed: CheckCode = "malformed"
    /// The whole verification would exceed the work limit (`VerificationLimits`).
    public static let workLimit: CheckCode = "work-limit"

    // profile
    public static let structureHolds: CheckCode = "structure-holds"
    public static let profileViolation: CheckCode = "profile-violation"

    // proof
    public static let signatureVerified: CheckCode = "signature-verified"
    public static let proofMissing: CheckCode = "proof-missing"
    public static let proofNotObject: CheckCode = "proof-not-object"
    /// A document carries more proofs than `VerificationLimits.maxProofsPerDocument`; none was checked.
    public static let tooManyProofs: CheckCode = "too-many-proofs"

    // proof-time
    public static let proofTimely: CheckCode = "proof-timely"
    public static let proofExpired: CheckCode = "proof-expired"
    public static let proofCreatedInFuture: CheckCode = "proof-created-in-future"

    // issuer-trust
    public static let issuerTrusted: CheckCode = "issuer-trusted"
    public static let noIssuer: CheckCode = "no-issuer"
    public static let noTrustAnchor: CheckCode = "no-trust-anchor"
    public static let noUsableKey: CheckCode = "no-usable-key"
    public static let issuerNotTrusted: CheckCode = "issuer-not-trusted"
    public static let issuerNotSigner: CheckCode = "issuer-not-signer"
    public static let keyNotBound: CheckCode = "key-not-bound"
    public static let keyOutsideWindow: CheckCode = "key-outside-window"

    // validity
    public static let withinValidity: CheckCode = "within-validity"
    public static let notYetValid: CheckCode = "not-yet-valid"
    public static let expired: CheckCode = "expired"
    public static let validityMalformed: CheckCode = "validity-malformed"

    // revocation
    public static let notRevoked: CheckCode = "not-revoked"
    public static let revoked: CheckCode = "revoked"
    public static let noCredentialStatus: CheckCode = "no-credential-status"
    public static let statusMalformed: CheckCode = "status-malformed"
    public static let statusPurposeNotChecked: CheckCode = "status-purpose-not-checked"
    /// Revocation NOT checked: no status list was given.
    public static let noStatusList: CheckCode = "no-status-list"
    /// Revocation NOT checked: none of the lists given is the one the credential points at.
    public static let otherStatusList: CheckCode = "other-status-list"
    /// Revocation NOT checked: the list given for it is not authentic (its proof or issuer fails).
    public static let statusListNotAuthentic: CheckCode = "status-list-not-authentic"
    /// Revocation NOT checked: the list given was issued by another issuer than the credential.
    public static let statusListOtherIssuer: CheckCode = "status-list-other-issuer"
    /// Revocation NOT checked: the credential's index lies beyond the list given.
    public static let statusIndexOutside: CheckCode = "status-index-outside"

    // identity
    public static let sameSubject: CheckCode = "same-subject"
    public static let differentSubject: CheckCode = "different-subject"
    public static let notBekalExport: CheckCode = "not-bekal-export"
    public static let noRegisterNumber: CheckCode = "no-register-number"
    /// The export binds the person with a verification code, and none was given.
    public static let verificationCodeNeeded: CheckCode = "verification-code-needed"
    public static let noHashedIdentifier: CheckCode = "no-hashed-identifier"
    /// Register number and verification code match the keyed identity hash.
    public static let identityMatched: CheckCode = "identity-matched"
    /// The register number matches an older export's plain salted hash, which can be brute-forced from the file.
    public static let identityMatchedWeakForm: CheckCode = "identity-matched-weak-form"
    public static let identityMismatch: CheckCode = "identity-mismatch"

    /// The codes that mean revocation was not checked for a credential, though it carries a status entry.
    public static let revocationNotChecked: Set<CheckCode> = [
        .noStatusList, .otherStatusList, .statusListNotAuthentic, .statusListOtherIssuer, .statusIndexOutside,
    ]
}
