import Foundation

/// One data row of a CSV import, read by column name. Errors name the row and the field, never the value,
/// because values may be names or register numbers.
struct CSVRow {
    /// The row number in the file (the header is row 1).
    let number: Int
    let cells: [String]
    /// Column name (lowercased header) to cell index, shared by every row of the file.
    let columns: [String: Int]

    init(number: Int, cells: [String], columns: [String: Int]) {
        self.number = number
        self.cells = cells
        self.columns = columns
    }

    func text(_ field: String) throws -> String {
        guard let value = optional(field) else {
            throw StoreError(.invalidInput, "row \(number), field '\(field)': a value is required")
        }
        return value
    }

    func optional(_ field: String) -> String? {
        guard let index = columns[field], index < cells.count else { return nil }
        let value = cells[index].trimmingCSVWhitespace()
        return value.isEmpty ? nil : value
    }

    func failure(_ field: String, _ expectation: String) -> StoreError {
        StoreError(.invalidInput, "row \(number), field '\(field)': \(expectation)")
    }
}
