import BekalDomain
import BekalMetrics
import Foundation
import Testing

@Suite("The exact discrete Laplace sampler")
struct DiscreteLaplaceTests {
    @Test("samples follow P(z) ∝ exp(−|z|/scale): mass at 0, symmetry and mean absolute value")
    func distribution() throws {
        var random = SeededGenerator(seed: 42)
        let epsilon = try Epsilon("0.5")
        let sampler = DiscreteLaplace(sensitivity: 1, epsilon: epsilon)  // scale 2
        let n = 40_000
        var zeros = 0, positives = 0, negatives = 0, absoluteSum = 0
        for _ in 0..<n {
            let z = sampler.sample(using: &random)
            if z == 0 { zeros += 1 } else if z > 0 { positives += 1 } else { negatives += 1 }
            absoluteSum += abs(z)
        }
        let q = exp(-0.5)
        let expectedZero = (1 - q) / (1 + q)  // ≈ 0.2449
        let expectedAbsolute = 2 * q / ((1 - q) * (1 + q))  // E|Z| ≈ 1.9190
        #expect(abs(Double(zeros) / Double(n) - expectedZero) < 0.01)
        #expect(abs(Double(positives - negatives)) / Double(n) < 0.02)
        #expect(abs(Double(absoluteSum) / Double(n) - expectedAbsolute) < 0.06)
    }

    @Test("a larger epsilon gives less noise")
    func scaleFollowsEpsilon() throws {
        var random = SeededGenerator(seed: 1)
        let loose = DiscreteLaplace(sensitivity: 1, epsilon: try Epsilon("0.1"))
        let tight = DiscreteLaplace(sensitivity: 1, epsilon: try Epsilon("5"))
        let looseSpread = (0..<5000).reduce(0) { r, _ in r + abs(loose.sample(using: &random)) }
        let tightSpread = (0..<5000).reduce(0) { r, _ in r + abs(tight.sample(using: &random)) }
        #expect(looseSpread > 20 * max(1, tightSpread))
    }

    @Test("epsilon parses plain decimals exactly and refuses the rest", arguments: ["0", "-1", "abc", "1e-3", ".5", "0.1234567", "1000", "100.5", "100.000001"])
    func epsilonRejects(_ text: String) {
        #expect(throws: MetricsError(.invalidEpsilon, "")) { try Epsilon(text) }
    }

    @Test("epsilon 100 is the largest accepted")
    func epsilonLimit() throws {
        #expect(try Epsilon("100").doubleValue == 100)
        #expect(try Epsilon("99.999999").numerator == 99_999_999)
    }

    @Test("epsilon keeps an exact fraction")
    func epsilonExact() throws {
        let e = try Epsilon("0.25")
        #expect(e.numerator == 1 && e.denominator == 4)
        #expect(e.description == "0.25")
    }

    @Test("the privacy budget of a period refuses a release that would exceed it")
    func budget() throws {
        let budget = PrivacyBudget(perPeriod: try Epsilon("1"))
        let q3 = try #require(ReportingPeriod("2026-Q3"))
        let first = try budget.authorize(try Epsilon("0.6"), facilityCode: "F", period: q3, reportID: UUID(), previous: [])
        #expect(throws: MetricsError(.privacyBudgetExhausted, "")) {
            try budget.authorize(try Epsilon("0.5"), facilityCode: "F", period: q3, reportID: UUID(), previous: [first])
        }
        // Another period, or another facility, has its own budget.
        let q4 = try #require(ReportingPeriod("2026-Q4"))
        _ = try budget.authorize(try Epsilon("0.5"), facilityCode: "F", period: q4, reportID: UUID(), previous: [first])
        _ = try budget.authorize(try Epsilon("0.4"), facilityCode: "F", period: q3, reportID: UUID(), previous: [first])
    }
}
