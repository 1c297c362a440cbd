import BekalDomain
import Foundation

/// One spend of privacy budget: a noisy report released for a period. Recorded in the ledger (phase 2) so the
/// budget of a period survives restarts.
public struct PrivacyBudgetSpend: Sendable, Hashable, Codable {
    public var facilityCode: String
    public var period: ReportingPeriod
    public var epsilon: Epsilon
    public var reportID: UUID

    public init(facilityCode: String, period: ReportingPeriod, epsilon: Epsilon, reportID: UUID) {
        self.facilityCode = facilityCode
        self.period = period
        self.epsilon = epsilon
        self.reportID = reportID
    }
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
            .reduce(epsilon.doubleValue) { $0 + $1.epsilon.doubleValue }
        // ε values are short decimals; the tolerance only absorbs binary rounding of their sum.
        guard spent <= perPeriod.doubleValue * (1 + 1e-12) else {
            throw MetricsError(
                .privacyBudgetExhausted, "the privacy budget of period \(period) cannot pay for epsilon \(epsilon)")
        }
        return PrivacyBudgetSpend(facilityCode: facilityCode, period: period, epsilon: epsilon, reportID: reportID)
    }
}
