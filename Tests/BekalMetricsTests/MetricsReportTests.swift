import BekalDomain
import BekalMetrics
import BekalTestSupport
import Foundation
import Testing

@Suite("The metrics report")
struct MetricsReportTests {
    static func report(policy: DisclosurePolicy = .ons105, people: Int = 400, seed: UInt64 = 21) throws -> MetricsReport {
        let figures = ProgrammeFigures.compute(
            from: LedgerFixture.randomLedger(people: people, eventsPerPerson: 10, seed: seed), facilityCode: "LAPAS-PWT",
            period: try #require(ReportingPeriod("2026-Q2")))
        var random = SeededGenerator(seed: seed)
        return MetricsReport.make(
            from: figures, policy: policy, reportID: UUID(), now: Date(timeIntervalSince1970: 1_790_000_000.75),
            random: &random)
    }

    @Test("real reports, with and without noise, satisfy the JSON schema")
    func schemaValid() throws {
        for policy in [DisclosurePolicy.ons105, try DisclosurePolicy(epsilon: try Epsilon("2"))] {
            let data = try Self.report(policy: policy).jsonData()
            #expect(try SchemaValidator.errors(data, schema: "metrics-report.schema.json") == [])
        }
    }

    @Test("the schema refuses a report carrying anything else, such as a list of names")
    func schemaRefusesExtras() throws {
        var object = try JSONSerialization.jsonObject(with: try Self.report().jsonData()) as! [String: Any]
        object["names"] = ["Budi Santoso"]
        let tampered = try JSONSerialization.data(withJSONObject: object)
        let extra = try SchemaValidator.errors(tampered, schema: "metrics-report.schema.json")
        #expect(extra.count == 1 && extra[0].contains("'names' was unexpected"), "\(extra)")
        object["names"] = nil
        object["period"] = "2026-07-01"
        let period = try SchemaValidator.errors(try JSONSerialization.data(withJSONObject: object), schema: "metrics-report.schema.json")
        #expect(period.count == 1 && period[0].hasPrefix("['period'] '2026-07-01'"), "\(period)")
    }

    @Test("a report encodes the same way twice and decodes back to itself, suppressed cells included")
    func roundTrip() throws {
        let report = try Self.report(people: 40)
        let data = try report.jsonData()
        #expect(try report.jsonData() == data)
        let decoded = try MetricsReport.decode(data)
        #expect(decoded == report)
        #expect(decoded.tables.contains { $0.rows.contains { $0.cells.contains(.suppressed) } })
        #expect(throws: MetricsError(.invalidReport, "")) { try MetricsReport.decode(Data("{}".utf8)) }
        // A table whose rows are narrower than its columns is refused, not indexed out of range later.
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var tables = object["tables"] as! [[String: Any]]
        var rows = tables[1]["rows"] as! [[String: Any]]
        rows[0]["cells"] = [5]
        tables[1]["rows"] = rows
        object["tables"] = tables
        #expect(throws: MetricsError(.invalidReport, "")) {
            try MetricsReport.decode(try JSONSerialization.data(withJSONObject: object))
        }
    }

    @Test("a facility of three people publishes no figure about them and none of their names, numbers or ids")
    func threePeople() throws {
        let (a, b, c) = (UUID(), UUID(), UUID())
        let people = [
            LedgerFixture.person(a, name: "Siti Aminah", register: "BI.2025.0042"),
            LedgerFixture.person(b, name: "Joko Widodo Susilo", register: "BI.2025.0043"),
            LedgerFixture.person(c, name: "Rahmat Hidayat", register: "BI.2025.0044"),
        ]
        var payloads: [LedgerPayload] = [.frameworkImported(LedgerFixture.framework)] + people.map { .personAdded($0) }
        for p in [a, b, c] {
            payloads += [
                LedgerFixture.assessment(p, "U1", .kompeten, "2026-07-10"), LedgerFixture.training(p, 30, "2026-07-11"),
                LedgerFixture.production(p, 200, .a, "2026-07-12"), LedgerFixture.certificate(p, "Tukang Cap", "2026-08-01"),
                .released(Release(personID: p, date: LedgerFixture.date("2026-09-01"), kind: .parole)),
            ]
        }
        let figures = ProgrammeFigures.compute(
            from: LedgerFixture.events(payloads), facilityCode: "LAPAS-PWT", period: try #require(ReportingPeriod("2026-Q3")))
        var random = SystemRandomNumberGenerator()
        let report = MetricsReport.make(from: figures, reportID: UUID(), now: Date(timeIntervalSince1970: 1_790_000_000), random: &random)
        for table in report.tables {
            let figures = table.rows.flatMap(\.cells) + table.columnTotals + [table.grandTotal].compactMap { $0 }
            #expect(figures.allSatisfy { $0 == .suppressed || $0 == .count(0) }, "table \(table.id)")
        }
        let text = String(decoding: try report.jsonData(), as: UTF8.self) + PrometheusRenderer.render(report)
        for person in people {
            for secret in [person.fullName.rawValue, person.registerNumber.rawValue, person.id.uuidString, person.id.uuidString.lowercased(), "2026-09-01", "2026-07-1"] {
                #expect(!text.contains(secret))
            }
        }
    }

}

@Suite("The review text of a report")
struct ReportTextTests {
    @Test("the text shows every published figure, x for suppressed ones, and rejects bad periods by name")
    func text() throws {
        let table = protect(countTable([[30, 3], [25, 15], [40, 20]]))
        let report = MetricsReport(
            facilityCode: "LAPAS-PWT", period: try ReportingPeriod.parse("2026-Q3"), reportID: UUID(),
            generatedAt: Date(timeIntervalSince1970: 0), policy: .ons105, tables: [table])
        let lines = ReportText.render(report).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.contains(["r0", "x", "x", "35"]))
        #expect(lines.contains(["r2", "40", "20", "60"]))
        #expect(lines.contains(["total", "95", "40", "135"]))
        #expect(throws: MetricsError(.invalidPeriod, "")) { try ReportingPeriod.parse("2026-Q5") }
    }
}
