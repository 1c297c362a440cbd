import BekalDomain

/// A table after disclosure control: only keys and protected counts, nothing about any one person.
public struct PublishedTable: Sendable, Hashable, Codable {
    /// A published row: its key, its cells and (when the table has row totals) its total.
    public struct Row: Sendable, Hashable, Codable {
        /// The row's key, e.g. a unit code, a scheme or a quality grade.
        public var key: String
        /// The row's protected figures, one per column.
        public var cells: [PublishedValue]
        /// The row's protected total: `nil` when the table has no row totals, `.suppressed` when it is hidden.
        public var total: PublishedValue?

        /// Creates a published row.
        public init(key: String, cells: [PublishedValue], total: PublishedValue?) {
            self.key = key
            self.cells = cells
            self.total = total
        }

        private enum CodingKeys: String, CodingKey { case key, cells, total }

        /// Decodes a row; a `total` member of `null` is a suppressed total, an absent one means no total.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            cells = try c.decode([PublishedValue].self, forKey: .cells)
            // `null` means a suppressed total, so presence of the key (not its value) says whether there is one.
            total = c.contains(.total) ? try c.decode(PublishedValue.self, forKey: .total) : nil
        }

        /// Encodes a row, leaving `total` out when the table has no row totals.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(cells, forKey: .cells)
            if let total { try c.encode(total, forKey: .total) }
        }
    }

    /// The table's stable id, e.g. `competency-outcomes`.
    public var id: String
    /// The table's columns, with what each counts.
    public var columns: [FigureColumn]
    /// The table's published rows.
    public var rows: [Row]
    /// One protected total per column, rounded from the true total (not summed from rounded cells).
    public var columnTotals: [PublishedValue]
    /// Present when the table's columns count the same thing and there are several of them.
    public var grandTotal: PublishedValue?

    /// Creates a published table from figures already protected.
    public init(
        id: String, columns: [FigureColumn], rows: [Row], columnTotals: [PublishedValue], grandTotal: PublishedValue?
    ) {
        self.id = id
        self.columns = columns
        self.rows = rows
        self.columnTotals = columnTotals
        self.grandTotal = grandTotal
    }

    private enum CodingKeys: String, CodingKey { case id, columns, rows, columnTotals, grandTotal }

    /// Decodes a table; a `grandTotal` of `null` is suppressed, an absent one means the table has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        columns = try c.decode([FigureColumn].self, forKey: .columns)
        rows = try c.decode([Row].self, forKey: .rows)
        columnTotals = try c.decode([PublishedValue].self, forKey: .columnTotals)
        grandTotal = c.contains(.grandTotal) ? try c.decode(PublishedValue.self, forKey: .grandTotal) : nil
    }

    /// Encodes a table, leaving `grandTotal` out when the table has none.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
        try c.encode(columnTotals, forKey: .columnTotals)
        if let grandTotal { try c.encode(grandTotal, forKey: .grandTotal) }
    }

    /// The layout of this table's variables and totals.
    var layout: TableLayout {
        TableLayout(rowCount: rows.count, columnCount: columns.count, rowTotalsMeaningful: grandTotal != nil)
    }

    /// Every published variable in layout order (cells, row totals, column totals, grand total).
    var variables: [PublishedValue] {
        var values = rows.flatMap(\.cells)
        if layout.hasRowTotals { values += rows.map { $0.total ?? .suppressed } }
        values += columnTotals
        if layout.hasGrandTotal { values.append(grandTotal ?? .suppressed) }
        return values
    }
}
