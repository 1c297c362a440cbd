import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Lists every event about a person: id, kind, dates, account, and what corrected or retracted it.",
        discussion: """
            The ids shown are what `bekal correct`, `bekal attach` and `bekal revoke` take; an exported record \
            also shows its credential id (urn:uuid:…).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The language of the summaries: id (default) or en.") var lang: String = "id"

    func run() async throws {
        let history = try await global.open().history(of: try TypedInput.person(person), context: try global.context())
        if output.json { return try Output.json(history.entries.map(HistoryLine.init)) }
        print(Table.line(["sequence", "event_id", "recorded_at", "account", "date", "kind", "standing", "summary"]))
        for entry in history.entries {
            let line = HistoryLine(entry)
            var summary = lang == "en" ? entry.summary.en : entry.summary.id
            if let credential = line.credentialID { summary += " [\(credential)\(line.revoked ? ", REVOKED" : "")]" }
            if !line.correctedBy.isEmpty { summary += " (\(line.standing) by \(line.correctedBy.joined(separator: ", ")))" }
            print(Table.line([String(line.sequence), line.eventID, line.recordedAt, line.account, line.date ?? "-",
                              line.kind, line.standing, summary]))
        }
    }
}

/// One history entry as printed (and as `--json`).
struct HistoryLine: Encodable {
    var sequence: Int64
    var eventID: String
    var kind: String
    var recordedAt: String
    var account: String
    var date: String?
    var summary: LocalizedText
    var standing: String
    var correctedBy: [String]
    var corrects: String?
    var credentialID: String?
    var revoked: Bool

    init(_ entry: HistoryEntry) {
        sequence = entry.event.sequence
        eventID = entry.event.id.uuidString.lowercased()
        kind = entry.event.type
        recordedAt = entry.event.recordedAt.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        account = entry.event.actor
        date = entry.recordDate?.description
        summary = entry.summary
        standing = entry.standing.rawValue
        correctedBy = entry.correctedBy.map { $0.uuidString.lowercased() }
        corrects = entry.corrects?.uuidString.lowercased()
        credentialID = entry.credentialID
        revoked = entry.revoked
    }
}
