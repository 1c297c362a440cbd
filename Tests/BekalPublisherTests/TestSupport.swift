import BekalDomain
import BekalMetrics
import BekalPublisher
import Foundation
import Logging

/// Reports for publisher tests.
enum TestReports {
    static func table(_ id: String, _ rows: [(String, [Int])], columns: [String], rowTotals: Bool = true) -> FigureTable {
        FigureTable(
            id: id, columns: columns.map { FigureColumn(key: $0, measure: .persons) },
            rows: rows.map { FigureRow(key: $0.0, cells: $0.1.map(FigureCell.persons)) }, hasRowTotals: rowTotals,
            sensitivity: 1)
    }

    static func figures(facility: String = "LAPAS-PWT", period: String = "2026-Q3", scale: Int = 1) -> ProgrammeFigures {
        ProgrammeFigures(
            facilityCode: facility, period: ReportingPeriod(period)!,
            participants: table("participants", [("active", [120 * scale]), ("released", [31]), ("transferred", [4])], columns: ["persons"]),
            competencyOutcomes: table("competency-outcomes", [("U1", [40, 12]), ("U2", [30, 3])], columns: ["K", "BK"]),
            certificates: table("certificates", [("Tukang Cap", [22]), ("Tukang Celup", [0])], columns: ["certificates"]),
            trainingHours: table("training-hours", [("under-10h", [40, 200]), ("10-19h", [60, 900])], columns: ["persons", "hours"], rowTotals: false),
            production: table("production", [("A", [300]), ("B", [120]), ("C", [7])], columns: ["pieces"]),
            releases: table("releases", [("parole", [12, 8]), ("end-of-sentence", [5, 11])], columns: ["ready", "not-ready"]))
    }

    static func report(facility: String = "LAPAS-PWT", period: String = "2026-Q3") -> MetricsReport {
        var random = SystemRandomNumberGenerator()
        return MetricsReport.make(
            from: figures(facility: facility, period: period), reportID: UUID(), now: Date(timeIntervalSince1970: 1_790_000_000),
            random: &random)
    }

    static func outbox(_ reports: [MetricsReport]) async throws -> InMemoryOutbox {
        let outbox = InMemoryOutbox()
        for report in reports { await outbox.enqueue(try QueuedReport(pending: report, enqueuedAt: Date())) }
        return outbox
    }
}

/// Records every log line, to check that no secret reaches a log.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
        }
    }
}

/// Records the waits of a relay instead of sleeping.
actor SleepRecorder {
    var waits: [Duration] = []
    func record(_ d: Duration) { waits.append(d) }
}

/// The fixed "now" of the relay tests (signatures and outbox times), 2026-09-21T12:00:00Z.
enum TestClock {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
}
