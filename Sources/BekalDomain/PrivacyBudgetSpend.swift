import Foundation

/// One spend of privacy budget: a noisy metrics report queued for a period. Recorded in the ledger as
/// `metrics.privacy-budget-spent` so the budget of a period survives restarts and cannot be reset by a reinstall.
///
/// ε is kept as the exact fraction the noise was calibrated with; `BekalMetrics.Epsilon` reads it back.
public struct PrivacyBudgetSpend: Sendable, Hashable, Codable {
    /// The facility whose budget was spent.
    public var facilityCode: String
    /// The reporting period whose budget was spent.
    public var period: ReportingPeriod
    /// The numerator of the ε spent, as an exact fraction.
    public var epsilonNumerator: UInt64
    /// The denominator of the ε spent; 0 would mean an infinite ε.
    public var epsilonDenominator: UInt64
    /// The report the spend paid for.
    public var reportID: UUID

    /// Records a spend of ε = `epsilonNumerator / epsilonDenominator` for report `reportID`.
    public init(
        facilityCode: String, period: ReportingPeriod, epsilonNumerator: UInt64, epsilonDenominator: UInt64,
        reportID: UUID
    ) {
        self.facilityCode = facilityCode
        self.period = period
        self.epsilonNumerator = epsilonNumerator
        self.epsilonDenominator = epsilonDenominator
        self.reportID = reportID
    }

    /// ε as a double, for adding spends up (the terms are short decimals).
    public var epsilonValue: Double {
        epsilonDenominator == 0 ? .infinity : Double(epsilonNumerator) / Double(epsilonDenominator)
    }
}
