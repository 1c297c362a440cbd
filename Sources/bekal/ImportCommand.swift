import BekalCredentials
import ArgumentParser
import BekalApp
import BekalDomain
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports one kind of record from a CSV file with a header row, all or nothing.",
        discussion: """
            Rows already imported (same kind, same values) are skipped, so importing a file twice records \
            nothing twice. Columns per kind are listed in the README.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "assessments, training, production, certificates or persons.") var kind: String

    func run() async throws {
        guard let kind = ImportKind(rawValue: kind.lowercased()) else {
            throw AppError(.invalidInput, "--kind: expected one of \(ImportKind.allCases.map(\.rawValue).joined(separator: ", "))",
                           reason: .notAnOption)
        }
        // Checked before the ledger is opened, as when the whole file was read here: the file is the first
        // thing the command names. The ledger then streams it.
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw AppError(.notFound, "the CSV file cannot be read")
        }
        let summary = try await global.open().importRecords(
            file: URL(fileURLWithPath: file), kind: kind, context: try global.context())
        print("Imported \(summary.appended) \(kind.rawValue) rows; skipped \(summary.skipped) already recorded")
    }
}
