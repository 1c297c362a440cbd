import BekalDomain
import BekalMetrics
import Foundation
import Testing

/// Format version 2: the report carries the ledger's checkpoint and a consistency proof (`ledgerLog`), described by
/// `schemas/metrics-report.schema.json`, and nothing of it reaches the Prometheus exposition.
@Suite("The report's ledger log")
struct ReportLedgerLogTests {
    /// A well-formed signed checkpoint (the signature is not checked here: the schema describes the form).
    static let checkpoint = "bekal.id/ledger/LAPAS-PWT\n5122\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
        + "\u{2014} bekal.id/ledger/LAPAS-PWT p2JUzO+5gulaSUgSm8p7EU6X0BjEtJL8jPy+LyzH9cQJgntPPvg4b1blt9E0tp/2SN6rwtKJUs/Gxdn3C2LbXgwVxQw=\n"
    static let hash = "YjJT2K97zlIk1L2JTddKJ/ipO3r3Q5dEAaKHPTTHFRM="

    static func report() throws -> MetricsReport {
        try MetricsReportTests.report().withLedgerLog(ReportLedgerLog(
            checkpoint: checkpoint,
            consistency: .init(fromReportID: UUID(), fromSize: 5_000, proof: [hash, hash])))
    }

    static func object(_ report: MetricsReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try report.jsonData()) as? [String: Any])
    }

    static func errors(_ object: [String: Any]) throws -> [String] {
        try SchemaValidator.errors(try JSONSerialization.data(withJSONObject: object), schema: "metrics-report.schema.json")
    }

    @Test("a version 2 report with its checkpoint and proof satisfies the schema and decodes back to itself")
    func valid() throws {
        let report = try Self.report()
        #expect(report.formatVersion == 2)
        #expect(try SchemaValidator.errors(try report.jsonData(), schema: "metrics-report.schema.json") == [])
        #expect(try MetricsReport.decode(try report.jsonData()) == report)
        var first = try Self.object(report)
        var log = try #require(first["ledgerLog"] as? [String: Any])
        log["consistency"] = nil
        first["ledgerLog"] = log
        #expect(try Self.errors(first) == [], "a first report has no proof")
    }

    @Test("the schema refuses a version 2 report without its log, a version 1 report with one, and malformed parts")
    func refused() throws {
        let valid = try Self.object(try Self.report())
        var cases: [[String: Any]] = []
        var missing = valid
        missing["ledgerLog"] = nil
        cases.append(missing)
        var oldVersion = valid
        oldVersion["formatVersion"] = 1
        cases.append(oldVersion)
        let log = try #require(valid["ledgerLog"] as? [String: Any])
        for (key, value) in [
            ("checkpoint", Self.checkpoint.replacingOccurrences(of: "\n5122\n", with: "\n05122\n")),
            ("checkpoint", Self.checkpoint.replacingOccurrences(of: "\n\n\u{2014}", with: "\n\u{2014}")),
            ("extra", "Budi Santoso"),
        ] as [(String, Any)] {
            var changed = log
            changed[key] = value
            var object = valid
            object["ledgerLog"] = changed
            cases.append(object)
        }
        var consistency = try #require(log["consistency"] as? [String: Any])
        consistency["proof"] = [Self.hash, "not base64"]
        var badProof = log
        badProof["consistency"] = consistency
        var object = valid
        object["ledgerLog"] = badProof
        cases.append(object)
        for (index, document) in cases.enumerated() {
            #expect(try !Self.errors(document).isEmpty, "case \(index) was accepted")
        }
    }

    @Test("the Prometheus exposition is the same with and without the ledger log")
    func prometheusUnaffected() throws {
        let plain = try MetricsReportTests.report()
        let logged = plain.withLedgerLog(ReportLedgerLog(checkpoint: Self.checkpoint, consistency: nil))
        #expect(PrometheusRenderer.render(logged) == PrometheusRenderer.render(plain))
        #expect(!PrometheusRenderer.render(logged).contains("bekal.id/ledger"))
    }
}
