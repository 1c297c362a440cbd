import ArgumentParser
import Foundation
import BekalDomain
import BekalStore

struct PersonList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Lists persons by expected release date.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only persons with this status: active, released or transferred.")
    var status: String?

    func run() throws {
        let status = try status.map { try Input.choice($0, option: "--status", as: PersonStatus.self) }
        let persons = try global.openLedger().persons(status: status)
        if output.json { return try printJSON(persons) }
        for person in persons {
            print([person.registerNumber.rawValue, person.fullName.rawValue, person.expectedReleaseDate.description,
                   person.status.rawValue, person.id.uuidString.lowercased()].joined(separator: "\t"))
        }
    }
}
