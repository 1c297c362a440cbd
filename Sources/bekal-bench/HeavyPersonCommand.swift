import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

/// A facility in which one person has `--events` records (training and production, on top of the
/// generator's), for the "portfolio of a person with 1,000 events" figure. Prints the person's id.
struct HeavyPersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heavy-person", abstract: "Creates a ledger where one person has many events.")

    @Option(help: "The data directory to create.") var home: String
    @Option(help: "Fake people around the heavy one.") var people = 200
    @Option(help: "Events of the heavy person, in total.") var events = 1_000

    func run() throws {
        let data = DemoFacility.generate(people: people, seed: 7, today: BenchFixture.today)
        let ledger = try Ledger.create(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        _ = try ledger.append(
            contentsOf: data.events.map {
                LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
            }, actor: BenchFixture.actor, facilityCode: data.facility.code, recordedAt: BenchFixture.now)
        guard let person = try ledger.persons(status: .active).first else { throw BenchFailure("no active person") }
        let own = data.events.filter { event in
            switch event.payload {
            case .assessmentRecorded(let a): a.personID == person.id
            case .trainingRecorded(let t): t.personID == person.id
            case .productionRecorded(let p): p.personID == person.id
            case .certificateRecorded(let c): c.personID == person.id
            default: false
            }
        }.count
        var random = SeededRandom(state: 99)
        let span = max(1, person.admissionDate.daysSinceEpoch.distance(to: BenchFixture.today.daysSinceEpoch))
        let extra = (0..<max(0, events - own)).map { index -> LedgerEntry in
            let date = person.admissionDate.adding(days: index % span)
            let id = UUID(uuid: Self.uuidBytes(&random))
            if index % 2 == 0 {
                return LedgerEntry(.trainingRecorded(TrainingSession(
                    id: id, personID: person.id, date: date, hours: 2, topic: "Pola parang", trainer: "DEMO Mentor")))
            }
            return LedgerEntry(.productionRecorded(ProductionEntry(
                id: id, personID: person.id, date: date, motif: "DEMO Kawung", cap: "DEMO-CAP-01", quantity: 3,
                unit: .pieces, grade: .b, hours: 4)))
        }
        _ = try ledger.append(
            contentsOf: extra, actor: BenchFixture.actor, facilityCode: data.facility.code,
            recordedAt: BenchFixture.now)
        print(person.id.uuidString.lowercased())
    }

    static func uuidBytes(_ random: inout SeededRandom) -> uuid_t {
        let a = random.next(), b = random.next()
        return (UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: a >> 8), UInt8(truncatingIfNeeded: a >> 16),
                UInt8(truncatingIfNeeded: a >> 24), UInt8(truncatingIfNeeded: a >> 32),
                UInt8(truncatingIfNeeded: a >> 40), 0x40 | UInt8(truncatingIfNeeded: a >> 48) & 0x0F,
                UInt8(truncatingIfNeeded: a >> 56), 0x80 | UInt8(truncatingIfNeeded: b) & 0x3F,
                UInt8(truncatingIfNeeded: b >> 8), UInt8(truncatingIfNeeded: b >> 16),
                UInt8(truncatingIfNeeded: b >> 24), UInt8(truncatingIfNeeded: b >> 32),
                UInt8(truncatingIfNeeded: b >> 40), UInt8(truncatingIfNeeded: b >> 48),
                UInt8(truncatingIfNeeded: b >> 56))
    }
}

/// `ledger.portfolio(of:)` and the standing computed from it, what `bekal portfolio` does before printing.
struct PortfolioReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio", abstract: "Times reading one person's portfolio and standing.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "The data directory.") var home: String
    @Option(help: "The person's id or register number.") var person: String

    func run() throws {
        let ledger = try Ledger(home: URL(fileURLWithPath: home), logger: BenchFixture.logger)
        guard let reference = PersonReference(person) else { throw BenchFailure("--person is empty") }
        let first = try ledger.portfolio(of: reference)
        let events = first.assessments.count + first.certificates.count + first.training.count
            + first.production.count
        let samples = try Sampling.measure(repetition.repetitions) {
            let portfolio = try ledger.portfolio(of: reference)
            _ = PortfolioStanding(portfolio, today: BenchFixture.today)
        }
        Figure(id: "portfolio.read", samples: samples, items: 1, note: "\(events) records").emit()
    }
}
