import BekalDomain
import Foundation
import Testing

@Suite("CSV reader, streamed in chunks")
struct CSVReaderTests {
    /// Every record of `data`, read from chunks of `size` bytes.
    private func rows(_ data: Data, chunk size: Int) throws -> (header: [String], rows: [(line: Int, cells: [String])]) {
        var offset = 0
        var reader = CSVReader(chunks: {
            guard offset < data.count else { return nil }
            defer { offset += size }
            return data.subdata(in: offset..<min(offset + size, data.count))
        })
        let header = try reader.readHeader()
        var rows: [(line: Int, cells: [String])] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return (header, rows)
    }

    @Test("a chunk boundary anywhere (inside a BOM, a CRLF, a doubled quote, a multi-byte character) reads the same rows")
    func chunkBoundaries() throws {
        let text = "\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",é漢\r\n\n\"line\nbreak\",\"\"\rlast,🙂\r\n\"q\"\"\",end"
        let data = Data(text.utf8)
        let whole = try rows(data, chunk: data.count)
        #expect(whole.header == ["a", "b"])
        #expect(whole.rows.map(\.line) == [2, 4, 6, 7])
        #expect(whole.rows.map(\.cells) == [["x, \"y\"", "é漢"], ["line\nbreak", ""], ["last", "🙂"], ["q\"", "end"]])
        for size in 1...12 {
            let chunked = try rows(data, chunk: size)
            #expect(chunked.header == whole.header, "chunks of \(size) bytes")
            #expect(chunked.rows.map(\.line) == whole.rows.map(\.line), "chunks of \(size) bytes")
            #expect(chunked.rows.map(\.cells) == whole.rows.map(\.cells), "chunks of \(size) bytes")
        }
    }

    @Test("bytes that are not UTF-8 name their row; a row of the wrong width names its row")
    func badRows() {
        var data = Data("a,b\nc,d\n".utf8)
        data.append(contentsOf: [0x65, 0xFF, 0x2C, 0x66, 0x0A])
        for size in [1, 3, 100] {
            do {
                _ = try rows(data, chunk: size)
                Issue.record("read a row that is not UTF-8")
            } catch let error as DomainError {
                #expect(error.code == .malformedCSV)
                #expect(error.path == "row 3")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        do {
            _ = try rows(Data("a,b\nc,d\ne\n".utf8), chunk: 2)
            Issue.record("read a row of the wrong width")
        } catch let error as DomainError {
            #expect(error.path == "row 3")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a source that fails passes its error through")
    func sourceFailure() {
        struct Broken: Error {}
        var calls = 0
        var reader = CSVReader(chunks: {
            calls += 1
            if calls == 1 { return Data("a,b\nc,".utf8) }
            throw Broken()
        })
        #expect(throws: Broken.self) {
            _ = try reader.readHeader()
            _ = try reader.nextRow()
        }
    }
}
