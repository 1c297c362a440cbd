import BekalDomain
import Foundation
import GRDB
import Logging

extension Ledger {
    /// An import logs its progress (trace level) every this many rows.
    static let importProgressInterval = 10_000

    /// Imports a CSV file of one kind, all-or-nothing in one transaction; rows already imported are skipped.
    public func importCSV(
        _ data: Data, kind: ImportKind, actor: String, recordedAt: Date
    ) throws -> BatchAppendResult {
        try importCSV(data, kind: kind, actor: actor, recordedAt: recordedAt,
                      deferringIndexAfter: DeferredIndex.minimumRows)
    }

    /// `importCSV` with the fewest appended rows that take the table's date-led index down (`DeferredIndex`),
    /// so that tests can reach it with small files.
    func importCSV(
        _ data: Data, kind: ImportKind, actor: String, recordedAt: Date, deferringIndexAfter minimumRows: Int
    ) throws -> BatchAppendResult {
        var reader = CSVReader(data: data)
        return try importRows(&reader, bytes: data.count, kind: kind, actor: actor, recordedAt: recordedAt,
                              keepsEvents: true, deferringIndexAfter: minimumRows).result
    }

    /// Imports as `importCSV` does, but only counts the events: a facility's file of a million rows is not
    /// held in memory a second time as `LedgerEvent`s.
    public func importCSVSummary(
        _ data: Data, kind: ImportKind, actor: String, recordedAt: Date
    ) throws -> ImportSummary {
        var reader = CSVReader(data: data)
        let done = try importRows(&reader, bytes: data.count, kind: kind, actor: actor, recordedAt: recordedAt,
                                  keepsEvents: false)
        return ImportSummary(appended: done.appended, skipped: done.result.skipped)
    }

    /// Imports a CSV file as `importCSVSummary` does, reading it a chunk at a time (`CSVReader.chunkSize`) into
    /// the open transaction: memory does not grow with the file, and a bad row anywhere still rolls back every
    /// row before it.
    /// - Throws: `StoreError(.notFound)` when the file cannot be opened, `.invalidInput` when it cannot be read
    ///   or a row is malformed or breaks a rule.
    public func importCSVSummary(
        contentsOf file: URL, kind: ImportKind, actor: String, recordedAt: Date
    ) throws -> ImportSummary {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: file)
        } catch {
            throw StoreError(.notFound, "the CSV file cannot be read")
        }
        defer { try? handle.close() }
        let bytes = (try? handle.seekToEnd()).map { Int(clamping: $0) } ?? 0
        do {
            try handle.seek(toOffset: 0)
        } catch {
            throw StoreError(.invalidInput, "the CSV file cannot be read")
        }
        var reader = CSVReader(file: handle)
        let done = try importRows(&reader, bytes: bytes, kind: kind, actor: actor, recordedAt: recordedAt,
                                  keepsEvents: false)
        return ImportSummary(appended: done.appended, skipped: done.result.skipped)
    }

    /// About how many bytes a CSV row takes, to size the page cache from a file's length.
    private static let csvBytesPerRow = 64

    private func importRows(
        _ reader: inout CSVReader, bytes: Int, kind: ImportKind, actor: String, recordedAt: Date, keepsEvents: Bool,
        deferringIndexAfter minimumRows: Int = DeferredIndex.minimumRows
    ) throws -> (result: BatchAppendResult, appended: Int) {
        let importer = try CSVImport(kind: kind, ledger: self)
        let layout = try importer.layout(of: try Ledger.readingCSV { try reader.readHeader() })
        // Row by row into the open transaction: no array of rows or entries, and a bad row (or a malformed
        // line further down the file) still rolls back every row.
        var ids = RandomUUIDs()
        var done = 0
        let result = try appendBatch(
            count: bytes / Ledger.csvBytesPerRow, actor: actor, facilityCode: importer.facilityCode,
            recordedAt: recordedAt, keepsEvents: keepsEvents,
            importing: (kind, minimumRows)
        ) { appender in
            while let (line, cells) = try Ledger.readingCSV({ try reader.nextRow() }) {
                let entry = try importer.entry(line: line, cells: cells, layout: layout, id: ids.next())
                try appender.append(entry, context: { "row \(line)" })
                done += 1
                // Inside the write transaction: progress of a long import, and where the crash tests stop it.
                if done % Ledger.importProgressInterval == 0 {
                    logger.trace("csv import progress", metadata: ["import.rows": "\(done)"])
                }
            }
        }
        logger.info("csv import read", metadata: ["import.kind": "\(kind.rawValue)", "import.rows": "\(done)"])
        return result
    }

    /// Runs one read of the CSV reader, its errors as the store's: a malformed file is invalid input.
    private static func readingCSV<T>(_ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as DomainError {
            throw StoreError(.invalidInput, error.description, cause: error)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.invalidInput, "the CSV file cannot be read")
        }
    }
}
