import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct FrameworkImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports a framework from JSON (schemas/framework.schema.json) or from CSV.",
        discussion: "A CSV file holds the units only; give its id, version and titles with the options.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The framework file, .json or .csv.")
    var file: String

    @Option(help: "For CSV: the framework id.") var id: String?
    @Option(help: "For CSV: the framework version.") var version: String?
    @Option(help: "For CSV: the title in Bahasa Indonesia.") var titleId: String?
    @Option(help: "For CSV: the title in English.") var titleEn: String?

    func validate() throws {
        if file.lowercased().hasSuffix(".csv"), id == nil || version == nil || titleId == nil || titleEn == nil {
            throw ValidationError("a CSV framework needs --id, --version, --title-id and --title-en")
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(status: .notFound, message: "the framework file cannot be read")
        }
        let framework: CompetencyFramework
        if file.lowercased().hasSuffix(".csv"), let id, let version, let titleId, let titleEn {
            framework = try FrameworkDocument.decode(
                csv: data, id: id, version: version, title: LocalizedText(id: titleId, en: titleEn))
        } else {
            framework = try FrameworkDocument.decode(json: data)
        }
        try Recording.append(.frameworkImported(framework), ledger: try global.openLedger(), global: global)
    }
}
