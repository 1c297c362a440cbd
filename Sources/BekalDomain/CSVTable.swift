import Foundation

/// A CSV file (RFC 4180: commas, double-quoted cells with `""` escapes, CRLF or LF line ends) split into rows
/// of cells. The first row is the header. Blank lines are skipped; a UTF-8 byte order mark is ignored.
///
/// A spreadsheet in an Indonesian locale saves CSV with `;` between cells (its decimal mark is the comma), so the
/// header row decides: a header with a `;` and no `,` outside quotes makes `;` the delimiter of the whole file.
public struct CSVTable: Sendable, Hashable {
    /// The column names from the first row, trimmed of surrounding whitespace.
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
        // Byte by byte: the delimiters are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII.
        let parsed = text.withUTF8 { bytes in
            Result { () throws(DomainError) -> [(Int, [String])] in try CSVTable.records(bytes) }
        }
        let records = try parsed.get()
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

    private static func records(_ bytes: UnsafeBufferPointer<UInt8>) throws(DomainError) -> [(Int, [String])] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let comma = delimiter(of: bytes)
        var records: [(Int, [String])] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var cellWasQuoted = false
        var line = 1
        var rowStartLine = 1
        func endRow() {
            row.append(String(decoding: cell, as: UTF8.self))
            if !(row.count == 1 && row[0].isEmpty && !cellWasQuoted) { records.append((rowStartLine, row)) }
            row = []
            cell.removeAll(keepingCapacity: true)
            cellWasQuoted = false
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let next: UInt8? = index < bytes.count ? bytes[index] : nil
            if inQuotes {
                if byte == quote {
                    if next == quote {
                        cell.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                row.append(String(decoding: cell, as: UTF8.self))
                cell.removeAll(keepingCapacity: true)
                cellWasQuoted = false
            case cr where next == lf:
                continue
            case lf, cr:
                endRow()
                line += 1
                rowStartLine = line
            case quote:
                guard cell.isEmpty, !cellWasQuoted else {
                    throw DomainError(.malformedCSV, path: "row \(line)", message: "A quote appears inside an unquoted cell.")
                }
                inQuotes = true
                cellWasQuoted = true
            default:
                if cellWasQuoted {
                    throw DomainError(.malformedCSV, path: "row \(line)", message: "Text follows the closing quote of a cell.")
                }
                cell.append(byte)
            }
        }
        if inQuotes {
            throw DomainError(.malformedCSV, path: "row \(rowStartLine)", message: "A quoted cell is not closed.")
        }
        if !cell.isEmpty || !row.isEmpty || cellWasQuoted { endRow() }
        return records
    }

    /// `;` when the header row (outside quotes) has a semicolon and no comma, else `,`.
    static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var inQuotes = false
        var sawSemicolon = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: ","): if !inQuotes { return UInt8(ascii: ",") }
            case UInt8(ascii: ";"): if !inQuotes { sawSemicolon = true }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if !inQuotes { return sawSemicolon ? UInt8(ascii: ";") : UInt8(ascii: ",") }
            default: break
            }
        }
        return sawSemicolon ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Two tables are equal when their headers, data rows and row line numbers match.
    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool {
        lhs.header == rhs.header && lhs.lines == rhs.lines && lhs.cells == rhs.cells
    }

    /// Hashes the header and the cells (not the line numbers), consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(cells)
    }
}
