import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

struct PersonAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Adds a WBP to the programme and prints the internal id.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The register number from SDP (kept as given).") var registerNumber: String
    @Option(help: "The person's full name (quote it).") var name: String
    @Option(help: "The admission date: 2026-02-01, 01-02-2026 or 1 Februari 2026.") var admitted: String
    @Option(help: "The expected release date.") var release: String
    @Option(help: "The birth date, when known.") var born: String?

    func run() async throws {
        let input = NewPerson(
            registerNumber: registerNumber, fullName: name,
            admissionDate: try TypedInput.date(admitted, field: "--admitted"),
            expectedReleaseDate: try TypedInput.date(release, field: "--release"),
            birthDate: try born.map { date throws(AppError) in try TypedInput.date(date, field: "--born") })
        let (event, person) = try await global.open().addPerson(input, context: try global.context())
        Recorded.print(event)
        print(person.id.uuidString.lowercased())
    }
}
