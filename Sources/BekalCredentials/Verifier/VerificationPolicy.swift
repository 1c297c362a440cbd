import BekalDomain
import BekalJSON
import Foundation

/// One check the verifier applies to each credential (the outer one and every embedded one).
public protocol VerificationPolicy: Sendable {
    /// The check's name in reports, e.g. `issuer-trust`.
    var name: String { get }
    func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord]
}

/// A credential being verified, with its proofs already checked (policies share that result).
public struct CredentialUnderCheck: Sendable {
    public var document: JSONObject
    /// `credential` or `embedded[i] <id>`.
    public var label: String
    public var isEmbedded: Bool
    public var proofs: ProofSetResult
    /// For an embedded credential: the outer document.
    public var container: JSONObject?

    public var issuerID: String? {
        document["issuer"]?.stringValue ?? document["issuer"]?["id"]?.stringValue
    }

    func record(_ check: String, _ status: CheckRecord.Status, _ detail: String) -> CheckRecord {
        CheckRecord(check: check, subject: label, status: status, detail: detail)
    }
}

/// Who is trusted to sign for whom.
public struct TrustAnchors: Sendable {
    /// `did:key` issuers trusted to sign for themselves (`--issuer`).
    public var selfSigningIssuers: Set<String>
    public var trustList: TrustList?

    public init(selfSigningIssuers: Set<String> = [], trustList: TrustList? = nil) {
        self.selfSigningIssuers = selfSigningIssuers
        self.trustList = trustList
    }

    public var isEmpty: Bool { selfSigningIssuers.isEmpty && (trustList?.issuers.isEmpty ?? true) }
}

/// What the policies check against: the time, the trust anchors, status lists and the register number.
public struct VerificationContext: Sendable {
    public var at: Date
    public var trust: TrustAnchors
    /// Status lists handed to the verifier, with whether each one's own proofs and issuer verified.
    public var statusLists: [VerifiedStatusList]
    public var registerNumber: RegisterNumber?

    public init(at: Date, trust: TrustAnchors, statusLists: [VerifiedStatusList] = [], registerNumber: RegisterNumber? = nil) {
        self.at = at
        self.trust = trust
        self.statusLists = statusLists
        self.registerNumber = registerNumber
    }
}

/// A status list credential given to the verifier, and whether it is itself authentic.
public struct VerifiedStatusList: Sendable {
    public var contents: StatusListCredential.Contents
    /// `nil` when its proofs verified and its signer is trusted for its issuer; else why not.
    public var problem: String?
}
