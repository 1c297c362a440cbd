/// A differential-privacy parameter ε as an exact positive rational, so the noise sampler needs no floating point.
public struct Epsilon: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numerator of ε in lowest terms.
    public let numerator: UInt64
    /// The denominator of ε in lowest terms.
    public let denominator: UInt64

    /// Creates ε = numerator / denominator; both must be positive and at most 10⁹.
    public init(numerator: UInt64, denominator: UInt64) throws(MetricsError) {
        guard numerator > 0, denominator > 0, numerator <= 1_000_000_000, denominator <= 1_000_000_000 else {
            throw MetricsError(.invalidEpsilon, "epsilon must be a positive fraction with terms up to 10^9")
        }
        let g = Epsilon.gcd(numerator, denominator)
        self.numerator = numerator / g
        self.denominator = denominator / g
    }

    /// Parses a plain decimal such as `0.5` or `2` (at most 6 decimal places, 0 < ε ≤ 100).
    public init(_ text: String) throws(MetricsError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.count == 1 || (1...6).contains(parts[1].count), parts[0].count <= 3,
            let whole = UInt64(parts[0])
        else { throw MetricsError(.invalidEpsilon, "epsilon must be a decimal like 0.5") }
        let fractionDigits = parts.count == 2 ? parts[1].count : 0
        var scale: UInt64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let fraction = parts.count == 2 ? UInt64(parts[1]) ?? 0 : 0
        let numerator = whole * scale + fraction
        // ε ≤ 100 as a whole value: 100.5 has whole part 100 but is above the limit.
        guard numerator > 0, numerator <= 100 * scale else {
            throw MetricsError(.invalidEpsilon, "epsilon must be greater than 0 and at most 100")
        }
        try self.init(numerator: numerator, denominator: scale)
    }

    /// ε as a floating-point number, for display and budget sums only; never for sampling noise.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// ε as a plain decimal, e.g. `0.5`, with at most 9 fraction digits (longer expansions are cut).
    public var description: String {
        let whole = numerator / denominator
        var rest = numerator % denominator
        guard rest != 0 else { return String(whole) }
        var digits = ""
        var count = 0
        while rest != 0 && count < 9 {
            rest *= 10
            digits += String(rest / denominator)
            rest %= denominator
            count += 1
        }
        return "\(whole).\(digits)"
    }

    /// ε divided into `parts` equal shares (sequential composition over the tables of one report).
    public func divided(by parts: UInt64) -> Epsilon {
        // Both terms stay ≤ 10⁹ · parts; parts is the number of tables, so far from overflow.
        (try? Epsilon(unchecked: numerator, denominator * max(1, parts))) ?? self
    }

    private init(unchecked numerator: UInt64, _ denominator: UInt64) throws(MetricsError) {
        let g = Epsilon.gcd(numerator, denominator)
        self.numerator = numerator / g
        self.denominator = denominator / g
    }

    private enum CodingKeys: String, CodingKey { case numerator, denominator }

    /// Decodes ε from its `numerator` and `denominator` members, validated like `init(numerator:denominator:)`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            numerator: try c.decode(UInt64.self, forKey: .numerator),
            denominator: try c.decode(UInt64.self, forKey: .denominator))
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
