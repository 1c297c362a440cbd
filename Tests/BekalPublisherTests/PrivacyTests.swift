import BekalDomain
import BekalMetrics
import BekalPublisher
import BekalTestSupport
import Foundation
import Testing

@Suite("Nothing personal leaves the facility")
struct PrivacyTests {
    @Test("a facility of three people sends only suppressed figures, and no byte sent names, numbers or dates them")
    func threePeople() async throws {
        let ids = [UUID(), UUID(), UUID()]
        let names = ["Siti Aminah", "Joko Susilo", "Rahmat Hidayat"]
        let registers = ["BI.2025.0042", "BI.2025.0043", "BI.2025.0044"]
        let framework = CompetencyFramework(
            id: "sample", version: "1", title: LocalizedText(id: "Contoh", en: "Sample"),
            units: [CompetencyUnit(code: "U1", title: LocalizedText(id: "Mengecap", en: "Stamp"))])
        var payloads: [LedgerPayload] = [.frameworkImported(framework)]
        for (n, id) in ids.enumerated() {
            let day = LocalDate("2026-07-1\(n)")!
            payloads += [
                .personAdded(Person(
                    id: id, registerNumber: RegisterNumber(registers[n])!, fullName: PersonName(names[n])!,
                    birthDate: LocalDate("1991-03-0\(n + 1)"), admissionDate: LocalDate("2024-02-01")!,
                    expectedReleaseDate: LocalDate("2026-09-01")!, status: .active, facilityCode: "LAPAS-KCL")),
                .assessmentRecorded(Assessment(
                    id: UUID(), personID: id, frameworkID: "sample", frameworkVersion: "1", unitCode: "U1", outcome: .kompeten,
                    assessorName: "Asesor", assessorRole: .bnspAssessor, method: .observation, date: day)),
                .trainingRecorded(TrainingSession(id: UUID(), personID: id, date: day, hours: 25, topic: "Cap", trainer: "T")),
                .productionRecorded(ProductionEntry(
                    id: UUID(), personID: id, date: day, motif: "Parang", cap: "C1", quantity: 150, unit: .pieces, grade: .a, hours: 3)),
                .released(Release(personID: id, date: LocalDate("2026-09-0\(n + 1)")!, kind: .parole)),
            ]
        }
        let figures = ProgrammeFigures.compute(
            from: payloads.map { ProgrammeEvent(id: UUID(), payload: $0) }, facilityCode: "LAPAS-KCL",
            period: ReportingPeriod("2026-Q3")!)
        var random = SystemRandomNumberGenerator()
        let report = MetricsReport.make(from: figures, reportID: UUID(), now: TestClock.now, random: &random)
        for table in report.tables {
            let all = table.rows.flatMap(\.cells) + table.columnTotals + [table.grandTotal].compactMap { $0 }
            #expect(all.allSatisfy { $0 == .suppressed || $0 == .count(0) }, "table \(table.id)")
        }

        let receiver = try Receiver()
        let transport = try CurlTransport()
        let outbox = try await TestReports.outbox([report])
        _ = try await Relay(transport: transport, endpoint: try Endpoint(url: receiver.url), logger: CapturedLog().logger, now: { TestClock.now })
            .publishPending(from: outbox)
        var again = try QueuedReport(pending: report, enqueuedAt: TestClock.now)
        again.reportID = UUID()
        _ = try await Relay(transport: transport, endpoint: try Endpoint(url: receiver.url, format: .prometheus), logger: CapturedLog().logger, now: { TestClock.now })
            .publishPending(from: InMemoryOutbox([again]))

        let entries = receiver.entries
        #expect(entries.count == 2)
        var everything = Data()
        for entry in entries {
            everything.append(Data((entry["requestline"] as? String ?? "").utf8))
            for header in entry["headers"] as? [[String]] ?? [] { everything.append(Data(header.joined(separator: ": ").utf8)) }
            everything.append(Receiver.body(entry))
        }
        let text = String(decoding: everything, as: UTF8.self)
        #expect(text.contains("LAPAS-KCL"))
        var forbidden = names + registers + ids.map(\.uuidString) + ids.map { $0.uuidString.lowercased() }
        forbidden += names.flatMap { $0.split(separator: " ").map(String.init) }
        forbidden += ["2026-07-1", "2026-09-0", "1991-03", "2024-02-01", "Asesor"]
        for secret in forbidden {
            #expect(!text.contains(secret), "found \(secret.count) characters of personal data")
        }
    }
}
