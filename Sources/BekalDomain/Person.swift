import Foundation

/// A correctional facility (Lapas, Rutan or LPKA): the issuer of credentials and the place stamped on every
/// ledger event.
public struct Facility: Sendable, Hashable, Codable {
    /// A short stable code, e.g. `LAPAS-PWT`; it appears in exports and metrics.
    public var code: String
    /// The facility's name, e.g. "Lapas Kelas IIA Purwokerto".
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// Where a WBP stands in the correctional system.
public enum PersonStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    case released
    case transferred
}

/// A WBP (warga binaan pemasyarakatan), the subject of a portfolio.
public struct Person: Sendable, Hashable, Codable, Identifiable {
    /// Bekal's internal id; never derived from the register number.
    public var id: UUID
    public var registerNumber: RegisterNumber
    public var fullName: PersonName
    public var birthDate: LocalDate?
    public var admissionDate: LocalDate
    public var expectedReleaseDate: LocalDate
    public var status: PersonStatus
    /// The facility that holds the person now (or last held them).
    public var facilityCode: String
    /// The day the person left the facility (released or transferred), kept by the ledger; `nil` while active.
    /// Records dated after it are refused.
    public var leftOn: LocalDate?

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
