import BekalCredentials
import Foundation
import ArgumentParser
import BekalApp
import BekalDomain

struct ReadinessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Shows what each person's portfolio still lacks for release: overdue people first, then by release date.",
        discussion: """
            The rules come from --policy FILE, else <home>/readiness.json when present, else the defaults: \
            all core units Kompeten, 40 training hours, evidence for every Kompeten unit, a valid certificate.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "One person's register number or internal id (default: every active person).") var person: String?
    @Option(help: "Only persons expected to be released within this many days (overdue ones included).")
    var dueWithin: Int?
    @Option(help: "A readiness policy JSON file.") var policy: String?

    func validate() throws {
        if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within: expected 0 or more days") }
    }

    struct Line: Encodable {
        var personID: String
        var registerNumber: String
        var name: String
        var overdue: Bool
        var report: ReadinessReport
    }

    func run() async throws {
        let lines = try await global.open().readiness(
            of: try person.map { text throws(AppError) in try TypedInput.person(text) }, dueWithin: dueWithin,
            policy: try policy.map(FacilityApp.readinessPolicy(atPath:)), context: try global.context())
        if output.json {
            return try Output.json(lines.map {
                Line(personID: $0.person.id.uuidString.lowercased(), registerNumber: $0.person.registerNumber.rawValue,
                     name: $0.person.fullName.rawValue, overdue: $0.isOverdue, report: $0.report)
            })
        }
        if lines.isEmpty { print("Nobody is due for release in that window.") }
        for line in lines {
            let report = line.report
            let when = report.daysUntilRelease >= 0
                ? "in \(Self.days(report.daysUntilRelease))" : "OVERDUE by \(Self.days(-report.daysUntilRelease))"
            print(Table.line(["\(report.expectedReleaseDate) (\(when))", line.person.registerNumber.rawValue,
                              line.person.fullName.rawValue]).replacingOccurrences(of: "\t", with: "  ")
                + ": " + (report.ready ? "READY" : "\(report.missing.count) missing"))
            for item in report.missing { print("    - \(item.text.en)") }
        }
    }

    /// "1 day", "14 days".
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
}
