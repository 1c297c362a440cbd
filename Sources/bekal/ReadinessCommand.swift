import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Shows what each person's portfolio still lacks for release, ordered by release date.",
        discussion: """
            The rules come from --policy FILE, else <home>/readiness.json when present, else the defaults: \
            all core units Kompeten, 40 training hours, evidence for every Kompeten unit, a valid certificate.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "One person's register number or internal id (default: every active person).")
    var person: String?
    @Option(help: "Only persons expected to be released within this many days.") var dueWithin: Int?
    @Option(help: "A readiness policy JSON file.") var policy: String?

    func validate() throws {
        if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within: expected 0 or more days") }
    }

    struct Line: Encodable {
        var registerNumber: String
        var name: String
        var report: ReadinessReport
    }

    func run() throws {
        let ledger = try global.openLedger()
        let policy = try loadPolicy()
        let today = Clock.today()
        let persons = try person.map { [try ledger.person(try Input.person($0))] }
            ?? ledger.persons(status: .active)
        var lines: [Line] = []
        for person in persons {
            let days = person.expectedReleaseDate.daysSinceEpoch - today.daysSinceEpoch
            if let dueWithin, days > dueWithin { continue }
            let report = Readiness.evaluate(try ledger.portfolio(of: .id(person.id)), policy: policy, today: today)
            lines.append(Line(registerNumber: person.registerNumber.rawValue, name: person.fullName.rawValue,
                              report: report))
        }
        lines.sort { ($0.report.expectedReleaseDate, $0.registerNumber) < ($1.report.expectedReleaseDate, $1.registerNumber) }
        if output.json { return try printJSON(lines) }
        if lines.isEmpty { print("Nobody is due for release in that window.") }
        for line in lines {
            let report = line.report
            let when = report.daysUntilRelease >= 0 ? "in \(report.daysUntilRelease) days" : "\(-report.daysUntilRelease) days ago"
            print("\(report.expectedReleaseDate) (\(when))  \(line.registerNumber)  \(line.name): "
                + (report.ready ? "READY" : "\(report.missing.count) missing"))
            for item in report.missing { print("    - \(item.text.en)") }
        }
    }

    private func loadPolicy() throws -> ReadinessPolicy {
        let path = policy ?? global.homeURL.appendingPathComponent("readiness.json").path
        guard FileManager.default.fileExists(atPath: path) else {
            if policy != nil { throw CommandFailure(status: .notFound, message: "--policy: the file cannot be read") }
            return .default
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: .permission, message: "the readiness policy file cannot be read")
        }
        return try ReadinessPolicy.decode(json: data)
    }
}
