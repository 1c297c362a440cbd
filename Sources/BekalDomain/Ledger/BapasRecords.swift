import Foundation

/// One trust list the Bapas imported: an entry of its registry's change history.
public struct TrustListImport: Sendable, Hashable {
    /// Its place in the history (1 first).
    public var sequence: Int64
    /// When the Bapas imported it.
    public var importedAt: Date
    /// The account that imported it.
    public var importedBy: String
    /// The facilities it names, as it names them.
    public var facilityNames: String
    /// Who vouched for it (`unsigned`, the facility's key, or an authority), as text.
    public var signedBy: String
    /// The list's exact bytes.
    public var list: Data

    /// An import as recorded or read back.
    public init(sequence: Int64 = 0, importedAt: Date, importedBy: String, facilityNames: String, signedBy: String,
                list: Data) {
        self.sequence = sequence
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.facilityNames = facilityNames
        self.signedBy = signedBy
        self.list = list
    }
}

/// A portfolio a Bapas received, with the verdict it got on arrival (or at its last re-verification).
public struct ReceivedPortfolio: Sendable, Hashable {
    /// The received portfolio's id in the Bapas store.
    public var id: UUID
    /// The facility code of the account that delivered it (its secret), not necessarily the issuer.
    public var senderCode: String
    /// The sender's `Idempotency-Key`: the same key from the same sender is the same delivery.
    public var idempotencyKey: String
    /// The export's exact bytes.
    public var body: Data
    /// SHA-256 of `body`, hex.
    public var sha256: String
    /// `VALID`, `VALID WITH EXCEPTIONS` or `INVALID`.
    public var verdict: String
    /// The verdict's sentence (Indonesian), naming the facility.
    public var sentence: String
    /// The same sentence in English (for the English pages); `nil` for a portfolio received before Bekal kept it,
    /// until it is verified again.
    public var sentenceEnglish: String?
    /// The issuing facility's name as the registry confirms it, if it does.
    public var facilityName: String?
    /// The name the export carries for its holder, if it carries one in clear.
    public var holder: String?
    /// The person's expected release date as the sender gave it (`YYYY-MM-DD`).
    public var releaseDate: String?
    /// When the delivery arrived.
    public var receivedAt: Date
    /// When the verdict was reached: on arrival, or at the last re-verification.
    public var verifiedAt: Date

    /// A received portfolio as stored or read back.
    public init(id: UUID, senderCode: String, idempotencyKey: String, body: Data, sha256: String, verdict: String,
                sentence: String, sentenceEnglish: String? = nil, facilityName: String?, holder: String?,
                releaseDate: String?, receivedAt: Date, verifiedAt: Date) {
        self.id = id
        self.senderCode = senderCode
        self.idempotencyKey = idempotencyKey
        self.body = body
        self.sha256 = sha256
        self.verdict = verdict
        self.sentence = sentence
        self.sentenceEnglish = sentenceEnglish
        self.facilityName = facilityName
        self.holder = holder
        self.releaseDate = releaseDate
        self.receivedAt = receivedAt
        self.verifiedAt = verifiedAt
    }
}
