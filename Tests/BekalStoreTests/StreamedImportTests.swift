import BekalDomain
import Foundation
import Testing
@testable import BekalStore

@Suite("CSV import streamed from a file")
struct StreamedImportTests {
    /// A training file of `rows` distinct rows, long enough to span several of the reader's chunks.
    private func trainingFile(rows: Int, badRow: Int? = nil) -> Data {
        var text = "person,date,hours,topic,trainer\r\n"
        for index in 0..<rows {
            let hours = index + 2 == badRow ? "lots" : "2.5"
            text += "REG-0001,2026-02-\(String(format: "%02d", index % 28 + 1)),\(hours),"
            text += "\"Topic \(index), \"\"cap\"\" and malam \(String(repeating: "x", count: 50 + index % 100))\",Mentor \(index % 7)\r\n"
        }
        return Data(text.utf8)
    }

    private func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-stream-\(UUID().uuidString).csv")
        try data.write(to: url)
        return url
    }

    @Test("a file of several chunks imports every row, with the natural keys of the same bytes read whole")
    func severalChunks() throws {
        let rows = 15_000
        let data = trainingFile(rows: rows)
        #expect(data.count > 2 * CSVReader.chunkSize)
        let url = try write(data)
        defer { try? FileManager.default.removeItem(at: url) }
        let scenario = try Scenario()
        let before = try scenario.ledger.eventCount()
        let summary = try scenario.ledger.importCSVSummary(
            contentsOf: url, kind: .training, actor: "a", recordedAt: Scenario.now)
        #expect(summary.appended == rows)
        #expect(try scenario.ledger.eventCount() == before + rows)
        // Every streamed row got the natural key the whole-file read gives it: nothing is appended again.
        let again = try scenario.ledger.importCSVSummary(data, kind: .training, actor: "a", recordedAt: Scenario.now)
        #expect(again.appended == 0)
        #expect(again.skipped == rows)
        #expect(try scenario.ledger.verifyChain().isIntact)
    }

    @Test("a bad row after the first chunk names its row and rolls back every row before it")
    func badRowLate() throws {
        let url = try write(trainingFile(rows: 15_000, badRow: 14_001))
        defer { try? FileManager.default.removeItem(at: url) }
        let scenario = try Scenario()
        let before = try scenario.ledger.eventCount()
        do {
            _ = try scenario.ledger.importCSVSummary(contentsOf: url, kind: .training, actor: "a", recordedAt: Scenario.now)
            Issue.record("the import succeeded")
        } catch let error as StoreError {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("row 14001"))
        }
        #expect(try scenario.ledger.eventCount() == before)
    }

    @Test("a file that does not exist is not found")
    func missing() throws {
        let scenario = try Scenario()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-none-\(UUID().uuidString).csv")
        #expect(throws: StoreError(.notFound, "")) {
            try scenario.ledger.importCSVSummary(contentsOf: url, kind: .training, actor: "a", recordedAt: Scenario.now)
        }
    }
}
