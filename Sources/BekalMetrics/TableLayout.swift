/// The arithmetic shape of a table: its cells and totals as numbered variables, and the additive constraints
/// between them (each total is the sum of its members). Disclosure control and its integer model reason on it.
struct TableLayout: Sendable, Hashable {
    /// One constraint: `total = Σ members`.
    struct Line: Sendable, Hashable {
        var members: [Int]
        var total: Int
    }

    let rowCount: Int
    let columnCount: Int
    /// Row totals are published only when they mean something and differ from the single cell.
    let hasRowTotals: Bool
    /// A grand total separate from the column totals (several comparable columns).
    let hasGrandTotal: Bool

    init(rowCount: Int, columnCount: Int, rowTotalsMeaningful: Bool) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.hasRowTotals = rowTotalsMeaningful && columnCount > 1
        self.hasGrandTotal = rowTotalsMeaningful && columnCount > 1
    }

    func cell(_ row: Int, _ column: Int) -> Int { row * columnCount + column }
    func rowTotal(_ row: Int) -> Int? { hasRowTotals ? rowCount * columnCount + row : nil }
    func columnTotal(_ column: Int) -> Int {
        rowCount * columnCount + (hasRowTotals ? rowCount : 0) + column
    }
    var grandTotal: Int? { hasGrandTotal ? columnTotal(columnCount) : nil }
    var variableCount: Int { columnTotal(columnCount) + (hasGrandTotal ? 1 : 0) }

    var lines: [Line] {
        var lines: [Line] = []
        if hasRowTotals {
            for r in 0..<rowCount {
                lines.append(Line(members: (0..<columnCount).map { cell(r, $0) }, total: rowCount * columnCount + r))
            }
        }
        for c in 0..<columnCount {
            lines.append(Line(members: (0..<rowCount).map { cell($0, c) }, total: columnTotal(c)))
        }
        if let grand = grandTotal {
            lines.append(Line(members: (0..<columnCount).map(columnTotal), total: grand))
            lines.append(Line(members: (0..<rowCount).compactMap(rowTotal), total: grand))
        }
        return lines
    }
}
