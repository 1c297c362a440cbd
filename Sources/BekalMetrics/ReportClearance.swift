import BekalDomain
import Foundation

/// The one decision of what a new report may publish, given everything the facility already published. Pure: no
/// I/O, no clock (`now` is passed in), randomness injected.
///
/// In order: the period must not have been reported (`PeriodFinality`); its days must not have been reported
/// in the other mode, noisy or exact (`NoiseConsistency`); a noisy report must fit the privacy budget of every
/// month it covers (`PrivacyBudget`); then every table is protected against the tables already published for its
/// calendar quarter (`DisclosureControl`, `LinkedSuppression`).
public struct ReportClearance: Sendable {
    /// The disclosure rules every new report is protected under.
    public let policy: DisclosurePolicy
    /// The privacy budget noisy reports are charged against.
    public let budget: PrivacyBudget

    /// Creates a clearance that applies `policy` and charges noisy reports to `budget`.
    public init(policy: DisclosurePolicy, budget: PrivacyBudget) {
        self.policy = policy
        self.budget = budget
    }

    /// What may be published of `figures`.
    /// - Parameters:
    ///   - history: every report and budget spend of the facility so far (`PublicationHistory`).
    ///   - reportID: the new report's id (fresh in production).
    ///   - now: the generation time (kept to whole seconds).
    ///   - random: the noise source (the system CSPRNG in production).
    /// - Throws: `MetricsError` `.periodAlreadyReported`, `.noiseMixed` or `.privacyBudgetExhausted`; nothing is to
    ///   be published or recorded then.
    public func clear(
        _ figures: ProgrammeFigures, history: PublicationHistory, reportID: UUID, now: Date,
        random: inout some RandomNumberGenerator
    ) throws(MetricsError) -> ClearedReport {
        try PeriodFinality().check(figures.period, against: history)
        try NoiseConsistency().check(noisy: policy.epsilon != nil, figures.period, against: history)
        let spend = try policy.epsilon.map { epsilon throws(MetricsError) in
            try budget.authorize(
                epsilon, facilityCode: figures.facilityCode, period: figures.period, reportID: reportID,
                previous: history.spends)
        }
        let (tables, withheld) = DisclosureControl(policy: policy).protect(
            figures, history: history.reports, random: &random)
        let report = MetricsReport(
            facilityCode: figures.facilityCode, period: figures.period, reportID: reportID,
            generatedAt: MetricsReport.wholeSeconds(now), policy: policy, tables: tables)
        return ClearedReport(report: report, spend: spend, withheldTables: withheld)
    }
}

/// A report cleared for publication, and what goes with it.
public struct ClearedReport: Sendable {
    /// The report to queue; its JSON is the body sent.
    public let report: MetricsReport
    /// The privacy-budget spend to record with it (noisy reports only), in the same transaction.
    public let spend: PrivacyBudgetSpend?
    /// Tables shown with every figure hidden because their figures contradict what earlier reports said about the
    /// same days (records added or corrected since): for the person queuing the report, never sent.
    public let withheldTables: [String]
}
