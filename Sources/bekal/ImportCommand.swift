import ArgumentParser
import BekalStore
import Foundation

struct ImportCommand: ParsableCommand {
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

    func run() throws {
        let kind = try Input.choice(kind, option: "--kind", as: ImportKind.self)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(status: .notFound, message: "the CSV file cannot be read")
        }
        let summary = try global.openLedger().importCSVSummary(
            data, kind: kind, actor: global.resolvedActor, recordedAt: Date())
        print("Imported \(summary.appended) \(kind.rawValue) rows; skipped \(summary.skipped) already recorded")
    }
}
