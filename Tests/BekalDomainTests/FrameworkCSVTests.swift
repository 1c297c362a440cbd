import Foundation
import Testing

@testable import BekalDomain

@Suite("Framework CSV form")
struct FrameworkCSVTests {
    static func decode(_ file: String) throws -> CompetencyFramework {
        let sample = CompetencyFramework.sampleBatikCap
        return try FrameworkDocument.decode(
            csv: try TestSupport.fixture("frameworks-csv", file), id: sample.id, version: sample.version,
            title: sample.title, source: sample.source, isSample: true)
    }

    @Test("the sample framework written as CSV (quoted cells, CRLF) decodes to the same framework")
    func sampleAsCSV() throws {
        #expect(try Self.decode("sample-batik-cap.csv") == CompetencyFramework.sampleBatikCap)
    }

    @Test("each malformed CSV is refused with the named error, row and column")
    func invalidFiles() throws {
        let expected: [(String, DomainError.Code, String)] = [
            ("invalid-header.csv", .csvHeader, "row 1"),
            ("invalid-cell-count.csv", .malformedCSV, "row 2"),
            ("invalid-unterminated-quote.csv", .malformedCSV, "row 2"),
            ("invalid-kkni-text.csv", .kkniLevelOutOfRange, "row 2, kkni_level"),
            ("invalid-core.csv", .wrongType, "row 2, core"),
            ("invalid-element-one-language.csv", .malformedCSV, "row 2, elements[0]"),
            ("invalid-duplicate-code.csv", .duplicateUnitCode, "row 4.code"),
            ("invalid-blank-title.csv", .emptyText, "row 2, title_en"),
            ("invalid-no-units.csv", .noUnits, "units"),
        ]
        for (file, code, path) in expected {
            let error = #expect(throws: DomainError.self, "\(file)") { try Self.decode(file) }
            #expect(error?.code == code, "\(file): \(String(describing: error))")
            #expect(error?.path == path, "\(file): \(String(describing: error))")
        }
    }

    @Test("CSV cells: quotes, doubled quotes, embedded newlines and a byte order mark")
    func csvCells() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n\n"
        let table = try CSVTable(Data(text.utf8))
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.cells) == [["x, y", "say \"hi\""], ["two\nlines", ""]])
        #expect(table.rows.map(\.line) == [2, 3])
    }
}
