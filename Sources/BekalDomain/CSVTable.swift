import Foundation

/// A CSV file (RFC 4180: commas, double-quoted cells with `""` escapes, CRLF or LF line ends) split into rows
/// of cells. The first row is the header. Blank lines are skipped; a UTF-8 byte order mark is ignored.
public struct CSVTable: Sendable, Hashable {
    public var header: [String]
    /// The data rows, each with its 1-based line number in the file (the header is line 1).
    public var rows: [(line: Int, cells: [String])] {
        zip(lines, cells).map { ($0, $1) }
    }
    private var lines: [Int]
    private var cells: [[String]]

    /// Parses CSV text; every data row must have as many cells as the header.
    public init(_ data: Data) throws(DomainError) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw DomainError(.malformedCSV, path: "", message: "The file is not UTF-8 text.")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [(Int, [String])] = []
        var row: [String] = []
        var cell = ""
        var inQuotes = false
        var cellWasQuoted = false
        var line = 1
        var rowStartLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRow() {
            row.append(cell)
            if !(row.count == 1 && row[0].isEmpty && !cellWasQuoted) { records.append((rowStartLine, row)) }
            row = []
            cell = ""
            cellWasQuoted = false
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        cell.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                row.append(cell)
                cell = ""
                cellWasQuoted = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRow()
                line += 1
                rowStartLine = line
            case "\"":
                guard cell.isEmpty, !cellWasQuoted else {
                    throw DomainError(.malformedCSV, path: "row \(line)", message: "A quote appears inside an unquoted cell.")
                }
                inQuotes = true
                cellWasQuoted = true
            default:
                if cellWasQuoted {
                    throw DomainError(.malformedCSV, path: "row \(line)", message: "Text follows the closing quote of a cell.")
                }
                cell.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw DomainError(.malformedCSV, path: "row \(rowStartLine)", message: "A quoted cell is not closed.")
        }
        if !cell.isEmpty || !row.isEmpty || cellWasQuoted { endRow() }
        guard let first = records.first else {
            throw DomainError(.csvHeader, path: "row 1", message: "The file has no header row.")
        }
        header = first.1.map { $0.trimmingWhitespace() }
        lines = []
        cells = []
        for (number, values) in records.dropFirst() {
            guard values.count == header.count else {
                throw DomainError(.malformedCSV, path: "row \(number)", message: "The row does not have one cell per header column.")
            }
            lines.append(number)
            cells.append(values)
        }
    }

    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool {
        lhs.header == rhs.header && lhs.lines == rhs.lines && lhs.cells == rhs.cells
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(cells)
    }
}
