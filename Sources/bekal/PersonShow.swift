import BekalCredentials
import Foundation
import ArgumentParser
import BekalApp
import BekalDomain

struct PersonShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Shows one person's record, found by register number, id, or part of a name or register number.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The register number, the internal id, or part of a name or register number.") var person: String

    func run() async throws {
        let app = try global.open()
        let matches = try await app.findPersons(person, context: try global.context())
        guard matches.count == 1, let person = matches.first else {
            if matches.isEmpty { throw AppError(.notFound, "no person matches; try part of the name or register number") }
            print("\(matches.count) persons match; name one by register number or id:")
            print(Table.line(["register_number", "name", "expected_release", "status", "id"]))
            for match in matches {
                print(Table.line([match.registerNumber.rawValue, match.fullName.rawValue,
                                  match.expectedReleaseDate.description, match.status.rawValue,
                                  match.id.uuidString.lowercased()]))
            }
            throw ExitCode(ExitStatus.conflict.rawValue)
        }
        if output.json { return try Output.json(person) }
        print("""
            Name:             \(Table.line([person.fullName.rawValue]))
            Register number:  \(Table.line([person.registerNumber.rawValue]))
            Id:               \(person.id.uuidString.lowercased())
            Born:             \(person.birthDate?.description ?? "-")
            Admitted:         \(person.admissionDate)
            Expected release: \(person.expectedReleaseDate)
            Status:           \(person.status.rawValue) at \(person.facilityCode)
            """)
    }
}
