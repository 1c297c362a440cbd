import Foundation

/// Reads CSV (RFC 4180: commas, double-quoted cells with `""` escapes, CRLF or LF line ends) one record at a
/// time from chunks of bytes, so that a file of any size is held in memory only a chunk and a row at a time.
/// Blank lines are skipped; a UTF-8 byte order mark is ignored; every cell must be UTF-8 text. `CSVTable` and
/// the ledger's streamed import both read through it, so both accept exactly the same files.
///
/// A spreadsheet in an Indonesian locale saves CSV with `;` between cells (its decimal mark is the comma), so the
/// header row decides: a header with a `;` and no `,` outside quotes makes `;` the delimiter of the whole file.
public struct CSVReader {
    /// How many bytes a file is read in at a time.
    public static let chunkSize = 1 << 20

    private let readChunk: () throws -> Data?
    /// Bytes read but not yet parsed start at `position`; the next record starts there.
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var startedReading = false
    /// The 1-based line the next record starts on.
    private var line = 1
    /// One cell's bytes, reused for every cell.
    private var cell: [UInt8] = []
    private var header: [String]?
    /// `,` or `;`, decided from the header line before it is parsed.
    private var delimiter: UInt8?

    /// Reads from `readChunk` until it returns nil or empty data; its errors pass through `nextRecord()`.
    public init(chunks readChunk: @escaping () throws -> Data?) {
        self.readChunk = readChunk
    }

    /// Reads a CSV file held in memory.
    public init(data: Data) {
        var pending: Data? = data
        self.init(chunks: {
            defer { pending = nil }
            return pending
        })
    }

    /// Reads a file `chunkSize` bytes at a time from its current offset; the caller owns the handle and closes it.
    public init(file: FileHandle) {
        self.init(chunks: {
            guard let data = try file.read(upToCount: CSVReader.chunkSize), !data.isEmpty else { return nil }
            return data
        })
    }

    /// The header row (cells trimmed of white space); read by the first call.
    /// - Throws: `DomainError` (`.csvHeader` for an empty file, `.malformedCSV`), or the chunk source's error.
    public mutating func readHeader() throws -> [String] {
        if let header { return header }
        guard let first = try nextRecord() else {
            throw DomainError(.csvHeader, path: "row 1", message: "The file has no header row.")
        }
        let header = first.cells.map { $0.trimmingWhitespace() }
        self.header = header
        return header
    }

    /// The next data row with its 1-based line number in the file (the header is line 1), nil after the last.
    /// - Throws: `DomainError(.malformedCSV)` naming the row when it does not have one cell per header column.
    public mutating func nextRow() throws -> (line: Int, cells: [String])? {
        let width = try readHeader().count
        guard let row = try nextRecord() else { return nil }
        guard row.cells.count == width else {
            throw DomainError(.malformedCSV, path: "row \(row.line)", message: "The row does not have one cell per header column.")
        }
        return row
    }

    /// The next record (the header included), skipping blank lines.
    private mutating func nextRecord() throws -> (line: Int, cells: [String])? {
        let delimiter: UInt8
        if let decided = self.delimiter { delimiter = decided } else { delimiter = try decideDelimiter() }
        while true {
            let start = position, final = atEnd, firstLine = line
            let outcome = try buffer.withUnsafeBufferPointer { bytes in
                try CSVReader.parse(bytes, from: start, final: final, line: firstLine, delimiter: delimiter, cell: &cell)
            }
            switch outcome {
            case .needMore:
                try refill()
            case .end:
                return nil
            case .record(let cells, let end, let nextLine, let blank):
                position = end
                line = nextLine
                if !blank { return (firstLine, cells) }
            }
        }
    }

    /// Reads until the buffer holds the whole first line (or the file ends) and decides the delimiter from it.
    private mutating func decideDelimiter() throws -> UInt8 {
        if !startedReading { try refill() }
        while !atEnd, CSVReader.lineEnd(in: buffer, from: position) == nil { try refill() }
        let decided = CSVReader.delimiter(in: buffer, from: position)
        delimiter = decided
        return decided
    }

    /// Where the first line ends (a CR or LF outside quotes), or nil when the bytes end first.
    static func lineEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var inQuotes = false
        for index in start..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if !inQuotes { return index }
            default: break
            }
        }
        return nil
    }

    /// `;` when the first line (outside quotes) has a semicolon and no comma, else `,`.
    static func delimiter(in bytes: [UInt8], from start: Int) -> UInt8 {
        var inQuotes = false
        var sawSemicolon = false
        for index in start..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: ","): if !inQuotes { return UInt8(ascii: ",") }
            case UInt8(ascii: ";"): if !inQuotes { sawSemicolon = true }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if !inQuotes { return sawSemicolon ? UInt8(ascii: ";") : UInt8(ascii: ",") }
            default: break
            }
        }
        return sawSemicolon ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Drops the parsed bytes and appends the next chunk (a row cut by a chunk's end is parsed again whole).
    private mutating func refill() throws {
        buffer.removeSubrange(0..<position)
        position = 0
        repeat {
            if let chunk = try readChunk(), !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        } while !startedReading && buffer.count < 3 && !atEnd
        if !startedReading {
            startedReading = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
    }

    private enum Outcome {
        /// The bytes end inside a record (or a CR or quote that needs the byte after it) and more may follow.
        case needMore
        case end
        case record(cells: [String], end: Int, nextLine: Int, blank: Bool)
    }

    /// Parses one record starting at `start`. Byte by byte: the delimiters are ASCII, and no byte of a
    /// multi-byte UTF-8 sequence is ASCII.
    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, final: Bool, line startLine: Int, delimiter comma: UInt8,
        cell: inout [UInt8]
    ) throws(DomainError) -> Outcome {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        if start >= bytes.count { return final ? .end : .needMore }
        var row: [String] = []
        cell.removeAll(keepingCapacity: true)
        var inQuotes = false
        var cellWasQuoted = false
        var line = startLine
        func endCell() throws(DomainError) {
            guard let text = String(validating: cell, as: UTF8.self) else {
                throw DomainError(.malformedCSV, path: "row \(startLine)", message: "The file is not UTF-8 text.")
            }
            row.append(text)
            cell.removeAll(keepingCapacity: true)
        }
        func endRow(at end: Int) throws(DomainError) -> Outcome {
            let wasQuoted = cellWasQuoted
            try endCell()
            let blank = row.count == 1 && row[0].isEmpty && !wasQuoted
            return .record(cells: row, end: end, nextLine: line + 1, blank: blank)
        }
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count {
                        if bytes[index] == quote {
                            cell.append(quote)
                            index += 1
                        } else {
                            inQuotes = false
                        }
                    } else if final {
                        inQuotes = false
                    } else {
                        return .needMore
                    }
                } else {
                    if byte == lf { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                try endCell()
                cellWasQuoted = false
            case cr:
                if index < bytes.count {
                    if bytes[index] == lf { continue }
                } else if !final {
                    return .needMore
                }
                return try endRow(at: index)
            case lf:
                return try endRow(at: index)
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
        if !final { return .needMore }
        if inQuotes {
            throw DomainError(.malformedCSV, path: "row \(startLine)", message: "A quoted cell is not closed.")
        }
        return try endRow(at: index)
    }
}
