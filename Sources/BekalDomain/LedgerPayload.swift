import Foundation

/// What one ledger event records. The ledger is append-only: a mistake is fixed by a `correction` that names
/// the event it replaces (or retracts it) and says why; the original stays.
public indirect enum LedgerPayload: Sendable, Hashable, Codable {
    /// The facility set up its ledger (`bekal init`): the first event.
    case facilityInitialized(Facility)
    /// A WBP was registered.
    case personAdded(Person)
    /// A version of a competency framework was imported.
    case frameworkImported(CompetencyFramework)
    /// An asesor's assessment of one unit (Kompeten or Belum Kompeten) was recorded.
    case assessmentRecorded(Assessment)
    /// A certificate of competency issued by an LSP was recorded.
    case certificateRecorded(Certificate)
    /// A training session a person attended was recorded.
    case trainingRecorded(TrainingSession)
    /// An entry of the production log was recorded.
    case productionRecorded(ProductionEntry)
    /// The person was moved to another facility.
    case transferred(Transfer)
    /// The person left custody (parole, conditional leave, leave before release or end of sentence).
    case released(Release)
    /// An earlier event was replaced or retracted, with the reason.
    case corrected(Correction)
    /// An exported credential was revoked (dicabut).
    case credentialRevoked(CredentialRevocation)
    /// A noisy metrics report spent privacy budget of its period.
    case privacyBudgetSpent(PrivacyBudgetSpend)
    /// Remisi moved a person's expected release date earlier.
    case remissionGranted(Remission)
    /// Evidence attached to an earlier assessment.
    case evidenceAttached(EvidenceAttachment)
    /// A person's identity verification code was issued.
    case verificationCodeIssued(VerificationCodeIssue)
    /// A staff account was created, changed or disabled, or a counselor became responsible for a person.
    case account(AccountEvent)

    /// The stable name stored in the ledger's `type` column.
    public var kind: String {
        switch self {
        case .facilityInitialized: "facility.initialized"
        case .personAdded: "person.added"
        case .frameworkImported: "framework.imported"
        case .assessmentRecorded: "assessment.recorded"
        case .certificateRecorded: "certificate.recorded"
        case .trainingRecorded: "training.recorded"
        case .productionRecorded: "production.recorded"
        case .transferred: "person.transferred"
        case .released: "person.released"
        case .corrected: "record.corrected"
        case .credentialRevoked: "credential.revoked"
        case .privacyBudgetSpent: "metrics.privacy-budget-spent"
        case .remissionGranted: "person.remission-granted"
        case .evidenceAttached: "evidence.attached"
        case .verificationCodeIssued: "person.verification-code-issued"
        case .account(let a): a.kind
        }
    }

    /// The person the event is about, when it is about one.
    public var personID: UUID? {
        switch self {
        case .facilityInitialized, .frameworkImported, .credentialRevoked, .privacyBudgetSpent: nil
        case .personAdded(let p): p.id
        case .assessmentRecorded(let a): a.personID
        case .certificateRecorded(let c): c.personID
        case .trainingRecorded(let t): t.personID
        case .productionRecorded(let p): p.personID
        case .transferred(let t): t.personID
        case .released(let r): r.personID
        case .corrected(let c): c.personID
        case .remissionGranted(let r): r.personID
        case .evidenceAttached(let e): e.personID
        case .verificationCodeIssued(let v): v.personID
        case .account(let a): a.personID
        }
    }
}

/// A correction or retraction of an earlier event.
public struct Correction: Sendable, Hashable, Codable {
    /// The id of the event being corrected.
    public var correctedEventID: UUID
    /// The person the corrected event is about, or `nil` when it concerns no person.
    public var personID: UUID?
    /// Why the record is corrected or retracted, as the staff member wrote it (e.g. "Tercatat dua kali"); required.
    public var reason: String
    /// The record that replaces the corrected one; `nil` retracts it.
    public var replacement: LedgerPayload?

    /// Creates a correction of event `correctedEventID`; a `nil` replacement retracts it.
    public init(correctedEventID: UUID, personID: UUID?, reason: String, replacement: LedgerPayload?) {
        self.correctedEventID = correctedEventID
        self.personID = personID
        self.reason = reason
        self.replacement = replacement
    }
}

/// The revocation of an exported credential, published through the Bitstring Status List.
public struct CredentialRevocation: Sendable, Hashable, Codable {
    /// The credential's `id` as exported (a `urn:uuid:` URI).
    public var credentialID: String
    /// Why the facility revoked (dicabut) the credential, as recorded by staff.
    public var reason: String

    /// Creates the revocation of the exported credential `credentialID` with its reason.
    public init(credentialID: String, reason: String) {
        self.credentialID = credentialID
        self.reason = reason
    }
}
