import BekalJSON
import Foundation

/// How a portfolio is exported.
public struct ExportOptions: Sendable {
    /// Whether the person's name goes into the export. Default OFF: an export is a file that gets forwarded
    /// (PK, employers, e-mail), and UU 27/2022 asks for the least personal data. The PK already knows whom the
    /// hearing is about and confirms the match with the register number, which is hashed; the person can ask
    /// for a named export for an employer.
    public var includeName: Bool
    /// The issuer id: the signing key's `did:key` when `nil`; otherwise e.g. an https URL that the facility's
    /// trust list binds to its keys.
    public var issuerID: String?
    /// Where the status list is published and which indices are already taken.
    public var statusAllocation: StatusAllocation
    /// Which Data Integrity cryptosuite signs every credential of the export (`bekal export --cryptosuite`).
    /// Default `eddsa-rdfc-2022`: see ``ExportCryptosuite``.
    public var cryptosuite: ExportCryptosuite
    /// The person's verification code (kept in the ledger, printed for them at release). With it the subject is
    /// identified by the keyed form (`IdentityHash.Form.registerNumberAndCode`), which cannot be brute-forced from
    /// the file; without it by the older register-number-only hash, which can (the verifier reports it as weaker).
    public var verificationCode: VerificationCode?
    /// The ledger's checkpoint at export time and the inclusion proofs of the events each credential was built
    /// from, written as the outer credential's `ledgerLog` member under its proof (one person's: like the
    /// verification code, it is set per export). No member when `nil`.
    public var ledgerLog: LedgerLogEvidence?

    /// Creates export options; by default the name is left out, the issuer is the key's `did:key` and `eddsa-rdfc-2022` signs.
    public init(
        includeName: Bool = false, issuerID: String? = nil, statusAllocation: StatusAllocation,
        cryptosuite: ExportCryptosuite = .default, verificationCode: VerificationCode? = nil,
        ledgerLog: LedgerLogEvidence? = nil
    ) {
        self.includeName = includeName
        self.issuerID = issuerID
        self.statusAllocation = statusAllocation
        self.cryptosuite = cryptosuite
        self.verificationCode = verificationCode
        self.ledgerLog = ledgerLog
    }
}

/// The proofs an export carries on each credential.
///
/// The default is `eddsa-rdfc-2022` alone, because that is what the verifiers an export meets accept: the 1EdTech
/// Open Badges 3.0 / CLR 2.0 validator and conformance suite, and MIT DCC's verifier-core (Learner Credential
/// Wallet, VerifierPlus). `eddsa-jcs-2022` is not among the suites those verify, and a proof set with a proof a
/// verifier does not know may make it reject the whole credential, so `both` is opt-in, for readers known to handle
/// proof sets (`bekal verify` does). `bekal verify` accepts all three.
public enum ExportCryptosuite: String, Sendable, Hashable, CaseIterable {
    /// One `eddsa-rdfc-2022` proof (JSON-LD, RDFC-1.0); every term must be defined by the bundled contexts.
    case rdfc = "eddsa-rdfc-2022"
    /// One `eddsa-jcs-2022` proof (RFC 8785): signs the JSON as written.
    case jcs = "eddsa-jcs-2022"
    /// A proof set: `eddsa-rdfc-2022` first, then `eddsa-jcs-2022`, each over the document without proofs.
    case both

    /// The suite used when none is asked for: `eddsa-rdfc-2022`.
    public static let `default` = ExportCryptosuite.rdfc

    /// The suites that sign, in the order their proofs appear.
    public var suites: [any Cryptosuite] {
        switch self {
        case .rdfc: [EddsaRdfc2022()]
        case .jcs: [EddsaJcs2022()]
        case .both: [EddsaRdfc2022(), EddsaJcs2022()]
        }
    }
}

/// A signed export and the status-list indices it used (the store records new ones).
public struct ExportResult: Sendable {
    /// The signed export: a CLR credential embedding one AchievementCredential per record.
    public var credential: JSONValue
    /// The status allocation after the export, with any indices it newly allocated for the store to record.
    public var statusAllocation: StatusAllocation
    /// The ids of the embedded AchievementCredentials, in order.
    public var embeddedCredentialIDs: [String]
    /// `credential` in RFC 8785 form, when an `eddsa-jcs-2022` proof made the exporter assemble it anyway (else
    /// `nil`). A writer can store these bytes (compact, valid JSON) instead of serializing `credential` again.
    public var canonicalBytes: [UInt8]? = nil
}
