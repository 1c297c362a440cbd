import BekalDomain
import BekalMetrics
import Foundation
import Testing

/// Runs `promtool check metrics` (Prometheus' own linter, from the Debian package `prometheus` that the bootstrap
/// installs) on a text; a missing promtool throws, so the test fails rather than passes.
enum Promtool {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "promtool is not installed (scripts/bootstrap.sh installs it with BEKAL_WITH_TEST_SERVICES=1)" }
    }

    /// promtool's exit status and everything it printed.
    static func check(_ text: String) throws -> (status: Int32, output: String) {
        let path = "/usr/bin/promtool"
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, printed)
    }
}

@Suite("The Prometheus rendering")
struct PrometheusTests {
    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// Value of every sample, keyed by its family name.
    static func samples(_ text: String) -> [String: [(labels: String, value: Int)]] {
        var out: [String: [(String, Int)]] = [:]
        for line in lines(text) where !line.hasPrefix("#") {
            let name = String(line.prefix { $0 != "{" })
            let labels = String(line.drop { $0 != "{" }.prefix { $0 != "}" })
            out[name, default: []].append((labels, Int(line.split(separator: " ").last!)!))
        }
        return out
    }

    @Test("promtool accepts real reports without a warning, small and large, fully hidden or not", arguments: [3, 40, 400])
    func promtoolClean(people: Int) throws {
        let report = try MetricsReportTests.report(people: people, seed: UInt64(people))
        let text = PrometheusRenderer.render(report)
        let result = try Promtool.check(text)
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
        #expect(!text.contains("_total") && !text.contains("_hours"))
    }

    @Test("promtool is a real check: it flags a gauge named _total and hours instead of seconds")
    func promtoolFlags() throws {
        let result = try Promtool.check("""
            # HELP bekal_x_row_total x
            # TYPE bekal_x_row_total gauge
            bekal_x_row_total 1
            # HELP bekal_training_hours x
            # TYPE bekal_training_hours gauge
            bekal_training_hours 1

            """)
        // 3: lint problems found (1 would be a parse error of the text itself).
        #expect(result.status == 3, "\(result.output)")
        #expect(result.output.contains("bekal_x_row_total non-counter metrics should not have \"_total\" suffix"))
        #expect(result.output.contains("bekal_training_hours use base unit \"seconds\" instead of \"hours\""))
    }

    @Test("HELP lines read as English: plurals of every label, and the participants' status named once")
    func helpWording() throws {
        let text = PrometheusRenderer.render(try MetricsReportTests.report())
        let help = Self.lines(text).filter { $0.hasPrefix("# HELP ") }
        #expect(help.count > 10)
        for line in help {
            #expect(!line.contains("statuss") && !line.contains("readinesss"), "\(line)")
        }
        #expect(help.contains(
            "# HELP bekal_participants_persons Bekal persons with programme activity in the period (status as on the period's last day), by status; disclosure-controlled."))
        #expect(help.contains(
            "# HELP bekal_participants_persons_all Bekal persons with programme activity in the period (status as on the period's last day), over all statuses."))
        #expect(help.contains(
            "# HELP bekal_releases_persons_per_kind Bekal persons released, by kind of release and portfolio readiness, each kind over all readiness values."))
        #expect(help.contains(
            "# HELP bekal_competency_persons_per_outcome Bekal persons assessed per unit, by latest outcome (totals over units count person-unit pairs), each outcome over all units."))
    }

    @Test("cells and totals live in different families, each summing to the table's total; hours become seconds")
    func familiesDoNotMix() throws {
        let table = protect(countTable([[30, 12], [25, 15], [40, 20]]))
        let training = FigureTable(
            id: "training-hours",
            columns: [FigureColumn(key: "persons", measure: .persons), FigureColumn(key: "hours", measure: .hours)],
            rows: [FigureRow(key: "under-10h", cells: [.persons(20), FigureCell(value: 120, persons: 20)]),
                   FigureRow(key: "10-19h", cells: [.persons(15), FigureCell(value: 210, persons: 15)])],
            hasRowTotals: false, sensitivity: 1)
        let report = MetricsReport(
            facilityCode: "LAPAS-PWT", period: try #require(ReportingPeriod("2026-07")), reportID: UUID(),
            generatedAt: Date(timeIntervalSince1970: 0), policy: .ons105, tables: [table, protect(training)])
        let text = PrometheusRenderer.render(report)
        let samples = Self.samples(text)
        #expect(samples["bekal_competency_persons"]?.count == 6)
        #expect(samples["bekal_competency_persons"]?.contains { $0.labels == "{period=\"2026-07\",unit=\"r0\",outcome=\"c0\"" && $0.value == 30 } == true)
        let cells = samples["bekal_competency_persons"]!.reduce(0) { $0 + $1.value }
        #expect(cells == 140 && samples["bekal_competency_persons_all"]?.first?.value == 140)
        #expect(samples["bekal_competency_persons_per_unit"]!.reduce(0) { $0 + $1.value } == 140)
        #expect(samples["bekal_competency_persons_per_outcome"]!.reduce(0) { $0 + $1.value } == 140)
        #expect(samples["bekal_training_seconds"]?.map(\.value) == [120 * 3600, 210 * 3600])
        #expect(samples["bekal_training_persons_all"]?.first?.value == 35)
        #expect(Self.lines(text).contains("# TYPE bekal_training_seconds gauge"))
        // A suppressed figure is absent, not NaN.
        let hidden = PrometheusRenderer.render(MetricsReport(
            facilityCode: "LAPAS-PWT", period: try #require(ReportingPeriod("2026-07")), reportID: UUID(),
            generatedAt: Date(timeIntervalSince1970: 0), policy: .ons105, tables: [protect(countTable([[30, 3], [25, 15], [40, 20]]))]))
        #expect(!hidden.contains("unit=\"r0\",outcome=\"c1\"") && !hidden.contains("NaN"))
        #expect(try Promtool.check(text).output.isEmpty)
    }
}
