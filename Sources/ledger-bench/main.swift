import BekalDomain
import BekalStore
import Foundation
import Logging

// Measures the ledger in process, release build: a CSV import of many training rows into a fresh ledger
// (events/s, hash chain and projections included) and `Ledger.portfolio(of:)` for a person with 1,000 events.
// `scripts/bench-ledger.sh` runs it and sets the plain-SQLite floor beside it.
//
// Usage: ledger-bench [--events N] [--runs R] [--keep DIR]
//   --keep DIR leaves the last import's data directory in DIR, for the floor to copy its rows.

struct Options {
    var events = 100_000
    var runs = 3
    var keep: String?

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchFailure("\(flag) needs a value") }
            switch flag {
            case "--events": events = try Options.positive(value, flag)
            case "--runs": runs = try Options.positive(value, flag)
            case "--keep": keep = value
            default: throw BenchFailure("unknown option \(flag)")
            }
        }
    }

    static func positive(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw BenchFailure("\(flag) expects a whole number above 0") }
        return value
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

let now = Date(timeIntervalSince1970: 1_780_000_000)
let facility = Facility(code: "LAPAS-BENCH", name: "Lapas Bench")
let logger = {
    var logger = Logger(label: "bekal.bench")
    logger.logLevel = .warning
    return logger
}()

/// A fresh data directory with the sample framework and one demo person.
func freshLedger(_ home: URL) throws -> (Ledger, Person) {
    let ledger = try Ledger.initialize(home: home, facility: facility, actor: "bench", recordedAt: now, logger: logger)
    try ledger.append(.frameworkImported(.sampleBatikCap), actor: "bench", facilityCode: facility.code, recordedAt: now)
    let person = Person(
        id: UUID(), registerNumber: RegisterNumber("BENCH-0001")!, fullName: PersonName("Contoh Bench")!,
        birthDate: LocalDate("1990-01-01"), admissionDate: LocalDate("2025-01-01")!,
        expectedReleaseDate: LocalDate("2027-01-01")!, status: .active, facilityCode: facility.code)
    try ledger.append(.personAdded(person), actor: "bench", facilityCode: facility.code, recordedAt: now)
    return (ledger, person)
}

func trainingCSV(person: String, rows: Int) -> Data {
    var text = "person,date,hours,topic,trainer\n"
    text.reserveCapacity(rows * 48)
    for i in 0..<rows {
        let day = 1 + i % 28
        text += "\(person),2026-0\(1 + i % 4)-\(day < 10 ? "0" : "")\(day),\(1 + i % 5),Topik \(i),Pelatih\n"
    }
    return Data(text.utf8)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds (user + system) of this process so far: on a shared machine wall time includes waiting.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(0, &usage)  // RUSAGE_SELF
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }

    // 1. Import: a fresh ledger per run; the CSV is parsed inside the timing, as `bekal import` does.
    var importTimes: [Double] = []
    var importCPU: [Double] = []
    for run in 0..<options.runs {
        let home = scratch.appendingPathComponent("import-\(run)")
        let (ledger, person) = try freshLedger(home)
        let csv = trainingCSV(person: person.registerNumber.rawValue, rows: options.events)
        var appended = 0
        let cpuStart = cpuSeconds()
        importTimes.append(try seconds {
            appended = try ledger.importCSV(csv, kind: .training, actor: "bench", recordedAt: now).appended.count
        })
        importCPU.append(cpuSeconds() - cpuStart)
        guard appended == options.events else { throw BenchFailure("import appended \(appended) events") }
        if let keep = options.keep, run == options.runs - 1 {
            let target = URL(fileURLWithPath: keep)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: home, to: target)
        }
        try? FileManager.default.removeItem(at: home)
    }
    let importMedian = median(importTimes)
    let cpuMedian = median(importCPU)
    print(String(format: "import: %d events, median %.3f s (min %.3f, max %.3f) = %.0f events/s; cpu %.3f s = %.0f events/cpu-s",
                 options.events, importMedian, importTimes.min()!, importTimes.max()!,
                 Double(options.events) / importMedian, cpuMedian, Double(options.events) / cpuMedian))

    // 2. Portfolio of a person with 1,000 events (3 of them before this batch).
    let home = scratch.appendingPathComponent("portfolio")
    let (ledger, person) = try freshLedger(home)
    let units = CompetencyFramework.sampleBatikCap.units.map(\.code)
    var entries: [LedgerEntry] = []
    for i in 0..<997 {
        let date = LocalDate(year: 2026, month: 1 + i % 4, day: 1 + i % 28)!
        switch i % 20 {
        case 0:
            entries.append(LedgerEntry(.assessmentRecorded(Assessment(
                id: UUID(), personID: person.id, frameworkID: CompetencyFramework.sampleBatikCap.id,
                frameworkVersion: CompetencyFramework.sampleBatikCap.version, unitCode: units[i / 20 % units.count],
                outcome: i % 40 == 0 ? .kompeten : .belumKompeten, assessorName: "Asesor", assessorRole: .partnerMentor,
                method: .observation, date: date))))
        case 1 where i % 100 == 1:
            entries.append(LedgerEntry(.certificateRecorded(Certificate(
                id: UUID(), personID: person.id, issuer: "LSP Contoh", scheme: "Tukang Cap", number: "C-\(i)",
                registrationNumber: nil, issuedOn: date, expiresOn: date.adding(years: 3), unitCodes: units))))
        case 2..<10:
            entries.append(LedgerEntry(.trainingRecorded(TrainingSession(
                id: UUID(), personID: person.id, date: date, hours: 2, topic: "Topik \(i)", trainer: "Pelatih"))))
        default:
            entries.append(LedgerEntry(.productionRecorded(ProductionEntry(
                id: UUID(), personID: person.id, date: date, motif: "Motif \(i)", cap: "CAP-1",
                quantity: Double(1 + i % 7), unit: .pieces, grade: [.a, .b, .c][i % 3], hours: 2))))
        }
    }
    _ = try ledger.append(contentsOf: entries, actor: "bench", facilityCode: facility.code, recordedAt: now)
    var records = 0
    for _ in 0..<5 { _ = try ledger.portfolio(of: .id(person.id)) }  // warm-up
    var portfolioTimes: [Double] = []
    for _ in 0..<51 {
        portfolioTimes.append(try seconds {
            let portfolio = try ledger.portfolio(of: .id(person.id))
            records = portfolio.assessments.count + portfolio.certificates.count + portfolio.training.count
                + portfolio.production.count
        })
    }
    let events = try ledger.eventCount() - 2  // minus the facility and framework events
    print(String(format: "portfolio: person with %d events (%d records), median %.3f ms (min %.3f, max %.3f) of %d",
                 events, records, median(portfolioTimes) * 1000, portfolioTimes.min()! * 1000,
                 portfolioTimes.max()! * 1000, portfolioTimes.count))
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("ledger-bench: \(error)\n".utf8))
    exit(1)
}
