/// The stable reason behind a check's outcome, e.g. `revoked` or `signature-mismatch`. The English `detail` of a
/// `CheckRecord` is for the CLI; pages in other languages translate the code. Proof failures use the
/// `ProofFailure` code they came with.
public struct CheckCode: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The code as written in `--json` output and page attributes, e.g. `revoked`.
    public let rawValue: String

    /// Wraps a code string, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Lets codes be written as string literals, e.g. `"signature-mismatch"`.
    public init(stringLiteral value: String) { rawValue = value }

    /// The code string itself.
    public var description: String { rawValue }

    /// A check made by code that predates codes, or a caller's own record.
    public static let unspecified: CheckCode = "unspecified"

    // well-formed
    /// The file parsed strictly within limits.
    public static let wellFormed: CheckCode = "well-formed"
    /// The file is not well-formed JSON within limits (or an embedded credential is not an object).
    public static let malformed: CheckCode = "malformed"
    /// The whole verification would exceed the work limit (`VerificationLimits`).
    public static let workLimit: CheckCode = "work-limit"

    // profile
    /// VC 2.0 structure (and the Bekal profile, when declared) hold.
    public static let structureHolds: CheckCode = "structure-holds"
    /// A structure or profile rule is broken (the detail says which).
    public static let profileViolation: CheckCode = "profile-violation"

    // proof
    /// The proof's signature verifies.
    public static let signatureVerified: CheckCode = "signature-verified"
    /// The credential has no proof.
    public static let proofMissing: CheckCode = "proof-missing"
    /// `proof` is neither an object nor a list of objects.
    public static let proofNotObject: CheckCode = "proof-not-object"
    /// A document carries more proofs than `VerificationLimits.maxProofsPerDocument`; none was checked.
    public static let tooManyProofs: CheckCode = "too-many-proofs"

    // proof-time
    /// The proof was created no later than the check (within the skew) and has not expired.
    public static let proofTimely: CheckCode = "proof-timely"
    /// The proof's `expires` is at or before the time of the check.
    public static let proofExpired: CheckCode = "proof-expired"
    /// The proof's `created` lies more than `ProofTimePolicy.allowedClockSkew` after the check.
    public static let proofCreatedInFuture: CheckCode = "proof-created-in-future"

    // issuer-trust
    /// The signing key is trusted for the issuer and was valid when it signed.
    public static let issuerTrusted: CheckCode = "issuer-trusted"
    /// The credential has no issuer id.
    public static let noIssuer: CheckCode = "no-issuer"
    /// No `--issuer` or trust list was given at all.
    public static let noTrustAnchor: CheckCode = "no-trust-anchor"
    /// No proof names a key the verifier can use.
    public static let noUsableKey: CheckCode = "no-usable-key"
    /// Neither `--issuer` nor any trust list binds the issuer.
    public static let issuerNotTrusted: CheckCode = "issuer-not-trusted"
    /// A did:key issuer that is not the key that signed.
    public static let issuerNotSigner: CheckCode = "issuer-not-signer"
    /// The trust list binds other keys to the issuer.
    public static let keyNotBound: CheckCode = "key-not-bound"
    /// The key was bound to the issuer, but not when the proof was created.
    public static let keyOutsideWindow: CheckCode = "key-outside-window"

    // validity
    /// `validFrom` ≤ the time of the check < `validUntil`.
    public static let withinValidity: CheckCode = "within-validity"
    /// `validFrom` lies after the time of the check.
    public static let notYetValid: CheckCode = "not-yet-valid"
    /// `validUntil` is at or before the time of the check (an exception for an embedded credential).
    public static let expired: CheckCode = "expired"
    /// `validFrom` or `validUntil` is not a date-time with a time zone.
    public static let validityMalformed: CheckCode = "validity-malformed"

    // revocation
    /// The credential's status bit was read and is clear.
    public static let notRevoked: CheckCode = "not-revoked"
    /// The credential's status bit is set (an exception for an embedded credential, a failure for the export).
    public static let revoked: CheckCode = "revoked"
    /// The credential carries no `credentialStatus`.
    public static let noCredentialStatus: CheckCode = "no-credential-status"
    /// `credentialStatus` is not a readable `BitstringStatusListEntry`.
    public static let statusMalformed: CheckCode = "status-malformed"
    /// A status entry of a purpose other than revocation (not checked).
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
    /// An embedded credential names the same subject as the portfolio.
    public static let sameSubject: CheckCode = "same-subject"
    /// An embedded credential names another subject than the portfolio.
    public static let differentSubject: CheckCode = "different-subject"
    /// Not a Bekal export: embedded subjects are not compared.
    public static let notBekalExport: CheckCode = "not-bekal-export"
    /// No register number was given: the subject was not matched.
    public static let noRegisterNumber: CheckCode = "no-register-number"
    /// The export binds the person with a verification code, and none was given.
    public static let verificationCodeNeeded: CheckCode = "verification-code-needed"
    /// The subject carries no hashed identifier to match.
    public static let noHashedIdentifier: CheckCode = "no-hashed-identifier"
    /// Register number and verification code match the keyed identity hash.
    public static let identityMatched: CheckCode = "identity-matched"
    /// The register number matches an older export's plain salted hash, which can be brute-forced from the file.
    public static let identityMatchedWeakForm: CheckCode = "identity-matched-weak-form"
    /// The register number (and code) given do not match: the file is about someone else.
    public static let identityMismatch: CheckCode = "identity-mismatch"

    // ledger-log
    /// The export carries no ledger log proof (made before Bekal 0.3): not checked.
    public static let noLogProof: CheckCode = "no-log-proof"
    /// The `ledgerLog` member, its checkpoint or a proof in it cannot be read.
    public static let logProofMalformed: CheckCode = "log-proof-malformed"
    /// The checkpoint in the log proof is signed by a key trusted for the issuer.
    public static let checkpointSigned: CheckCode = "checkpoint-signed"
    /// The checkpoint in the log proof is not signed by a key trusted for the issuer.
    public static let checkpointNotSigned: CheckCode = "checkpoint-not-signed"
    /// No key is trusted for the issuer (it is not trusted at all, or not when the export was signed), so the
    /// checkpoint cannot be judged: the file is INVALID because its issuer is not trusted, not as altered.
    public static let checkpointIssuerUntrusted: CheckCode = "checkpoint-issuer-untrusted"
    /// The log proof lists events for a credential the export does not hold.
    public static let logProofUnknownCredential: CheckCode = "log-proof-unknown-credential"
    /// The log proof lists no event for a credential of the export.
    public static let logProofMissing: CheckCode = "log-proof-missing"
    /// Every event listed for the credential has an inclusion proof that leads to the checkpoint's root.
    public static let includedInLog: CheckCode = "included-in-log"
    /// An event's inclusion proof does not lead to the checkpoint's root.
    public static let inclusionProofInvalid: CheckCode = "inclusion-proof-invalid"

    /// The codes that mean revocation was not checked for a credential, though it carries a status entry.
    public static let revocationNotChecked: Set<CheckCode> = [
        .noStatusList, .otherStatusList, .statusListNotAuthentic, .statusListOtherIssuer, .statusIndexOutside,
    ]
}
