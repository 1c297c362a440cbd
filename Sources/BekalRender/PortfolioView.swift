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
        /// The name of the verifier check that failed, e.g. `well-formed` or `revocation`.
        public var check: String
        /// A label for what the check concerned (a credential or the document), shown next to the failure.
        public var subject: String
        /// The verifier's English detail (the English page shows it; pages translate `code`).
        public var message: String
        /// The stable code of the failure, which pages translate into the page's language.
        public var code: CheckCode
        /// The credential the failure concerns, so the page can mark its row.
        public var credential: CredentialReference
        /// The date the failure refers to (e.g. an expiry), when it has one.
        public var date: Date?

        /// Creates a failed check; without a `credential`, the failure refers to `subject` by label only.
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
        /// The name of the check that was skipped or warned.
        public var check: String
        /// The verifier's English detail of the note.
        public var message: String
        /// How many credentials the note concerns.
        public var count: Int
        /// The stable code of the note, which pages translate.
        public var code: CheckCode = .unspecified
        /// The date the note refers to, when it has one.
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
        /// The holder's name, as the export carries it in clear.
        case named(String)
        /// Only a salted hash of the register number: the export was made without the name.
        case hashedIdentity
    }

    /// A unit's status on the competency map: Kompeten, Belum Kompeten or not assessed.
    public enum UnitStatus: String, Sendable, Hashable {
        /// Kompeten (K), Belum Kompeten (BK), or no assessment of the unit.
        case kompeten, belumKompeten, notAssessed
    }

    /// One unit of the framework on the competency map.
    public struct UnitRow: Sendable, Hashable {
        /// The unit code, e.g. `C.13BTK01.001.2`.
        public var code: String
        /// The unit title in Indonesian and English; the page shows the one of its language.
        public var title: LocalizedText
        /// Whether the unit is core; elective units carry a tag.
        public var isCore: Bool
        /// The unit's status from its latest assessment.
        public var status: UnitStatus
        /// The date of that assessment; `nil` when never assessed.
        public var assessedOn: LocalDate?
        /// The assessor's role (never the name), as its stable raw value, e.g. `bnsp-assessor`.
        public var assessorRole: String?
        /// Set when the unit's credential is withdrawn, expired or failed a check.
        public var mark: RowMark?

        /// Creates a competency map row.
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

    /// One certificate of competency in the certificates table.
    public struct CertificateRow: Sendable, Hashable {
        /// Who issued the certificate, e.g. an LSP or the partner.
        public var issuer: String
        /// The certification scheme, e.g. Tukang Cap.
        public var scheme: String
        /// The certificate number, opaque, as printed on it.
        public var number: String
        /// The issue date, when the document states it.
        public var issuedOn: LocalDate?
        /// The expiry date, when the document states it.
        public var expiresOn: LocalDate?
        /// Whether the certificate had expired when the page was made.
        public var isExpired: Bool
        /// Set when the certificate's credential is withdrawn, expired or failed a check.
        public var mark: RowMark?
    }

    /// Pieces of one month, by grade.
    public struct MonthRow: Sendable, Hashable {
        /// `YYYY-MM`.
        public var month: String
        /// Pieces produced in the month per quality grade.
        public var pieces: [QualityGrade: Double]

        /// All pieces produced in the month, every grade together.
        public var total: Double { pieces.values.reduce(0, +) }
    }

    /// The training and production totals and the monthly production chart's data.
    public struct ProductionSummary: Sendable, Hashable {
        /// Training hours attended, in hours.
        public var trainingHours: Double
        /// The number of training sessions attended.
        public var trainingSessions: Int
        /// Pieces produced per quality grade.
        public var piecesByGrade: [QualityGrade: Double]
        /// Metres of cloth produced (counted apart from pieces, never added to them).
        public var metres: Double
        /// Pieces rejected.
        public var rejects: Int
        /// Pieces reworked.
        public var rework: Int
        /// Oldest first.
        public var months: [MonthRow]

        /// All pieces produced, every grade together.
        public var pieces: Double { piecesByGrade.values.reduce(0, +) }
        /// Whether nothing was produced, so the page shows "no production" instead of a chart.
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
        /// No file with that name is in the directory, or it cannot be read, or the recorded hash is malformed.
        case missing
    }

    /// One evidence file in the evidence table, with the result of checking it.
    public struct EvidenceRow: Sendable, Hashable {
        /// Lowercase hex SHA-256 as recorded.
        public var sha256: String
        /// The file's media type, e.g. `image/jpeg`; only some image types are embedded as thumbnails.
        public var mediaType: String
        /// What the file shows, as recorded by staff, e.g. a photo of the stamped cloth.
        public var description: String
        /// What the evidence backs: a unit code or a certificate scheme.
        public var backs: String
        /// Whether the file was found in the evidence directory and its hash matched.
        public var check: EvidenceCheck
    }

    /// The verdict shown in the banner: valid, valid with exceptions, invalid, or draft.
    public var verdict: Verdict
    /// What the verdict sentence is written from (`nil` for a draft).
    public var summary: VerificationSummary?
    /// Skipped checks and warnings, so a reader knows what the verdict did not cover.
    public var checkNotes: [CheckNote]
    /// Set when the training and production record's credential is withdrawn, expired or failed a check.
    public var productionMark: RowMark?
    /// Whose portfolio it is: a name (drafts, named exports) or only a hashed identity.
    public var holder: Holder
    /// The name of the issuing facility, e.g. a Lapas, shown in the title and the person section.
    public var facilityName: String
    /// The export's `validFrom`, when rendered from an export.
    public var issuedAt: String?
    /// The competency framework's title, when the document names one.
    public var frameworkTitle: LocalizedText?
    /// The competency framework's version, when the document names one.
    public var frameworkVersion: String?
    /// Whether the framework is Bekal's sample, which the page labels as not an official standard.
    public var isSampleFramework: Bool
    /// The competency map's rows, in framework order.
    public var units: [UnitRow]
    /// The certificates table's rows.
    public var certificates: [CertificateRow]
    /// The training and production totals.
    public var production: ProductionSummary
    /// The evidence table's rows.
    public var evidence: [EvidenceRow]
    /// SHA-256 (hex) of the JCS canonical form of the export; `nil` for a draft.
    public var fingerprint: String?

    /// The number of units shown as Kompeten, for the summary above the map; a withdrawn one no longer counts.
    public var competentCount: Int { units.count { $0.status == .kompeten && $0.mark != .revoked } }
    /// The number of units shown as Belum Kompeten, withdrawn ones left out.
    public var notYetCompetentCount: Int { units.count { $0.status == .belumKompeten && $0.mark != .revoked } }
    /// The number of assessed units whose credential the facility withdrew (dicabut).
    public var revokedCount: Int { units.count { $0.status != .notAssessed && $0.mark == .revoked } }
    /// The number of units never assessed.
    public var notAssessedCount: Int { units.count { $0.status == .notAssessed } }
}
