import BekalCredentials
import ArgumentParser
import BekalApp
import BekalDomain
import Foundation

struct FrameworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework", abstract: "Imports and lists competency frameworks.",
        subcommands: [FrameworkImport.self, FrameworkList.self])
}

struct FrameworkImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports a framework from JSON (schemas/framework.schema.json) or from CSV.",
        discussion: "A CSV file holds the units only; give its id, version and titles with the options.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The framework file, .json or .csv.") var file: String?
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

    func run() async throws {
        let event = try await global.open().importFramework(try source(), context: try global.context())
        Recorded.print(event)
    }

    private func source() throws -> FrameworkSource {
        guard let file else { return .sample }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AppError(.notFound, "the framework file cannot be read")
        }
        if file.lowercased().hasSuffix(".csv"), let id, let version, let titleId, let titleEn {
            return .csv(data, id: id, version: version, title: LocalizedText(id: titleId, en: titleEn))
        }
        return .json(data)
    }
}

struct FrameworkList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists imported frameworks.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let frameworks = try await global.open().frameworks(context: try global.context())
        if output.json { return try Output.json(frameworks) }
        for framework in frameworks {
            print("\(framework.id) \(framework.version)\(framework.isSample ? " (SAMPLE)" : ""): \(framework.title.en)")
            for unit in framework.units {
                print("  \(unit.code)\(unit.isCore ? "" : " (elective)")  \(unit.title.id) / \(unit.title.en)")
            }
        }
    }
}
