import ArgumentParser

struct FrameworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework",
        abstract: "Imports and lists competency frameworks (versioned unit lists).",
        subcommands: [FrameworkImport.self, FrameworkList.self])
}
