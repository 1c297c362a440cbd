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

/// The total ε that may cover any one person's records of any one day: the budget is per person-time.
///
/// A person active in July counts in the July report and in the Q3 report, so the ε of both add up for them
/// (sequential composition); their July and August records are different data, so the July and August reports do
/// not (parallel composition over disjoint time). A new noisy report is authorized when, for every month it
/// covers, the ε of every earlier report covering that month plus its own stays within the budget.
public struct PrivacyBudget: Sendable, Hashable {
    /// The budget of any day's records, summed over every noisy report whose period contains the day.
    public let perPeriod: Epsilon

    /// Creates a budget of `perPeriod` ε for any day's records.
    public init(perPeriod: Epsilon) {
        self.perPeriod = perPeriod
    }

    /// The ε already spent on the records of `month` by `facilityCode`: every spend whose period contains it.
    public func spent(on month: ReportingPeriod, facilityCode: String, previous: [PrivacyBudgetSpend]) -> Double {
        previous.filter { $0.facilityCode == facilityCode && $0.period.overlaps(month) }
            .reduce(0) { $0 + $1.epsilonValue }
    }

    /// The spend for a new release, or `privacyBudgetExhausted` when some month of `period` would be covered by
    /// more than the budget: its earlier spends (the month's own and its quarter's) plus this one.
    public func authorize(
        _ epsilon: Epsilon, facilityCode: String, period: ReportingPeriod, reportID: UUID,
        previous: [PrivacyBudgetSpend]
    ) throws(MetricsError) -> PrivacyBudgetSpend {
        for month in period.months {
            let total = spent(on: month, facilityCode: facilityCode, previous: previous) + epsilon.doubleValue
            // ε values are short decimals; the tolerance only absorbs binary rounding of their sum.
            guard total <= perPeriod.doubleValue * (1 + 1e-12) else {
                throw MetricsError(
                    .privacyBudgetExhausted,
                    "the privacy budget of the records of \(month) cannot pay for epsilon \(epsilon) more")
            }
        }
        return PrivacyBudgetSpend(facilityCode: facilityCode, period: period, epsilon: epsilon, reportID: reportID)
    }
}
