import ArgumentParser
import BekalDomain
import BekalStore

struct FrameworkList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Lists imported frameworks and their units.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let frameworks = try global.openLedger().frameworks()
        if output.json { return try printJSON(frameworks) }
        for framework in frameworks {
            print("\(framework.id) \(framework.version)\(framework.isSample ? " (SAMPLE)" : ""): \(framework.title.en)")
            for unit in framework.units {
                print("  \(unit.code)\(unit.isCore ? "" : " (elective)")  \(unit.title.id) / \(unit.title.en)")
            }
        }
    }
}
