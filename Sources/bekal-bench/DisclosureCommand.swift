import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import BekalMetrics
import BekalStore
import Foundation

/// A year of metrics reports as a clerk would queue them (each month the morning after it ends, each quarter
/// after its third month), through the app layer's one path (`FacilityApp.queueReport`), on an in-memory demo facility.
/// Times each queue (figures in SQL + disclosure control against everything already queued) and counts how many
/// figures the reports publish: the price of disclosure control in suppressed figures.
struct DisclosureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure", abstract: "Times a year of queued reports and counts the figures they publish.")

    @Option(help: "Demo people.") var people = 200
    @Option(help: "The demo seed.") var seed: UInt64 = 1
    @Option(help: "The year reported; the demo facility's today is its last day.") var year = 2026

    func run() async throws {
        guard let today = LocalDate(year: year, month: 12, day: 31) else { throw BenchFailure("--year: bad year") }
        let data = DemoFacility.generate(people: people, seed: seed, today: today)
        let ledger = try Ledger.inMemory(logger: BenchFixture.logger)
        // Recorded the day after the year: no record lies in the future.
        let recordedAt = Date(timeIntervalSince1970: Double(today.daysSinceEpoch + 1) * 86_400)
        _ = try ledger.append(
            contentsOf: data.events.map {
                LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
            }, actor: BenchFixture.actor, facilityCode: data.facility.code, recordedAt: recordedAt)
        var periods: [ReportingPeriod] = []
        for month in 1...12 {
            periods.append(ReportingPeriod.month(year, month)!)
            if month % 3 == 0 { periods.append(ReportingPeriod.quarter(year, month / 3)!) }
        }
        var samples: [Double] = []
        var figuresOnly: [Double] = []
        let storage = SQLiteLedgerStorage(ledger)
        // Every report carries the ledger's signed checkpoint: the facility needs its key.
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: files) }
        _ = try KeyRing.create(at: files.appendingPathComponent("keys"), now: recordedAt)
        let app = FacilityApp(storage: storage, evidence: storage, directory: DataDirectory(root: files),
                              logger: BenchFixture.logger)
        let context = ActionContext(actor: try Actor(account: BenchFixture.actor), now: recordedAt)
        var count = Count()
        for period in periods {
            // The SQL figures alone, to tell their cost from the clearance's.
            let read = DispatchTime.now().uptimeNanoseconds
            _ = try ledger.programmeFigures(period: period)
            figuresOnly.append(Double(DispatchTime.now().uptimeNanoseconds - read) / 1e9)
            let start = DispatchTime.now().uptimeNanoseconds
            let queued = try await app.queueReport(period: period, policy: .ons105, context: context)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            count.add(queued.report)
        }
        let summary = "\(people) people: \(count.publishedCells) of \(count.cells) cells published "
            + "(\(percent(count.publishedCells, count.cells))), \(count.publishedFigures) of \(count.figures) figures "
            + "with totals (\(percent(count.publishedFigures, count.figures)))"
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        Figure(id: "disclosure.year", samples: samples, items: periods.count,
               note: "one year of monthly and quarterly reports queued, \(people) people; \(summary)").emit()
        Figure(id: "disclosure.figures", samples: figuresOnly, items: periods.count,
               note: "the SQL figures of the same periods alone (the queue's own read included above)").emit()
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : String(format: "%.1f %%", 100 * Double(part) / Double(whole))
    }

    /// Published and total figures over reports: cells alone, and cells with every total.
    struct Count {
        var cells = 0, publishedCells = 0, figures = 0, publishedFigures = 0

        mutating func add(_ report: MetricsReport) {
            for table in report.tables {
                let cells = table.rows.flatMap(\.cells)
                let totals = table.rows.compactMap(\.total) + table.columnTotals + [table.grandTotal].compactMap { $0 }
                self.cells += cells.count
                publishedCells += cells.filter { !$0.isSuppressed }.count
                figures += cells.count + totals.count
                publishedFigures += (cells + totals).filter { !$0.isSuppressed }.count
            }
        }
    }
}
