import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

struct RemisiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remisi",
        abstract: "Records a remisi decree (SK): the expected release date moves earlier by the months and days granted.",
        discussion: "The release date before and after is kept in the ledger and shown by `bekal history`.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The decree's number (nomor SK).") var decree: String
    @Option(help: "umum (17 August), khusus (religious holiday) or lain.") var kind: String = "umum"
    @Option(help: "The day the remisi was granted.") var date: String
    @Option(help: "Months granted.") var months: String = "0"
    @Option(help: "Days granted.") var days: String = "0"

    func run() async throws {
        let input = RemissionInput(
            person: try TypedInput.person(person), decree: decree,
            kind: try TypedInput.term(kind, field: "--kind", as: Remission.Kind.self),
            grantedOn: try TypedInput.date(date, field: "--date"),
            months: try TypedInput.count(months, field: "--months"), days: try TypedInput.count(days, field: "--days"))
        let (event, remission) = try await global.open().recordRemission(input, context: try global.context())
        Recorded.print(event)
        print("Expected release moved from \(remission.previousReleaseDate) to \(remission.newReleaseDate)")
    }
}

struct AttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attaches evidence files to an assessment recorded earlier (`bekal history` shows its event id).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var evidence: EvidenceOptions
    @Argument(help: "The id of the assessment's event (`bekal history`), or the assessment's own id (`portfolio --json`, `readiness --json`).") var eventID: String

    func validate() throws {
        guard UUID(uuidString: eventID) != nil else { throw ValidationError("EVENT-ID: expected an event id (a UUID)") }
        guard !evidence.files.isEmpty else { throw ValidationError("give at least one --evidence FILE") }
    }

    func run() async throws {
        let event = try await global.open().attachEvidence(
            to: UUID(uuidString: eventID)!, files: try evidence.uploads(), context: try global.context())
        Recorded.print(event)
    }
}

struct PersonCode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Prints a person's identity verification code (for them; issues one if they have none).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's register number or internal id.") var person: String

    func run() async throws {
        let code = try await global.open().verificationCode(of: try TypedInput.person(person), context: try global.context())
        print(code.formatted)
    }
}
