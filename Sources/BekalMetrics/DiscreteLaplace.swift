/// An exact sampler of the discrete Laplace (two-sided geometric) distribution,
/// P(Z = z) ∝ exp(−|z| / scale) with scale = t / s, after Canonne, Kamath and Steinke, "The Discrete Gaussian for
/// Differential Privacy" (2020), Algorithms 1 and 2.
///
/// Only integer arithmetic and uniform integers are used, so there is no floating-point leakage; the random
/// source is injected (the system CSPRNG in production, a seeded generator in tests).
public struct DiscreteLaplace: Sendable, Hashable {
    /// Scale numerator t and denominator s (scale = t / s).
    public let t: UInt64
    /// The scale denominator s (scale = t / s).
    public let s: UInt64

    /// The mechanism for a query of L1 `sensitivity` released with privacy `epsilon`: scale = sensitivity / ε.
    public init(sensitivity: Int, epsilon: Epsilon) {
        self.t = UInt64(max(1, sensitivity)) * epsilon.denominator
        self.s = epsilon.numerator
    }

    /// A sample.
    public func sample(using random: inout some RandomNumberGenerator) -> Int {
        while true {
            let u = UInt64.random(in: 0..<t, using: &random)
            guard Self.bernoulliExp(numerator: u, denominator: t, using: &random) else { continue }
            var v: UInt64 = 0
            while Self.bernoulliExp(numerator: 1, denominator: 1, using: &random) { v += 1 }
            let x = u + t * v
            let y = x / s
            let negative = Bool.random(using: &random)
            if negative && y == 0 { continue }
            return negative ? -Int(clamping: y) : Int(clamping: y)
        }
    }

    /// Bernoulli(exp(−n/d)), exactly (CKS Algorithm 1).
    static func bernoulliExp(numerator n: UInt64, denominator d: UInt64, using random: inout some RandomNumberGenerator)
        -> Bool
    {
        if n <= d {
            var k: UInt64 = 1
            // Bernoulli(γ/k) for γ = n/d: a uniform integer below d·k is below n.
            while UInt64.random(in: 0..<(d * k), using: &random) < n { k += 1 }
            return k % 2 == 1
        }
        for _ in 0..<(n / d) where !bernoulliExp(numerator: 1, denominator: 1, using: &random) { return false }
        return bernoulliExp(numerator: n % d, denominator: d, using: &random)
    }
}
