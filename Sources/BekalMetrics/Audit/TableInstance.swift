import BekalDomain

/// One table of one report as an analyst sees it: its shape, its published figures (all hidden for a period not
/// reported, a *latent* table) and the policy it was published under. Figures are numbered in layout order
/// (`TableLayout`): cells row by row, row totals, column totals, grand total.
struct TableInstance: Sendable {
    var id: String
    var period: ReportingPeriod?
    var columns: [FigureColumn]
    var rowKeys: [String]
    var layout: TableLayout
    var published: [PublishedValue]
    var threshold: Int
    var roundingBase: Int
    /// Noisy figures relate to no other report's figures.
    var noisy: Bool
    /// A period that was not reported: the true figures exist, nothing about them is published.
    var isLatent: Bool
    /// The table being cleared for publication now.
    var isCandidate = false

    /// A table as it was published in a report.
    init(_ table: PublishedTable, period: ReportingPeriod?, policy: MetricsReport.PolicyDescription) {
        id = table.id
        self.period = period
        columns = table.columns
        rowKeys = table.rows.map(\.key)
        layout = table.layout
        published = table.variables
        threshold = policy.threshold
        roundingBase = policy.roundingBase
        noisy = policy.epsilon != nil
        isLatent = false
    }

    init(
        id: String, period: ReportingPeriod?, columns: [FigureColumn], rowKeys: [String], layout: TableLayout,
        published: [PublishedValue], threshold: Int, roundingBase: Int, noisy: Bool, isLatent: Bool
    ) {
        self.id = id
        self.period = period
        self.columns = columns
        self.rowKeys = rowKeys
        self.layout = layout
        self.published = published
        self.threshold = threshold
        self.roundingBase = roundingBase
        self.noisy = noisy
        self.isLatent = isLatent
    }

    /// The same table shape with every figure hidden: a period not reported (`period` nil), or this table's
    /// place before its figures are published. Row keys default to this table's.
    func latent(rowKeys keys: [String]? = nil, unreported: Bool = false) -> TableInstance {
        let keys = keys ?? rowKeys
        let layout = TableLayout(rowCount: keys.count, columnCount: columns.count, rowTotalsMeaningful: layout.hasRowTotals)
        return TableInstance(
            id: id, period: unreported ? nil : period, columns: columns, rowKeys: keys, layout: layout,
            published: Array(repeating: .suppressed, count: layout.variableCount), threshold: threshold,
            roundingBase: 1, noisy: noisy, isLatent: true)
    }

    /// What figure `variable` measures: its column's measure (row and grand totals: the first column's).
    func measure(of variable: Int) -> FigureMeasure {
        let cells = layout.rowCount * layout.columnCount
        if variable < cells { return columns[variable % layout.columnCount].measure }
        if let first = layout.rowTotal(0), variable >= first && variable < first + layout.rowCount {
            return columns[0].measure
        }
        for c in 0..<layout.columnCount where layout.columnTotal(c) == variable { return columns[c].measure }
        return columns[0].measure
    }

    /// The true values a published figure allows: its rounding interval, and for a count also "0, or k and more"
    /// (counts from 1 to k − 1 are never published). A suppressed figure allows anything up to `ceiling`.
    func bounds(of variable: Int, ceiling: Int) -> ClosedRange<Int> {
        guard let n = published[variable].count else { return 0...ceiling }
        let base = roundingBase
        let low = n - (base - (base + 1) / 2)
        let high = n + (base + 1) / 2 - 1
        if measure(of: variable).isMagnitude { return max(low, 0)...max(high, 0) }
        if n == 0 { return 0...0 }
        return max(low, threshold)...max(high, threshold)
    }

    /// The layout variable of cell (`key`, `column`), or `nil` when the table does not list the row (it counts 0).
    func cell(_ key: String, _ column: Int) -> Int? {
        rowKeys.firstIndex(of: key).map { layout.cell($0, column) }
    }

    /// The variable counting row `key` as a whole: its row total, or its cell in a one-column table.
    func rowWhole(_ key: String) -> Int? {
        guard let r = rowKeys.firstIndex(of: key) else { return nil }
        return layout.rowTotal(r) ?? (layout.columnCount == 1 ? layout.cell(r, 0) : nil)
    }

    /// A description of a figure without any value in it, for messages and tests.
    func describe(_ variable: Int) -> String {
        let cells = layout.rowCount * layout.columnCount
        if variable < cells {
            return "\(id) row \(rowKeys[variable / layout.columnCount]) column \(columns[variable % layout.columnCount].key)"
        }
        for r in 0..<layout.rowCount where layout.rowTotal(r) == variable { return "\(id) row \(rowKeys[r]) total" }
        for c in 0..<layout.columnCount where layout.columnTotal(c) == variable {
            return "\(id) column \(columns[c].key) total"
        }
        return "\(id) grand total"
    }
}
