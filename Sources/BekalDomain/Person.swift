import Foundation

/// A correctional facility (Lapas, Rutan or LPKA): the issuer of credentials and the place stamped on every
/// ledger event.
public struct Facility: Sendable, Hashable, Codable {
    /// A short stable code, e.g. `LAPAS-PWT`; it appears in exports and metrics.
    public var code: String
    /// The facility's name, e.g. "Lapas Kelas IIA Purwokerto".
    public var name: String

    /// Creates a facility from its short code and full name.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// Where a WBP stands in the correctional system.
public enum PersonStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// In the facility's custody.
    case active
    /// Left custody: a release was recorded.
    case released
    /// Moved to another facility: a transfer was recorded.
    case transferred
}

/// A WBP (warga binaan pemasyarakatan), the subject of a portfolio.
public struct Person: Sendable, Hashable, Codable, Identifiable {
    /// Bekal's internal id; never derived from the register number.
    public var id: UUID
    /// The person's nomor register in the correctional system; sensitive and opaque, redacted in logs and messages.
    public var registerNumber: RegisterNumber
    /// The person's full legal name as on the register; sensitive.
    public var fullName: PersonName
    /// The date of birth, when known; personal data like the name.
    public var birthDate: LocalDate?
    /// The day the person was admitted; no record may be dated before it.
    public var admissionDate: LocalDate
    /// The expected release date as it stands now; remisi, parole and leave move it earlier.
    public var expectedReleaseDate: LocalDate
    /// Whether the person is still held, released or transferred.
    public var status: PersonStatus
    /// The facility that holds the person now (or last held them).
    public var facilityCode: String
    /// The day the person left the facility (released or transferred), kept by the ledger; `nil` while active.
    /// Records dated after it are refused.
    public var leftOn: LocalDate?

    /// Creates a person record as added to the ledger; `leftOn` starts as `nil`.
    public init(
        id: UUID, registerNumber: RegisterNumber, fullName: PersonName, birthDate: LocalDate?,
        admissionDate: LocalDate, expectedReleaseDate: LocalDate, status: PersonStatus, facilityCode: String
    ) {
        self.id = id
        self.registerNumber = registerNumber
        self.fullName = fullName
        self.birthDate = birthDate
        self.admissionDate = admissionDate
        self.expectedReleaseDate = expectedReleaseDate
        self.status = status
        self.facilityCode = facilityCode
    }
}
