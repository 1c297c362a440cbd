import Foundation

/// How a counselor names a person on the command line or in a spreadsheet: the internal UUID or the register
/// number. The text is tried as a UUID first, since Bekal never derives its ids from register numbers.
public enum PersonReference: Sendable, Hashable, CustomStringConvertible {
    case id(UUID)
    case registerNumber(RegisterNumber)

    /// Reads a reference; `nil` for empty text.
    public init?(_ text: String) {
        if let id = UUID(uuidString: text.trimmingWhitespace()) {
            self = .id(id)
        } else if let number = RegisterNumber(text) {
            self = .registerNumber(number)
        } else {
            return nil
        }
    }

    /// Redacted like the register number itself, so a reference never leaks into a log line.
    public var description: String {
        switch self {
        case .id(let id): id.uuidString.lowercased()
        case .registerNumber(let number): number.description
        }
    }
}
