/// A figure as published: a rounded count, or suppressed. Encoded as a JSON integer, or `null` when suppressed.
public enum PublishedValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case count(Int)
    case suppressed

    public var count: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    public var isSuppressed: Bool { self == .suppressed }

    public var description: String { count.map(String.init) ?? "x" }

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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let n): try container.encode(n)
        case .suppressed: try container.encodeNil()
        }
    }
}
