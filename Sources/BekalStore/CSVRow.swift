import Foundation

/// One data row of a CSV import, read by column name. Errors name the row and the field, never the value,
/// because values may be names or register numbers.
struct CSVRow {
    /// The row number in the file (the header is row 1).
    let number: Int
    let values: [String: String]

    func text(_ field: String) throws -> String {
        guard let value = optional(field) else {
            throw StoreError(.invalidInput, "row \(number), field '\(field)': a value is required")
        }
        return value
    }

    func optional(_ field: String) -> String? {
        guard let value = values[field]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func failure(_ field: String, _ expectation: String) -> StoreError {
        StoreError(.invalidInput, "row \(number), field '\(field)': \(expectation)")
    }
}
