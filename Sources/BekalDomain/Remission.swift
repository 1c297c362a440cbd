import Foundation

/// Remisi: a decree (SK) that shortens a person's sentence by days or months and so moves the expected release
/// date earlier. The release date before and after is kept in the record, so the history shows what it was.
public struct Remission: Sendable, Hashable, Codable {
    /// The kind of remisi, as decreed.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Remisi umum, granted on 17 August.
        case general
        /// Remisi khusus, granted on the person's religious holiday.
        case special
        /// Any other remisi (remisi tambahan, remisi dasawarsa, …).
        case other
    }

    /// The WBP granted the remisi.
    public var personID: UUID
    /// The decree's number (nomor SK), as written on it.
    public var decree: String
    /// Remisi umum, khusus or another kind.
    public var kind: Kind
    /// The day the remisi was granted.
    public var grantedOn: LocalDate
    /// The whole months the sentence is shortened by.
    public var months: Int
    /// The days the sentence is shortened by, after the months.
    public var days: Int
    /// The expected release date the remisi moves from.
    public var previousReleaseDate: LocalDate
    /// The expected release date after the remisi: `previousReleaseDate` less the months, then the days.
    public var newReleaseDate: LocalDate

    /// A remisi of `months` and `days` from `previousReleaseDate`.
    public init(
        personID: UUID, decree: String, kind: Kind, grantedOn: LocalDate, months: Int, days: Int,
        previousReleaseDate: LocalDate
    ) {
        self.personID = personID
        self.decree = decree
        self.kind = kind
        self.grantedOn = grantedOn
        self.months = months
        self.days = days
        self.previousReleaseDate = previousReleaseDate
        self.newReleaseDate = Remission.shortened(previousReleaseDate, months: months, days: days)
    }

    /// A date moved earlier by whole months (clamped to the month's last day) and then by days.
    public static func shortened(_ date: LocalDate, months: Int, days: Int) -> LocalDate {
        var year = date.year
        var month = date.month - months
        while month < 1 {
            month += 12
            year -= 1
        }
        let day = min(date.day, LocalDate.daysIn(month: month, year: year))
        let moved = LocalDate(year: year, month: month, day: day) ?? date
        return LocalDate(daysSinceEpoch: moved.daysSinceEpoch - days)
    }
}

extension Remission.Kind: GlossaryTerm {
    /// The kind of remisi in Indonesian and English, e.g. Remisi umum / General remission.
    public var label: LocalizedText {
        switch self {
        case .general: LocalizedText(id: "Remisi umum", en: "General remission")
        case .special: LocalizedText(id: "Remisi khusus", en: "Special remission")
        case .other: LocalizedText(id: "Remisi lain", en: "Other remission")
        }
    }

    /// Other words accepted for the kind, e.g. `ru`, `rk` or `dasawarsa`.
    public var aliases: [String] {
        switch self {
        case .general: ["umum", "ru"]
        case .special: ["khusus", "rk"]
        case .other: ["lain", "tambahan", "dasawarsa"]
        }
    }
}

/// Evidence attached to an assessment after it was recorded (a photo taken later, a checklist found), without
/// changing the assessment itself.
public struct EvidenceAttachment: Sendable, Hashable, Codable {
    /// The WBP whose assessment the evidence backs.
    public var personID: UUID
    /// The `assessment.recorded` event the evidence backs.
    public var assessmentEventID: UUID
    /// The files attached, e.g. a photo of the cloth taken later.
    public var evidence: [Evidence]

    /// - Parameters: the person, the assessment's event, the files.
    public init(personID: UUID, assessmentEventID: UUID, evidence: [Evidence]) {
        self.personID = personID
        self.assessmentEventID = assessmentEventID
        self.evidence = evidence
    }
}

/// A person's identity verification code, issued once and printed for them: it keys the identity hash in their
/// exports so the export cannot be matched to a register number without it. Kept in the ledger, never exported.
public struct VerificationCodeIssue: Sendable, Hashable, Codable {
    /// The WBP the code was issued to.
    public var personID: UUID
    /// The code in canonical form (13 characters of Crockford base 32, the last a check character).
    public var code: String

    /// - Parameters: the person and their code.
    public init(personID: UUID, code: String) {
        self.personID = personID
        self.code = code
    }
}
