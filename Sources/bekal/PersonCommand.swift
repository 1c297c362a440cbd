import ArgumentParser

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Adds, lists and shows the WBP in the programme.",
        subcommands: [PersonAdd.self, PersonList.self, PersonShow.self])
}
