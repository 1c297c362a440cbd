import BekalCredentials
import Foundation
import ArgumentParser
import BekalApp
import BekalDomain

struct PersonList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Lists persons by expected release date, with a header row; optionally only those matching a search.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Part of a name or register number (case and accents ignored).") var search: String?
    @Option(help: "Only persons with this status: active (aktif), released (bebas) or transferred (pindah).")
    var status: String?

    func run() async throws {
        let status = try status.map { text throws(AppError) in
            try TypedInput.term(text, field: "--status", as: PersonStatus.self)
        }
        let persons = try await global.open().persons(status: status, matching: search, context: try global.context())
        if output.json { return try Output.json(persons) }
        print(Table.line(["register_number", "name", "expected_release", "status", "id"]))
        for person in persons {
            print(Table.line([person.registerNumber.rawValue, person.fullName.rawValue,
                              person.expectedReleaseDate.description, person.status.rawValue,
                              person.id.uuidString.lowercased()]))
        }
    }
}

/// Tab-separated lines whose cells can never break them: control and invisible characters become spaces.
enum Table {
    static func line(_ cells: [String]) -> String {
        cells.map { cell in
            String(String.UnicodeScalarView(cell.unicodeScalars.map { VisibleText.allows($0) ? $0 : " " }))
        }.joined(separator: "\t")
    }
}
