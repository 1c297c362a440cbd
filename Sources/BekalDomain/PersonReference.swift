import Foundation

/// How a counselor names a person on the command line: by register number or by Bekal's internal id.
///
/// Text that parses as a UUID is an internal id; anything else non-empty is a register number. The
/// description is redacted for register numbers, so a reference can be put in an error message safely.
public enum PersonReference: Sendable, Hashable, CustomStringConvertible {
    /// Bekal's internal id for the person.
    case id(UUID)
    /// The person's register number (nomor register).
    case registerNumber(RegisterNumber)

    /// Parses a reference; `nil` for empty or blank text.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        if let uuid = UUID(uuidString: trimmed) {
            self = .id(uuid)
        } else if let number = RegisterNumber(trimmed) {
            self = .registerNumber(number)
        } else {
            return nil
        }
    }

    /// Whether the reference names `person`.
    public func matches(_ person: Person) -> Bool {
        switch self {
        case .id(let id): person.id == id
        case .registerNumber(let number): person.registerNumber == number
        }
    }

    /// The lowercase UUID, or the register number's redacted description, so it is safe in error messages.
    public var description: String {
        switch self {
        case .id(let id): id.uuidString.lowercased()
        case .registerNumber(let number): number.description
        }
    }
}
