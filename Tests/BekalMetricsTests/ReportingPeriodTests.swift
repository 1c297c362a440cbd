import BekalDomain
import Testing

@Suite("Reporting periods")
struct ReportingPeriodTests {
    @Test("a month and a quarter parse, print back and know their first and last days")
    func parseAndBounds() throws {
        let july = try #require(ReportingPeriod("2026-07"))
        #expect(july.description == "2026-07")
        #expect(july.firstDay == LocalDate(year: 2026, month: 7, day: 1))
        #expect(july.lastDay == LocalDate(year: 2026, month: 7, day: 31))
        let q3 = try #require(ReportingPeriod("2026-Q3"))
        #expect(q3.description == "2026-Q3")
        #expect(q3.firstDay == LocalDate(year: 2026, month: 7, day: 1))
        #expect(q3.lastDay == LocalDate(year: 2026, month: 9, day: 30))
        let leapFebruary = try #require(ReportingPeriod("2028-02"))
        #expect(leapFebruary.lastDay == LocalDate(year: 2028, month: 2, day: 29))
        #expect(ReportingPeriod("2027-02")?.lastDay == LocalDate(year: 2027, month: 2, day: 28))
        #expect(ReportingPeriod("2026-Q4")?.lastDay == LocalDate(year: 2026, month: 12, day: 31))
    }

    @Test("anything but YYYY-MM or YYYY-Qn is rejected", arguments: [
        "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-7", "26-07", "2026-07-01", "2026-q3", "2026-W30", "", "2026",
        "２０２６-07", "2026-Q３",
    ])
    func rejects(_ text: String) {
        #expect(ReportingPeriod(text) == nil)
    }

    @Test("a day belongs to the period only between its first and last day")
    func contains() throws {
        let q3 = try #require(ReportingPeriod("2026-Q3"))
        #expect(q3.contains(try #require(LocalDate("2026-07-01"))))
        #expect(q3.contains(try #require(LocalDate("2026-09-30"))))
        #expect(!q3.contains(try #require(LocalDate("2026-06-30"))))
        #expect(!q3.contains(try #require(LocalDate("2026-10-01"))))
    }
}
