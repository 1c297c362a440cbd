/// A register number (nomor register) from SDP. Its format is not public, so it is an opaque string.
///
/// It identifies a WBP and is sensitive under UU 27/2022: its `description` is redacted, so string
/// interpolation into a log line or an error message can never reveal it. Use `rawValue` only where the
/// user asked to see it, or to hash it.
public struct RegisterNumber: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    public let rawValue: String

    /// Creates a register number from non-empty text; surrounding white space is removed.
    public init?(_ rawValue: String) {
        let trimmed = rawValue.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        self.rawValue = trimmed
    }

    public var description: String { "‹register number›" }
    public var debugDescription: String { description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = RegisterNumber(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty register number")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A person's full name. Personal data: `description` is redacted for the same reason as `RegisterNumber`.
public struct PersonName: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        let trimmed = rawValue.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        self.rawValue = trimmed
    }

    public var description: String { "‹name›" }
    public var debugDescription: String { description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = PersonName(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty name")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
