import BekalDomain
import Foundation
import Testing
@testable import BekalStore

@Suite("CSV import")
struct CSVImportTests {
    func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    @Test("a file with a BOM, CRLF, quoted commas, doubled quotes and a line break in a field imports every row")
    func rfc4180() throws {
        let scenario = try Scenario()
        let result = try scenario.ledger.importCSV(
            try fixture("training"), kind: .training, actor: "a", recordedAt: Scenario.now)
        #expect(result.appended.count == 3)
        let topics = try scenario.ledger.portfolio(of: .id(scenario.person.id)).training.map(\.topic)
        #expect(topics == ["Heating the malam, safely", "Stamping \"parang\" layout", "Lorod,\r\nwashing and drying"])
    }

    @Test("importing the same file twice records nothing twice")
    func idempotent() throws {
        let scenario = try Scenario()
        _ = try scenario.ledger.importCSV(try fixture("training"), kind: .training, actor: "a", recordedAt: Scenario.now)
        let again = try scenario.ledger.importCSV(
            try fixture("training"), kind: .training, actor: "b", recordedAt: Scenario.now)
        #expect(again.appended.isEmpty)
        #expect(again.skipped == 3)
        #expect(try scenario.ledger.eventCount() == 6)
    }

    @Test("an impossible date names its row and field, and the valid rows before it are not written")
    func impossibleDate() throws {
        let scenario = try Scenario()
        do {
            _ = try scenario.ledger.importCSV(
                try fixture("training-impossible-date"), kind: .training, actor: "a", recordedAt: Scenario.now)
            Issue.record("the import succeeded")
        } catch let error as StoreError {
            #expect(error.code == .invalidInput)
            #expect(error.message == "row 3, field 'date': expected an existing date such as 2026-02-01, 01-02-2026 or 1 Februari 2026")
        }
        #expect(try scenario.ledger.eventCount() == 3)
    }

    @Test("an unclosed quote is a malformed file naming the row")
    func unclosedQuote() throws {
        let scenario = try Scenario()
        #expect(throws: StoreError(.invalidInput, "")) {
            try scenario.ledger.importCSV(
                try fixture("training-unclosed-quote"), kind: .training, actor: "a", recordedAt: Scenario.now)
        }
        #expect(try scenario.ledger.eventCount() == 3)
    }

    @Test("a missing column, an unknown column and an unknown person are refused without personal values")
    func headerAndPersons() throws {
        let scenario = try Scenario()
        func attempt(_ text: String) throws -> String {
            do {
                _ = try scenario.ledger.importCSV(Data(text.utf8), kind: .training, actor: "a", recordedAt: Scenario.now)
                return "no error"
            } catch let error as StoreError { return error.message }
        }
        #expect(try attempt("person,date,hours,topic\nREG-0001,2026-02-01,3,x\n")
            == "row 1: the header lacks the column 'trainer' for training")
        #expect(try attempt("person,date,hours,topic,trainer,name\nREG-0001,2026-02-01,3,x,y,Siti\n")
            == "row 1: the column 'name' is not part of a training file")
        let unknown = try attempt("person,date,hours,topic,trainer\nREG-7777,2026-02-01,3,x,y\n")
        #expect(unknown == "row 2, field 'person': unknown person")
        #expect(!unknown.contains("REG-7777"))
        #expect(try attempt("person,date,hours,topic,trainer\nREG-0001,2026-02-01,-3,x,y\n")
            == "row 2, field 'hours': expected a number above 0 and at most one million, such as 3,5 or 3.5")
    }

    @Test("a persons file adds each person once; the natural key ignores surrounding spaces")
    func persons() throws {
        let scenario = try Scenario()
        let result = try scenario.ledger.importCSV(try fixture("persons"), kind: .persons, actor: "a", recordedAt: Scenario.now)
        #expect(result.appended.count == 2)
        let spaced = String(decoding: try fixture("persons"), as: UTF8.self).replacingOccurrences(of: ",", with: " , ")
        let again = try scenario.ledger.importCSV(Data(spaced.utf8), kind: .persons, actor: "a", recordedAt: Scenario.now)
        #expect(again.skipped == 2)
        #expect(try scenario.ledger.persons(status: .active).map(\.registerNumber.rawValue).sorted()
            == ["REG-0001", "REG-0100", "REG-0101"])
    }

    @Test("a ;-separated file from a spreadsheet in an Indonesian locale imports with decimal commas, Indonesian dates and words")
    func indonesianSpreadsheet() throws {
        let scenario = try Scenario()
        let training = Data("""
            person;date;hours;topic;trainer
            REG-0001;01-02-2026;3,5;"Memanaskan malam; aman";Mentor A
            REG-0001;2 Februari 2026;2;Ngecap;Mentor B

            """.utf8)
        let result = try scenario.ledger.importCSV(training, kind: .training, actor: "a", recordedAt: Scenario.now)
        #expect(result.appended.count == 2)
        let sessions = try scenario.ledger.portfolio(of: .id(scenario.person.id)).training.sorted { $0.date < $1.date }
        #expect(sessions.map(\.hours) == [3.5, 2])
        #expect(sessions.map(\.topic) == ["Memanaskan malam; aman", "Ngecap"])
        #expect(sessions.map(\.date) == [LocalDate("2026-02-01")!, LocalDate("2026-02-02")!])
        let production = Data("""
            person;date;motif;cap;quantity;unit;grade;hours
            REG-0001;3 Maret 2026;Parang;Cap 1;4,5;meter;A;6

            """.utf8)
        #expect(try scenario.ledger.importCSV(production, kind: .production, actor: "a", recordedAt: Scenario.now)
            .appended.count == 1)
        #expect(try scenario.ledger.portfolio(of: .id(scenario.person.id)).production.map(\.quantity) == [4.5])
    }

    @Test("hexadecimal, exponent, huge and ambiguous numbers are refused naming the row and field, nothing written",
          arguments: ["0x10", "1e300", "1e3", "2000000", "1.000", "-3", "inf", "NaN"])
    func refusedNumbers(hours: String) throws {
        let scenario = try Scenario()
        let before = try scenario.ledger.eventCount()
        let rows = Data("person,date,hours,topic,trainer\nREG-0001,2026-02-01,2,Ok,M\nREG-0001,2026-02-02,\(hours),X,M\n".utf8)
        do {
            _ = try scenario.ledger.importCSV(rows, kind: .training, actor: "a", recordedAt: Scenario.now)
            Issue.record("\(hours) was imported")
        } catch let error as StoreError {
            #expect(error.code == .invalidInput)
            #expect(error.message.hasPrefix("row 3, field 'hours': "))
            #expect(!error.message.contains(hours))
        }
        #expect(try scenario.ledger.eventCount() == before)
    }
}
