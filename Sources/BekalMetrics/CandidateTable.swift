import BekalDomain

/// A table being cleared for publication: its figures in layout order (true, or noisy when the policy adds noise),
/// the distinct persons behind each, and which figures are hidden so far. Suppression only ever grows.
struct CandidateTable {
    let source: FigureTable
    /// The period reported; `nil` for a table checked on its own.
    let period: ReportingPeriod?
    let policy: DisclosurePolicy
    let layout: TableLayout
    /// The figures that would be published (noisy ones under noise), totals derived from the cells.
    let values: [Int]
    /// Distinct persons behind each figure (under noise, the noisy count itself).
    let persons: [Int]
    let noisy: Bool
    private(set) var suppressed: Set<Int>

    /// Noise (when `epsilon` is given), then the rules that need no other table: primary suppression, no
    /// all-or-none of a small group, and at least two hidden figures on every line with a published total.
    init(
        _ table: FigureTable, period: ReportingPeriod?, policy: DisclosurePolicy, epsilon: Epsilon?,
        random: inout some RandomNumberGenerator
    ) {
        source = table
        self.period = period
        self.policy = policy
        let layout = TableLayout(
            rowCount: table.rows.count, columnCount: table.columns.count, rowTotalsMeaningful: table.hasRowTotals)
        self.layout = layout
        var values = [Int](repeating: 0, count: layout.variableCount)
        var persons = values
        var suppressed = Set<Int>()
        let noise = epsilon.map { DiscreteLaplace(sensitivity: table.sensitivity, epsilon: $0) }
        for r in table.rows.indices {
            for c in table.columns.indices {
                let v = layout.cell(r, c)
                if let noise {
                    // Magnitudes have no bounded sensitivity, so under noise they are withheld altogether.
                    if table.columns[c].measure.isMagnitude { suppressed.insert(v) }
                    values[v] = max(0, table[r, c].value + noise.sample(using: &random))
                    persons[v] = values[v]
                } else {
                    values[v] = table[r, c].value
                    persons[v] = table[r, c].persons
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
        self.values = values
        self.persons = persons
        noisy = noise != nil
        self.suppressed = suppressed
        let small = 1..<policy.threshold
        // Primary: counts (or contributor counts) from 1 to k − 1.
        self.suppressed.formUnion(values.indices.filter { small.contains(values[$0]) || small.contains(persons[$0]) })
        // A small group is never shown as "all" or "none": every member of a line whose total is small is hidden.
        for line in layout.lines where small.contains(values[line.total]) {
            self.suppressed.formUnion(line.members)
            self.suppressed.insert(line.total)
        }
        completeLines()
    }

    /// Hides `variables` too, and then whatever keeps every line with a published total at two hidden members.
    mutating func hide(_ variables: some Sequence<Int>) {
        suppressed.formUnion(variables)
        completeLines()
    }

    /// Hides every figure.
    mutating func hideAll() { suppressed = Set(values.indices) }

    var isFullyHidden: Bool { suppressed.count == values.count }

    /// A line whose total is published never holds exactly one hidden member (it would be the total minus the
    /// rest): the smallest non-zero published member is hidden next, else any member, else the total.
    private mutating func completeLines() {
        var changed = true
        while changed {
            changed = false
            for line in layout.lines where !suppressed.contains(line.total) {
                guard line.members.filter(suppressed.contains).count == 1 else { continue }
                suppressed.insert(complement(members: line.members) ?? line.total)
                changed = true
            }
        }
    }

    /// The published member to hide next among `members`: the smallest non-zero, else any.
    func complement(members: [Int]) -> Int? {
        let open = members.filter { !suppressed.contains($0) }
        return open.filter { values[$0] > 0 }.min { (values[$0], $0) < (values[$1], $1) } ?? open.first
    }

    /// The published figure to hide so that `variable` (hidden, or a total) gains freedom: on a line through it.
    func complement(near variable: Int) -> Int? {
        let lines = layout.lines.filter { $0.total == variable || $0.members.contains(variable) }
        let candidates = lines.flatMap { $0.members + [$0.total] }.filter { !suppressed.contains($0) && $0 != variable }
        return candidates.filter { values[$0] > 0 }.min { (values[$0], $0) < (values[$1], $1) } ?? candidates.first
    }

    /// The table as an analyst would see it if published now.
    var instance: TableInstance {
        var instance = TableInstance(
            id: source.id, period: period, columns: source.columns, rowKeys: source.rows.map(\.key), layout: layout,
            published: published, threshold: policy.threshold, roundingBase: policy.roundingBase, noisy: noisy,
            isLatent: false)
        instance.isCandidate = true
        return instance
    }

    /// Every figure rounded, or hidden.
    var published: [PublishedValue] {
        values.indices.map { suppressed.contains($0) ? .suppressed : .count(policy.rounded(values[$0])) }
    }

    /// The published table.
    var table: PublishedTable {
        let figures = published
        return PublishedTable(
            id: source.id, columns: source.columns,
            rows: source.rows.indices.map { r in
                PublishedTable.Row(
                    key: source.rows[r].key, cells: source.columns.indices.map { figures[layout.cell(r, $0)] },
                    total: layout.rowTotal(r).map { figures[$0] })
            },
            columnTotals: source.columns.indices.map { figures[layout.columnTotal($0)] },
            grandTotal: layout.grandTotal.map { figures[$0] })
    }
}
