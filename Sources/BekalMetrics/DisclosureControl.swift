import BekalDomain

/// Applies a `DisclosurePolicy` to raw figures: optional noise, primary suppression, the all-or-none rule,
/// complementary suppression checked by exact linear elimination, then rounding.
///
/// Rounding is applied to every published figure independently (totals are rounded from their true values, not
/// summed from rounded cells), so a published total need not equal the sum of its published rows.
public struct DisclosureControl: Sendable {
    public let policy: DisclosurePolicy

    public init(policy: DisclosurePolicy) {
        self.policy = policy
    }

    /// Protects every table of `figures`.
    /// - Parameter random: the randomness for noise; used only when the policy has an ε.
    public func protect(_ figures: ProgrammeFigures, random: inout some RandomNumberGenerator) -> [PublishedTable] {
        let tables = figures.tables
        let share = policy.epsilon?.divided(by: UInt64(tables.count))
        return tables.map { protect($0, epsilon: share, random: &random) }
    }

    /// Protects one table; `epsilon` is this table's share of the budget (or `nil` for no noise).
    public func protect(_ table: FigureTable, epsilon: Epsilon?, random: inout some RandomNumberGenerator)
        -> PublishedTable
    {
        let layout = TableLayout(
            rowCount: table.rows.count, columnCount: table.columns.count, rowTotalsMeaningful: table.hasRowTotals)
        var values = [Int](repeating: 0, count: layout.variableCount)
        var persons = values
        var suppressed = Set<Int>()
        let noise = epsilon.map { DiscreteLaplace(sensitivity: table.sensitivity, epsilon: $0) }
        for r in table.rows.indices {
            for c in table.columns.indices {
                let v = layout.cell(r, c)
                let cell = table[r, c]
                if let noise {
                    // Magnitudes have no bounded sensitivity, so under noise they are withheld altogether.
                    if table.columns[c].measure.isMagnitude { suppressed.insert(v) }
                    values[v] = max(0, cell.value + noise.sample(using: &random))
                    persons[v] = values[v]
                } else {
                    values[v] = cell.value
                    persons[v] = cell.persons
                }
            }
        }
        // Totals are derived from the (possibly noisy) cells, never counted separately.
        for line in layout.lines {
            values[line.total] = line.members.reduce(0) { $0 + values[$1] }
            persons[line.total] = line.members.reduce(0) { $0 + persons[$1] }
            if line.members.contains(where: suppressed.contains) && noise != nil { suppressed.insert(line.total) }
        }
        if noise == nil, let contributors = table.columnContributors {
            for c in table.columns.indices { persons[layout.columnTotal(c)] = contributors[c] }
        }
        suppressed.formUnion(primarySuppression(values: values, persons: persons))
        suppressed.formUnion(allOrNone(layout: layout, values: values))
        suppressed = complementarySuppression(layout: layout, values: values, suppressed: suppressed)
        let published = values.indices.map { i in
            suppressed.contains(i) ? PublishedValue.suppressed : .count(policy.rounded(values[i]))
        }
        return PublishedTable(
            id: table.id, columns: table.columns,
            rows: table.rows.indices.map { r in
                PublishedTable.Row(
                    key: table.rows[r].key, cells: table.columns.indices.map { published[layout.cell(r, $0)] },
                    total: layout.rowTotal(r).map { published[$0] })
            },
            columnTotals: table.columns.indices.map { published[layout.columnTotal($0)] },
            grandTotal: layout.grandTotal.map { published[$0] })
    }

    /// Counts (or contributor counts) from 1 to k − 1.
    func primarySuppression(values: [Int], persons: [Int]) -> Set<Int> {
        let small = 1..<policy.threshold
        return Set(values.indices.filter { small.contains(values[$0]) || small.contains(persons[$0]) })
    }

    /// A group smaller than k is never shown as "all" or "none": every member of a line whose total is small is
    /// suppressed, zeros included.
    func allOrNone(layout: TableLayout, values: [Int]) -> Set<Int> {
        var suppressed = Set<Int>()
        for line in layout.lines where (1..<policy.threshold).contains(values[line.total]) {
            suppressed.formUnion(line.members)
            suppressed.insert(line.total)
        }
        return suppressed
    }

    /// Adds suppressions until no line with a published total has exactly one suppressed member and no suppressed
    /// figure follows from the published ones by linear arithmetic.
    func complementarySuppression(layout: TableLayout, values: [Int], suppressed initial: Set<Int>) -> Set<Int> {
        var suppressed = initial
        let lines = layout.lines
        while true {
            var changed = false
            for line in lines where !suppressed.contains(line.total) {
                let hidden = line.members.filter(suppressed.contains)
                guard hidden.count == 1 else { continue }
                suppressed.insert(complement(in: line, values: values, suppressed: suppressed))
                changed = true
            }
            if changed { continue }
            guard let exposed = layout.determinedVariables(suppressed: suppressed).min() else { return suppressed }
            // Hide one more figure on a line through the exposed one; suppression only grows, so this ends.
            let line = lines.first { ($0.members + [$0.total]).contains(exposed)
                && ($0.members + [$0.total]).contains { !suppressed.contains($0) } }
            guard let line else { return suppressed }
            suppressed.insert(complement(in: line, values: values, suppressed: suppressed))
        }
    }

    /// The figure to hide next on `line`: the smallest non-zero published member, else any published member,
    /// else the total.
    private func complement(in line: TableLayout.Line, values: [Int], suppressed: Set<Int>) -> Int {
        let open = line.members.filter { !suppressed.contains($0) }
        if let best = open.filter({ values[$0] > 0 }).min(by: { (values[$0], $0) < (values[$1], $1) }) { return best }
        if let any = open.first { return any }
        return line.total
    }
}
