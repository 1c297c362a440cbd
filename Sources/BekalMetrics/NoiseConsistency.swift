import BekalDomain

/// Days are reported either with noise or without, never both.
///
/// Differential privacy bounds what the noisy reports of a day reveal about a person only if nothing else about
/// that day is released exactly; an exact report after a noisy one for overlapping days would void the guarantee
/// the noisy one was spent for. The other order is refused too, so that each day has one guarantee, stated once:
/// suppression over every exact report, or ε over every noisy one.
public struct NoiseConsistency: Sendable {
    /// Creates the check; it holds no state.
    public init() {}

    /// - Throws: `MetricsError.noiseMixed` when a report of the other kind covers a day of `period`.
    public func check(noisy: Bool, _ period: ReportingPeriod, against history: PublicationHistory)
        throws(MetricsError)
    {
        let noisyPeriods = history.reports.filter { $0.policy.epsilon != nil }.map(\.period)
            + history.spends.map(\.period)
        let exactPeriods = history.reports.filter { $0.policy.epsilon == nil }.map(\.period)
        if noisy, let clash = exactPeriods.first(where: period.overlaps) {
            throw MetricsError(
                .noiseMixed, "period \(clash) was reported without noise; days of \(period) cannot also be reported with noise")
        }
        if !noisy, let clash = noisyPeriods.first(where: period.overlaps) {
            throw MetricsError(
                .noiseMixed, "period \(clash) was reported with noise; days of \(period) cannot also be reported without")
        }
    }
}
