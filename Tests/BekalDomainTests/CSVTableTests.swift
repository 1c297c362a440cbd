import BekalDomain
import Foundation
import Testing

@Suite("CSV tables")
struct CSVTableTests {
    @Test("quoted cells, doubled quotes, CRLF, lone CR, blank lines and multi-byte text keep their rows and lines")
    func shapes() throws {
        let text = "\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",é漢\r\n\n\"line\nbreak\",\"\"\rlast,🙂\n"
        let table = try CSVTable(Data(text.utf8))
        #expect(table.header == ["a", "b"])
        let rows = table.rows
        #expect(rows.map(\.line) == [2, 4, 6])
        #expect(rows.map(\.cells) == [["x, \"y\"", "é漢"], ["line\nbreak", ""], ["last", "🙂"]])
    }

    @Test("a stray quote, text after a closing quote and an unclosed quote each name their row")
    func malformed() {
        for (text, path) in [("a,b\nx\"y,z\n", "row 2"), ("a,b\n\"x\"y,z\n", "row 2"), ("a,b\nc,d\n\"open,e\n", "row 3")] {
            #expect(throws: DomainError(.malformedCSV, path: path, message: "")) { try CSVTable(Data(text.utf8)) }
            do {
                _ = try CSVTable(Data(text.utf8))
            } catch {
                #expect(error.path == path)
            }
        }
        #expect(throws: DomainError(.malformedCSV, path: "", message: "")) { try CSVTable(Data([0x61, 0xFF, 0x0A])) }
    }
}
