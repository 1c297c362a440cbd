import BekalCredentials
import BekalDomain
import Foundation

/// What a portfolio page shows, independent of HTML: built from a verified export (`PortfolioView(export:…)`) or
/// from the store's current record (`PortfolioView(draft:…)`), and rendered by `PortfolioPage`.
public struct PortfolioView: Sendable, Hashable {
    /// The verdict banner.
    public enum Verdict: Sendable, Hashable {
        /// Every check passed; `issuer` is the trusted issuer id.
        case valid(issuer: String, checkedAt: Date)
        /// Signatures, structure and issuer hold; some items are revoked or expired (marked on their rows).
        case validWithExceptions(issuer: String, checkedAt: Date)
        /// At least one check failed.
        case invalid(failures: [FailedCheck], checkedAt: Date)
        /// A record from the store, not exported or signed yet.
        case draft(preparedOn: LocalDate)
    }

    /// One failed verifier check, by name, with the credential it concerns.
    public struct FailedCheck: Sendable, Hashable {
        public var check: String
        public var subject: String
        /// The verifier's English detail (the English page shows it; pages translate `code`).
        public var message: String
        public var code: CheckCode
        public var credential: CredentialReference
        public var date: Date?

        public init(
            check: String, subject: String, message: String, code: CheckCode = .unspecified,
            credential: CredentialReference? = nil, date: Date? = nil
        ) {
            self.check = check
            self.subject = subject
            self.message = message
            self.code = code
            self.credential = credential ?? CredentialReference(label: subject)
            self.date = date
        }
    }

    /// A check that was skipped or only warned (no status list given, the older identity form), with how many
    /// credentials it concerned.
    public struct CheckNote: Sendable, Hashable {
        public var check: String
        public var message: String
        public var count: Int
        public var code: CheckCode = .unspecified
        public var date: Date?
    }

    /// What the verifier found about the credential behind a row, when it does not simply stand.
    public enum RowMark: Sendable, Hashable {
        /// Revoked by the issuer: the item is withdrawn.
        case revoked
        /// Past its `validUntil`.
        case expired(on: Date)
        /// A check failed on this credential (the verdict is INVALID).
        case failed(check: String, code: CheckCode)
    }

    /// Who the portfolio belongs to, as far as the document says.
    public enum Holder: Sendable, Hashable {
        case named(String)
        /// Only a salted hash of the register number: the export was made without the name.
        case hashedIdentity
    }

    public enum UnitStatus: String, Sendable, Hashable {
        case kompeten, belumKompeten, notAssessed
    }

    /// One unit of the framework on the competency map.
    public struct UnitRow: Sendable, Hashable {
        public var code: String
        public var title: LocalizedText
        public var isCore: Bool
        public var status: UnitStatus
        public var assessedOn: LocalDate?
        /// The assessor's role (never the name), as its stable raw value, e.g. `bnsp-assessor`.
        public var assessorRole: String?
        /// Set when the unit's credential is withdrawn, expired or failed a check.
        public var mark: RowMark?

        public init(
            code: String, title: LocalizedText, isCore: Bool, status: UnitStatus, assessedOn: LocalDate?,
            assessorRole: String?, mark: RowMark? = nil
        ) {
            self.code = code
            self.title = title
            self.isCore = isCore
            self.status = status
            self.assessedOn = assessedOn
            self.assessorRole = assessorRole
            self.mark = mark
        }
    }

    public struct CertificateRow: Sendable, Hashable {
        public var issuer: String
        public var scheme: String
        public var number: String
        public var issuedOn: LocalDate?
        public var expiresOn: LocalDate?
        public var isExpired: Bool
        /// Set when the certificate's credential is withdrawn, expired or failed a check.
        public var mark: RowMark?
    }

    /// Pieces of one month, by grade.
    public struct MonthRow: Sendable, Hashable {
        /// `YYYY-MM`.
        public var month: String
        public var pieces: [QualityGrade: Double]

        public var total: Double { pieces.values.reduce(0, +) }
    }

    public struct ProductionSummary: Sendable, Hashable {
        public var trainingHours: Double
        public var trainingSessions: Int
        public var piecesByGrade: [QualityGrade: Double]
        public var metres: Double
        public var rejects: Int
        public var rework: Int
        /// Oldest first.
        public var months: [MonthRow]

        public var pieces: Double { piecesByGrade.values.reduce(0, +) }
        public var isEmpty: Bool { pieces == 0 && metres == 0 && months.isEmpty }
    }

    /// The result of looking an evidence file up in `--evidence-dir`.
    public enum EvidenceCheck: Sendable, Hashable {
        /// No evidence directory was given.
        case notChecked
        /// The file is there and its SHA-256 matches; `thumbnail` is a `data:` URI for images.
        case matched(thumbnail: String?)
        /// A file with that name is there, but its bytes hash to something else.
        case mismatch
        case missing
    }

    public struct EvidenceRow: Sendable, Hashable {
        /// Lowercase hex SHA-256 as recorded.
        public var sha256: String
        public var mediaType: String
        public var description: String
        /// What the evidence backs: a unit code or a certificate scheme.
        public var backs: String
        public var check: EvidenceCheck
    }

    public var verdict: Verdict
    /// What the verdict sentence is written from (`nil` for a draft).
    public var summary: VerificationSummary?
    /// Skipped checks and warnings, so a reader knows what the verdict did not cover.
    public var checkNotes: [CheckNote]
    /// Set when the training and production record's credential is withdrawn, expired or failed a check.
    public var productionMark: RowMark?
    public var holder: Holder
    public var facilityName: String
    /// The export's `validFrom`, when rendered from an export.
    public var issuedAt: String?
    public var frameworkTitle: LocalizedText?
    public var frameworkVersion: String?
    public var isSampleFramework: Bool
    public var units: [UnitRow]
    public var certificates: [CertificateRow]
    public var production: ProductionSummary
    public var evidence: [EvidenceRow]
    /// SHA-256 (hex) of the JCS canonical form of the export; `nil` for a draft.
    public var fingerprint: String?

    public var competentCount: Int { units.count { $0.status == .kompeten } }
    public var notYetCompetentCount: Int { units.count { $0.status == .belumKompeten } }
    public var notAssessedCount: Int { units.count { $0.status == .notAssessed } }
}
