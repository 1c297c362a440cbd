import BekalDomain
import Foundation

extension PrivacyBudgetSpend {
    /// A spend of `epsilon` for report `reportID`.
    public init(facilityCode: String, period: ReportingPeriod, epsilon: Epsilon, reportID: UUID) {
        self.init(
            facilityCode: facilityCode, period: period, epsilonNumerator: epsilon.numerator,
            epsilonDenominator: epsilon.denominator, reportID: reportID)
    }

    /// The ε spent, `nil` when the recorded fraction is not a valid ε.
    public var epsilon: Epsilon? { try? Epsilon(numerator: epsilonNumerator, denominator: epsilonDenominator) }
}

/// The total ε a facility may spend on the noisy reports of one period (sequential composition: the ε of every
/// release for the period adds up).
public struct PrivacyBudget: Sendable, Hashable {
    public let perPeriod: Epsilon

    public init(perPeriod: Epsilon) {
        self.perPeriod = perPeriod
    }

    /// The spend for a new release, or `privacyBudgetExhausted` when the earlier spends of the same facility and
    /// period plus this one exceed the budget.
    public func authorize(
        _ epsilon: Epsilon, facilityCode: String, period: ReportingPeriod, reportID: UUID,
        previous: [PrivacyBudgetSpend]
    ) throws(MetricsError) -> PrivacyBudgetSpend {
        let spent = previous.filter { $0.facilityCode == facilityCode && $0.period == period }
            .reduce(epsilon.doubleValue) { $0 + $1.epsilonValue }
        // ε values are short decimals; the tolerance only absorbs binary rounding of their sum.
        guard spent <= perPeriod.doubleValue * (1 + 1e-12) else {
            throw MetricsError(
                .privacyBudgetExhausted, "the privacy budget of period \(period) cannot pay for epsilon \(epsilon)")
        }
        return PrivacyBudgetSpend(facilityCode: facilityCode, period: period, epsilon: epsilon, reportID: reportID)
    }
}
