import ArgumentParser
import Foundation
import BekalDomain
import BekalStore

struct PersonShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Shows one person's record.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The person's register number or internal id.")
    var person: String

    func run() throws {
        let person = try global.openLedger().person(try Input.person(self.person))
        if output.json { return try printJSON(person) }
        print("""
            Name:             \(person.fullName.rawValue)
            Register number:  \(person.registerNumber.rawValue)
            Id:               \(person.id.uuidString.lowercased())
            Born:             \(person.birthDate?.description ?? "-")
            Admitted:         \(person.admissionDate)
            Expected release: \(person.expectedReleaseDate)
            Status:           \(person.status.rawValue) at \(person.facilityCode)
            """)
    }
}
