/// A figure as published: a rounded count, or suppressed. Encoded as a JSON integer, or `null` when suppressed.
public enum PublishedValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A rounded count, published as a JSON integer.
    case count(Int)
    /// Withheld by disclosure control, published as `null`.
    case suppressed

    /// The published count, or `nil` when suppressed.
    public var count: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    /// Whether the figure is suppressed.
    public var isSuppressed: Bool { self == .suppressed }

    /// The count as digits, or `x` when suppressed, as printed in review text.
    public var description: String { count.map(String.init) ?? "x" }

    /// Decodes a non-negative JSON integer, or `null` as suppressed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .suppressed
        } else {
            let n = try container.decode(Int.self)
            guard n >= 0 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a count is never negative")
            }
            self = .count(n)
        }
    }

    /// Encodes the count as a JSON integer, or `null` when suppressed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let n): try container.encode(n)
        case .suppressed: try container.encodeNil()
        }
    }
}
