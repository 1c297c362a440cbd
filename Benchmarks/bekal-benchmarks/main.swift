// Benchmarks for metrics and publishing. Run in release:
//   swift run -c release bekal-benchmarks Tests/BekalPublisherTests/Fixtures/receiver.py
import BekalDomain
import BekalMetrics
import BekalPublisher
import Foundation
import Logging

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// A facility of `people` persons with `events` events spread over 2026, from a fixed seed.
func syntheticLedger(people: Int, events: Int) -> [ProgrammeEvent] {
    var random = SystemRandomNumberGenerator()
    let framework = CompetencyFramework(
        id: "sample", version: "1", title: LocalizedText(id: "Contoh", en: "Sample"),
        units: (1...8).map { CompetencyUnit(code: "U\($0)", title: LocalizedText(id: "Unit \($0)", en: "Unit \($0)")) })
    var payloads: [LedgerPayload] = [.frameworkImported(framework)]
    let ids = (0..<people).map { _ in UUID() }
    let start = LocalDate(year: 2026, month: 1, day: 1)!.daysSinceEpoch
    for _ in 0..<events {
        let id = ids.randomElement(using: &random)!
        let day = LocalDate(daysSinceEpoch: start + Int.random(in: 0..<365, using: &random))
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<30:
            payloads.append(.assessmentRecorded(Assessment(
                id: UUID(), personID: id, frameworkID: "sample", frameworkVersion: "1", unitCode: "U\(Int.random(in: 1...8, using: &random))",
                outcome: Bool.random(using: &random) ? .kompeten : .belumKompeten, assessorName: "A", assessorRole: .bnspAssessor,
                method: .observation, date: day)))
        case 30..<60:
            payloads.append(.trainingRecorded(TrainingSession(id: UUID(), personID: id, date: day, hours: 2, topic: "t", trainer: "t")))
        case 60..<95:
            payloads.append(.productionRecorded(ProductionEntry(
                id: UUID(), personID: id, date: day, motif: "m", cap: "c", quantity: Double(Int.random(in: 1...20, using: &random)),
                unit: .pieces, grade: QualityGrade.allCases.randomElement(using: &random)!, hours: 2)))
        case 95..<98:
            payloads.append(.certificateRecorded(Certificate(
                id: UUID(), personID: id, issuer: "LSP Batik", scheme: ProgrammeFigures.standardSchemes.randomElement(using: &random)!,
                number: "n", registrationNumber: nil, issuedOn: day, expiresOn: day.adding(years: 3), unitCodes: [])))
        default:
            payloads.append(.released(Release(personID: id, date: day, kind: .parole)))
        }
    }
    return payloads.map { ProgrammeEvent(id: UUID(), payload: $0) }
}

func benchmarkCompute() {
    let ledger = syntheticLedger(people: 2_000, events: 200_000)
    let period = ReportingPeriod("2026-Q3")!
    var random = SystemRandomNumberGenerator()
    var best = Double.infinity
    for _ in 0..<5 {
        let start = ContinuousClock.now
        let figures = ProgrammeFigures.compute(from: ledger, facilityCode: "LAPAS-PWT", period: period)
        _ = MetricsReport.make(from: figures, reportID: UUID(), now: Date(), random: &random)
        best = min(best, seconds(start))
    }
    print("compute: one quarter's report, 2,000 people, 200,000 events: best of 5 = \(String(format: "%.1f", best * 1000)) ms")
}

func benchmarkPublish(receiverScript: String) async throws {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID()).jsonl")
    defer { try? FileManager.default.removeItem(at: log) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [receiverScript, "--log", log.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    var line = Data()
    while !line.contains(0x0A) { line.append(output.fileHandleForReading.availableData) }
    let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))!

    let outbox = InMemoryOutbox()
    var random = SystemRandomNumberGenerator()
    let figures = ProgrammeFigures.compute(from: syntheticLedger(people: 300, events: 5_000), facilityCode: "LAPAS-PWT", period: ReportingPeriod("2026-Q3")!)
    for _ in 0..<1_000 {
        let report = MetricsReport.make(from: figures, reportID: UUID(), now: Date(), random: &random)
        try await outbox.enqueue(try OutboxEntry(report: report, enqueuedAt: Date()))
    }
    let relay = Relay(
        transport: try CurlTransport(), endpoint: try Endpoint(url: "http://127.0.0.1:\(port)/reports"),
        logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
    let start = ContinuousClock.now
    let summary = try await relay.publishPending(from: outbox)
    let elapsed = seconds(start)
    print("publish: \(summary.sent) of 1,000 queued reports in \(String(format: "%.2f", elapsed)) s = \(String(format: "%.0f", Double(summary.sent) / elapsed)) reports/s (loopback, Python receiver)")
}

benchmarkCompute()
if CommandLine.arguments.count > 1 {
    try await benchmarkPublish(receiverScript: CommandLine.arguments[1])
}
