/// A register number (nomor register) from SDP. Its format is not public, so it is an opaque string.
///
/// It identifies a WBP and is sensitive under UU 27/2022: its `description` is redacted, so string
/// interpolation into a log line or an error message can never reveal it. Use `rawValue` only where the
/// user asked to see it, or to hash it.
public struct RegisterNumber: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The register number as written in SDP, trimmed; use only where the user asked to see it, or to hash it.
    public let rawValue: String

    /// Creates a register number from non-empty text; surrounding white space is removed.
    public init?(_ rawValue: String) {
        let trimmed = rawValue.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        self.rawValue = trimmed
    }

    /// Always `‹register number›`, so interpolating the number into a log line never reveals it.
    public var description: String { "‹register number›" }
    /// The same redacted text as `description`, so debugger and `dump` output hides it too.
    public var debugDescription: String { description }

    /// Decodes the number from a JSON string; an empty or blank string is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = RegisterNumber(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty register number")
        }
        self = value
    }

    /// Encodes the number in clear, unlike `description`: the encoded JSON holds the real value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A person's full name. Personal data: `description` is redacted for the same reason as `RegisterNumber`.
public struct PersonName: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The full name as recorded, trimmed; use only where the user asked to see it.
    public let rawValue: String

    /// Creates a name from non-empty text; surrounding white space is removed.
    public init?(_ rawValue: String) {
        let trimmed = rawValue.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        self.rawValue = trimmed
    }

    /// Always `‹name›`, so interpolating the name into a log line never reveals it.
    public var description: String { "‹name›" }
    /// The same redacted text as `description`.
    public var debugDescription: String { description }

    /// Decodes the name from a JSON string; an empty or blank string is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = PersonName(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty name")
        }
        self = value
    }

    /// Encodes the name in clear, unlike `description`: the encoded JSON holds the real value.
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
