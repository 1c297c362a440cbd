import BekalDomain

/// A published report is final: a period is reported once.
///
/// A second version of a period would differ from the first by exactly the records that changed in between. An
/// analyst who knows whose records changed (one person added, one released) reads that person's figures off the
/// difference, and no suppression of either version alone prevents it; a check "against every earlier version"
/// would have to assume what the analyst knows about the change. So the period is refused, whatever happened to
/// the earlier report (pending, sent, or parked as failed: a refused report may still have been read).
public struct PeriodFinality: Sendable {
    /// Creates the check; it holds no state.
    public init() {}

    /// - Throws: `MetricsError.periodAlreadyReported` when `history` holds a report or a budget spend for `period`.
    public func check(_ period: ReportingPeriod, against history: PublicationHistory) throws(MetricsError) {
        guard history.reports.contains(where: { $0.period == period })
            || history.spends.contains(where: { $0.period == period })
        else { return }
        throw MetricsError(
            .periodAlreadyReported,
            "period \(period) was already reported; a published report is final and is not queued again")
    }
}
