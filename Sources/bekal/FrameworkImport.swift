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
    var file: String?

    @Flag(help: "Import Bekal's built-in SAMPLE batik cap framework (illustrative, not an official SKKNI).")
    var sample = false

    @Option(help: "For CSV: the framework id.") var id: String?
    @Option(help: "For CSV: the framework version.") var version: String?
    @Option(help: "For CSV: the title in Bahasa Indonesia.") var titleId: String?
    @Option(help: "For CSV: the title in English.") var titleEn: String?

    func validate() throws {
        if (file == nil) == !sample { throw ValidationError("give a framework FILE or --sample") }
        if let file, file.lowercased().hasSuffix(".csv"), id == nil || version == nil || titleId == nil || titleEn == nil {
            throw ValidationError("a CSV framework needs --id, --version, --title-id and --title-en")
        }
    }

    func run() throws {
        guard let file else {
            let ledger = try global.openLedger()
            try Recording.append(.frameworkImported(.sampleBatikCap), ledger: ledger, global: global)
            return
        }
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
