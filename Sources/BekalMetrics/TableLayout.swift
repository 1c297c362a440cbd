/// The arithmetic shape of a table: its cells and totals as numbered variables, and the additive constraints
/// between them (each total is the sum of its members). Disclosure control and the audit both reason on it.
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

    /// The suppressed variables whose value follows exactly from the published ones by linear arithmetic over
    /// the lines (Gauss–Jordan elimination on the unknowns; a variable is determined when its unit vector lies in
    /// the row space).
    func determinedVariables(suppressed: Set<Int>) -> Set<Int> {
        let unknowns = suppressed.sorted()
        guard !unknowns.isEmpty else { return [] }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var matrix: [[Double]] = lines.compactMap { line in
            var row = [Double](repeating: 0, count: unknowns.count)
            for m in line.members { if let i = column[m] { row[i] += 1 } }
            if let i = column[line.total] { row[i] -= 1 }
            return row.contains { $0 != 0 } ? row : nil
        }
        var pivotRow = 0
        var pivots: [(row: Int, column: Int)] = []
        for c in 0..<unknowns.count where pivotRow < matrix.count {
            guard let p = (pivotRow..<matrix.count).first(where: { abs(matrix[$0][c]) > 1e-9 }) else { continue }
            matrix.swapAt(pivotRow, p)
            let pivot = matrix[pivotRow][c]
            matrix[pivotRow] = matrix[pivotRow].map { $0 / pivot }
            for r in 0..<matrix.count where r != pivotRow && abs(matrix[r][c]) > 1e-9 {
                let factor = matrix[r][c]
                for k in 0..<unknowns.count { matrix[r][k] -= factor * matrix[pivotRow][k] }
            }
            pivots.append((pivotRow, c))
            pivotRow += 1
        }
        var determined: Set<Int> = []
        for (r, c) in pivots where matrix[r].enumerated().allSatisfy({ $0.offset == c || abs($0.element) < 1e-9 }) {
            determined.insert(unknowns[c])
        }
        return determined
    }
}
