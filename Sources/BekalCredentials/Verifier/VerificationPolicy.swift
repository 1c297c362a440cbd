import BekalDomain
import BekalJSON
import Foundation

/// One check the verifier applies to each credential (the outer one and every embedded one).
public protocol VerificationPolicy: Sendable {
    /// The check's name in reports, e.g. `issuer-trust`.
    var name: String { get }
    /// Applies the check to one credential and returns a record of each thing it found.
    func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord]
}

/// A credential being verified, with its proofs already checked (policies share that result).
public struct CredentialUnderCheck: Sendable {
    /// The credential's JSON object as parsed.
    public var document: JSONObject
    /// `credential` or `embedded[i] <id>`.
    public var label: String
    /// Whether the credential is embedded in an export rather than the export itself.
    public var isEmbedded: Bool
    /// The results of checking the credential's proofs, shared by every policy.
    public var proofs: ProofSetResult
    /// For an embedded credential: the outer document.
    public var container: JSONObject?
    /// Which credential this is (kind, unit code or scheme), carried by every record about it.
    public var reference: CredentialReference

    init(
        document: JSONObject, label: String, isEmbedded: Bool, proofs: ProofSetResult, container: JSONObject?,
        reference: CredentialReference? = nil
    ) {
        self.document = document
        self.label = label
        self.isEmbedded = isEmbedded
        self.proofs = proofs
        self.container = container
        self.reference = reference ?? CredentialReference(label: label)
    }

    /// The credential's issuer id: its `issuer` string, or the `id` of an issuer object.
    public var issuerID: String? {
        document["issuer"]?.stringValue ?? document["issuer"]?["id"]?.stringValue
    }

    func record(
        _ check: String, _ status: CheckRecord.Status, _ code: CheckCode, _ detail: String, date: Date? = nil
    ) -> CheckRecord {
        CheckRecord(check: check, subject: label, status: status, detail: detail, code: code, credential: reference, date: date)
    }
}

/// Who is trusted to sign for whom.
public struct TrustAnchors: Sendable {
    /// `did:key` issuers trusted to sign for themselves (`--issuer`).
    public var selfSigningIssuers: Set<String>
    /// The facility's trust list, when the reader was given one (`--trust`).
    public var trustList: TrustList?

    /// Creates trust anchors; with none, every credential fails the issuer-trust check.
    public init(selfSigningIssuers: Set<String> = [], trustList: TrustList? = nil) {
        self.selfSigningIssuers = selfSigningIssuers
        self.trustList = trustList
    }

    /// Whether nothing is trusted at all.
    public var isEmpty: Bool { selfSigningIssuers.isEmpty && (trustList?.issuers.isEmpty ?? true) }

    /// The trust list's entry for `issuerID` that carries a name (the facility's name as the list gives it).
    public func listedIssuer(_ issuerID: String) -> TrustList.Issuer? {
        let entries = trustList?.issuers.filter { $0.id == issuerID } ?? []
        return entries.first { $0.name != nil } ?? entries.first
    }
}

/// What the policies check against: the time, the trust anchors, status lists, and the register number and
/// verification code of the person the reader expects.
public struct VerificationContext: Sendable {
    /// The verification time, against which validity periods, proof times and key windows are checked.
    public var at: Date
    /// Who is trusted to sign for whom.
    public var trust: TrustAnchors
    /// Status lists handed to the verifier, with whether each one's own proofs and issuer verified.
    public var statusLists: [VerifiedStatusList]
    /// The register number of the person the reader expects (a PK checking a file), to match the hashed subject.
    public var registerNumber: RegisterNumber?
    /// The person's verification code (printed for them at release), for exports that bind the register number
    /// with it (`IdentityHash.Form.registerNumberAndCode`).
    public var verificationCode: VerificationCode?

    /// Creates a context; without a register number the identity check is skipped.
    public init(
        at: Date, trust: TrustAnchors, statusLists: [VerifiedStatusList] = [], registerNumber: RegisterNumber? = nil,
        verificationCode: VerificationCode? = nil
    ) {
        self.at = at
        self.trust = trust
        self.statusLists = statusLists
        self.registerNumber = registerNumber
        self.verificationCode = verificationCode
    }
}

/// A status list credential given to the verifier, and whether it is itself authentic.
public struct VerifiedStatusList: Sendable {
    /// The list credential's id, issuer, purpose and bitstring.
    public var contents: StatusListCredential.Contents
    /// `nil` when its proofs verified and its signer is trusted for its issuer; else why not.
    public var problem: String?
}
