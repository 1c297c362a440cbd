/// The raw (true, unprotected) figures of the vocational programme for one facility and one reporting period.
///
/// These are what the ledger query produces and what disclosure control consumes; they are never published as
/// they are. Every table holds only its cells: row, column and table totals are computed from the cells, so a
/// total always equals the sum of its rows by construction. `docs/metrics.md` defines every figure.
public struct ProgrammeFigures: Sendable, Hashable, Codable {
    /// The certification schemes of LSP Batik, always listed so that a row's presence reveals nothing.
    public static let standardSchemes = ["Peracik Malam", "Peracik Warna", "Tukang Cap", "Tukang Celup", "Tukang Lorod"]

    /// Bands of training hours per person in the period: `[lower, upper)` in hours.
    public static let trainingBands: [(key: String, lower: Double, upper: Double)] = [
        ("under-10h", 0, 10), ("10-19h", 10, 20), ("20-39h", 20, 40), ("40h-and-more", 40, .infinity),
    ]

    /// The facility the figures describe.
    public var facilityCode: String
    /// The reporting period the figures cover.
    public var period: ReportingPeriod
    /// Persons with programme activity in the period, by status on the period's last day.
    public var participants: FigureTable
    /// Persons assessed per unit in the period, by the outcome of their latest assessment of the unit.
    public var competencyOutcomes: FigureTable
    /// Certificates issued in the period, by certification scheme.
    public var certificates: FigureTable
    /// Persons trained in the period by band of training hours, with the hours of each band.
    public var trainingHours: FigureTable
    /// Pieces produced in the period, by quality grade.
    public var production: FigureTable
    /// Persons released in the period, by kind of release and whether their portfolio was ready.
    public var releases: FigureTable

    /// Creates the figures of one facility and period from their six tables.
    public init(
        facilityCode: String, period: ReportingPeriod, participants: FigureTable, competencyOutcomes: FigureTable,
        certificates: FigureTable, trainingHours: FigureTable, production: FigureTable, releases: FigureTable
    ) {
        self.facilityCode = facilityCode
        self.period = period
        self.participants = participants
        self.competencyOutcomes = competencyOutcomes
        self.certificates = certificates
        self.trainingHours = trainingHours
        self.production = production
        self.releases = releases
    }

    /// All tables, in the order they are published.
    public var tables: [FigureTable] {
        [participants, competencyOutcomes, certificates, trainingHours, production, releases]
    }
}

/// What a column of a figure table counts.
public enum FigureMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// Distinct persons: each person adds at most 1 to a cell.
    case persons
    /// Certificates issued.
    case certificates
    /// Hours of training (a magnitude: one person can add many).
    case hours
    /// Pieces produced (a magnitude: one person can add many).
    case pieces

    /// Whether one person can add more than one to a cell, so the cell is protected by its contributor count.
    public var isMagnitude: Bool { self == .hours || self == .pieces }
}

/// A column of a figure table.
public struct FigureColumn: Sendable, Hashable, Codable {
    /// A stable column identifier used in published reports, e.g. `kompeten`.
    public var key: String
    /// What the column counts: persons, certificates, hours or pieces.
    public var measure: FigureMeasure

    /// Creates a column from its key and measure.
    public init(key: String, measure: FigureMeasure) {
        self.key = key
        self.measure = measure
    }
}

/// One cell: the figure and how many distinct persons contributed to it.
///
/// `persons` is never published; disclosure control uses it to protect magnitudes (hours, pieces) contributed by
/// few people.
public struct FigureCell: Sendable, Hashable, Codable {
    /// The figure itself (a count, hours or pieces).
    public var value: Int
    /// The distinct persons who contributed to the figure; never published.
    public var persons: Int

    /// Creates a cell from its figure and contributor count.
    public init(value: Int, persons: Int) {
        self.value = value
        self.persons = persons
    }

    /// A cell counting persons, whose value is its number of contributors.
    public static func persons(_ n: Int) -> FigureCell { FigureCell(value: n, persons: n) }

    /// An empty cell: no figure, no contributors.
    public static let zero = FigureCell(value: 0, persons: 0)

    static func + (lhs: FigureCell, rhs: FigureCell) -> FigureCell {
        FigureCell(value: lhs.value + rhs.value, persons: lhs.persons + rhs.persons)
    }
}

/// A row of a figure table.
public struct FigureRow: Sendable, Hashable, Codable {
    /// A stable row identifier used in published reports, e.g. a unit code or a scheme.
    public var key: String
    /// One cell per column, in column order.
    public var cells: [FigureCell]

    /// Creates a row; `FigureTable` pads or cuts its cells to the table's columns.
    public init(key: String, cells: [FigureCell]) {
        self.key = key
        self.cells = cells
    }
}

/// A table of figures whose totals are derived from its cells.
public struct FigureTable: Sendable, Hashable, Codable {
    /// A stable identifier, e.g. `participants`.
    public var id: String
    /// The table's columns, in published order.
    public var columns: [FigureColumn]
    /// The table's rows, each with exactly one cell per column.
    public var rows: [FigureRow]
    /// Whether a row total means something (it does not when columns count different things, e.g. persons and
    /// hours).
    public var hasRowTotals: Bool
    /// How much one person can change the table's cells in total (L1), for noise calibration.
    public var sensitivity: Int
    /// Distinct persons behind each column total, when the producer knows them (a person can add to several rows
    /// of a magnitude column, so the sum of the rows' contributors overstates it). Never published.
    public var columnContributors: [Int]?

    /// Creates a table; rows shorter or longer than `columns` are padded with zeros or cut.
    public init(id: String, columns: [FigureColumn], rows: [FigureRow], hasRowTotals: Bool, sensitivity: Int) {
        self.id = id
        self.columns = columns
        self.rows = rows.map { row in
            var cells = Array(row.cells.prefix(columns.count))
            cells += Array(repeating: FigureCell.zero, count: columns.count - cells.count)
            return FigureRow(key: row.key, cells: cells)
        }
        self.hasRowTotals = hasRowTotals
        self.sensitivity = max(1, sensitivity)
        self.columnContributors = nil
    }

    /// The same table, stating the distinct persons behind each column total.
    public func withColumnContributors(_ contributors: [Int]) -> FigureTable {
        var copy = self
        copy.columnContributors = contributors.count == columns.count ? contributors : nil
        return copy
    }

    /// The sum of row `row`'s cells (persons summed too, an upper bound on distinct contributors).
    public func rowTotal(_ row: Int) -> FigureCell { rows[row].cells.reduce(.zero, +) }

    /// The sum of column `column`'s cells.
    public func columnTotal(_ column: Int) -> FigureCell {
        rows.reduce(.zero) { $0 + $1.cells[column] }
    }

    /// Whether the table has a grand total: only when its columns count the same thing.
    public var hasGrandTotal: Bool { hasRowTotals || columns.count == 1 }

    /// The sum of the column totals (meaningful only when `hasGrandTotal`).
    public var grandTotal: FigureCell { columns.indices.reduce(.zero) { $0 + columnTotal($1) } }

    /// The value at `row`, `column`.
    public subscript(row: Int, column: Int) -> FigureCell { rows[row].cells[column] }
}
