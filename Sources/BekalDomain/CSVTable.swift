import Foundation

/// A CSV file (RFC 4180: commas, double-quoted cells with `""` escapes, CRLF or LF line ends) split into rows
/// of cells. The first row is the header. Blank lines are skipped; a UTF-8 byte order mark is ignored. For
/// small files read whole (frameworks); a ledger import streams its file through `CSVReader` instead. Either
/// reads `;`-separated files as a spreadsheet in an Indonesian locale saves them (see `CSVReader`).
public struct CSVTable: Sendable, Hashable {
    /// The column names from the first row, trimmed of surrounding whitespace.
    public var header: [String]
    /// The data rows, each with its 1-based line number in the file (the header is line 1).
    public var rows: [(line: Int, cells: [String])] {
        zip(lines, cells).map { ($0, $1) }
    }
    private var lines: [Int] = []
    private var cells: [[String]] = []

    /// Parses CSV text; every data row must have as many cells as the header.
    public init(_ data: Data) throws(DomainError) {
        guard String(data: data, encoding: .utf8) != nil else {
            throw DomainError(.malformedCSV, path: "", message: "The file is not UTF-8 text.")
        }
        var reader = CSVReader(data: data)
        do {
            header = try reader.readHeader()
            while let row = try reader.nextRow() {
                lines.append(row.line)
                cells.append(row.cells)
            }
        } catch let error as DomainError {
            throw error
        } catch {
            // Data in memory cannot fail to be read; kept so that the error type stays `DomainError`.
            throw DomainError(.malformedCSV, path: "", message: "The file cannot be read.")
        }
    }

    /// Two tables are equal when their headers, data rows and row line numbers match.
    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool {
        lhs.header == rhs.header && lhs.lines == rhs.lines && lhs.cells == rhs.cells
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(cells)
    }
}
