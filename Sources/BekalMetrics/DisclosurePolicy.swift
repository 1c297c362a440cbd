/// The disclosure-control rules a report is published under. On by default: the ONS "10-5" rule.
public struct DisclosurePolicy: Sendable, Hashable, Codable {
    /// The smallest k the policy accepts; below it suppression protects almost nothing.
    public static let minimumThreshold = 3

    /// Counts from 1 to `threshold − 1` are suppressed.
    public let threshold: Int
    /// Published counts are rounded to the nearest multiple of this base.
    public let roundingBase: Int
    /// When set, discrete Laplace noise with this ε (split equally over the tables) is added before suppression.
    public let epsilon: Epsilon?

    /// The ONS 10-5 rule without noise.
    public static let ons105 = DisclosurePolicy(validated: 10, 5, nil)

    /// Creates a policy; throws when k is below `minimumThreshold` or the rounding base is not from 1 to k.
    public init(threshold: Int = 10, roundingBase: Int = 5, epsilon: Epsilon? = nil) throws(MetricsError) {
        guard threshold >= DisclosurePolicy.minimumThreshold else {
            throw MetricsError(.thresholdTooLow, "the disclosure threshold k must be at least \(DisclosurePolicy.minimumThreshold)")
        }
        guard roundingBase >= 1, roundingBase <= threshold else {
            throw MetricsError(.invalidRoundingBase, "the rounding base must be between 1 and the threshold k")
        }
        self.init(validated: threshold, roundingBase, epsilon)
    }

    private init(validated threshold: Int, _ roundingBase: Int, _ epsilon: Epsilon?) {
        self.threshold = threshold
        self.roundingBase = roundingBase
        self.epsilon = epsilon
    }

    /// `value` rounded to the nearest multiple of the base (halves away from zero).
    public func rounded(_ value: Int) -> Int {
        let b = roundingBase
        guard b > 1 else { return value }
        let down = (value / b) * b
        return value - down >= (b + 1) / 2 ? down + b : down
    }

    /// A one-line description published in the report.
    public var summary: String {
        var text = "counts 1-\(threshold - 1) suppressed; others rounded to base \(roundingBase); complementary suppression"
        if let epsilon { text += "; discrete Laplace noise, epsilon \(epsilon)" }
        return text
    }

    /// Decodes a policy and validates it like `init(threshold:roundingBase:epsilon:)`, so a stored report cannot smuggle in a weaker one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            threshold: try c.decode(Int.self, forKey: .threshold),
            roundingBase: try c.decode(Int.self, forKey: .roundingBase),
            epsilon: try c.decodeIfPresent(Epsilon.self, forKey: .epsilon))
    }
}
