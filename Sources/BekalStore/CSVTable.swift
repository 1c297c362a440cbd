import Foundation

/// A CSV file as RFC 4180 describes it: a header row, then records; fields may be quoted with `"`, a quote
/// inside a quoted field is doubled, quoted fields may hold commas and line breaks; lines end in CRLF or LF.
/// A UTF-8 byte order mark at the start is skipped.
public struct CSVTable: Sendable, Hashable {
    /// Column names from the header row, trimmed and lowercased.
    public var header: [String]
    /// Data records; `rows[i]` is the record on row `i + 2` of the file (the header is row 1).
    public var rows: [[String]]

    /// Parses CSV text.
    /// - Throws: `StoreError.invalidInput` naming the row of an unterminated quote, a stray quote or a record
    ///   with the wrong number of fields.
    public init(parsing data: Data) throws {
        guard var text = String(data: data, encoding: .utf8) else {
            throw StoreError(.invalidInput, "the CSV file is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let records = try CSVTable.records(Array(text.unicodeScalars))
        guard let first = records.first, !(first.count == 1 && first[0].isEmpty) else {
            throw StoreError(.invalidInput, "the CSV file has no header row")
        }
        header = first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let empty = header.firstIndex(of: "") {
            throw StoreError(.invalidInput, "row 1: column \(empty + 1) of the header has no name")
        }
        if Set(header).count != header.count {
            throw StoreError(.invalidInput, "row 1: the header names a column twice")
        }
        rows = []
        for (offset, record) in records.dropFirst().enumerated() {
            if record.count == 1 && record[0].isEmpty { continue }  // blank line
            guard record.count == header.count else {
                throw StoreError(.invalidInput,
                                 "row \(offset + 2): has \(record.count) fields, the header has \(header.count)")
            }
            rows.append(record)
        }
    }

    private static func records(_ scalars: [Unicode.Scalar]) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var row = 1
        var quoted = false
        var fieldStarted = false
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            quoted = false
            fieldStarted = false
        }
        while index < scalars.count {
            let c = scalars[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    // After a closing quote only a separator or the end of the record may follow.
                    if index < scalars.count, !["," , "\r", "\n"].contains(scalars[index]) {
                        throw StoreError(.invalidInput, "row \(row): text after a closing quote")
                    }
                    continue
                }
                if c == "\n" { row += 1 }
                field.append(c)
                index += 1
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r", "\n":
                if c == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                endField()
                records.append(record)
                record = []
                row += 1
            case "\"":
                guard !fieldStarted, field.isEmpty else {
                    throw StoreError(.invalidInput, "row \(row): a quote inside an unquoted field")
                }
                quoted = true
                fieldStarted = true
            default:
                field.append(c)
                fieldStarted = true
            }
            index += 1
        }
        if quoted { throw StoreError(.invalidInput, "row \(row): a quoted field is never closed") }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}
