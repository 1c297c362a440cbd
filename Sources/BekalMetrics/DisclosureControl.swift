import BekalDomain

/// Applies a `DisclosurePolicy` to raw figures: optional noise, primary suppression, the all-or-none rule,
/// complementary suppression, then rounding — checked against everything already published for the same days.
///
/// Complementary suppression is checked by the integer model of what an analyst knows (`LinkedSuppression`): the
/// new table together with the tables of the same id already published for its calendar quarter (the quarter and
/// its months). Rounding is applied to every published figure independently (totals are rounded from their true
/// values, not summed from rounded cells), so a published total need not equal the sum of its published rows.
public struct DisclosureControl: Sendable {
    /// The rules applied: threshold k, rounding base and optional ε.
    public let policy: DisclosurePolicy

    /// Creates a disclosure control that applies `policy`.
    public init(policy: DisclosurePolicy) {
        self.policy = policy
    }

    /// Protects every table of `figures` as if nothing had been published before (a first report, or a preview).
    /// - Parameter random: the randomness for noise; used only when the policy has an ε.
    public func protect(_ figures: ProgrammeFigures, random: inout some RandomNumberGenerator) -> [PublishedTable] {
        protect(figures, history: [], random: &random).tables
    }

    /// Protects every table of `figures` against `history`, the reports already published for the facility.
    /// - Returns: the tables, and the ids of tables withheld whole because their figures contradict earlier
    ///   reports of the same days (records added or corrected since; `LinkedSuppression.Outcome.withheld`).
    func protect(_ figures: ProgrammeFigures, history: [MetricsReport], random: inout some RandomNumberGenerator)
        -> (tables: [PublishedTable], withheld: [String])
    {
        let tables = figures.tables
        let share = policy.epsilon?.divided(by: UInt64(tables.count))
        var withheld: [String] = []
        let published = tables.map { table in
            var candidate = CandidateTable(
                table, period: figures.period, policy: policy, epsilon: share, random: &random)
            let earlier = candidate.noisy ? [] : Self.linked(to: table.id, period: figures.period, in: history)
            if LinkedSuppression(history: earlier).clear(&candidate) == .withheld { withheld.append(table.id) }
            return candidate.table
        }
        return (published, withheld)
    }

    /// Protects one table on its own; `epsilon` is this table's share of the budget (or `nil` for no noise).
    public func protect(_ table: FigureTable, epsilon: Epsilon?, random: inout some RandomNumberGenerator)
        -> PublishedTable
    {
        var candidate = CandidateTable(table, period: nil, policy: policy, epsilon: epsilon, random: &random)
        _ = LinkedSuppression(history: []).clear(&candidate)
        return candidate.table
    }

    /// The tables of `id` in exact reports of `period`'s calendar quarter (the quarter and its months).
    static func linked(to id: String, period: ReportingPeriod, in history: [MetricsReport]) -> [TableInstance] {
        let quarter = (period.kind == .quarter ? period.index : (period.index - 1) / 3 + 1)
        return history.compactMap { report -> TableInstance? in
            let p = report.period
            let q = p.kind == .quarter ? p.index : (p.index - 1) / 3 + 1
            guard p.year == period.year, q == quarter, report.policy.epsilon == nil,
                let table = report.tables.first(where: { $0.id == id })
            else { return nil }
            return TableInstance(table, period: p, policy: report.policy)
        }
    }
}
