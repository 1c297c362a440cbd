import ArgumentParser

@main
struct Bekal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bekal",
        abstract: "Records, exports and verifies batik cap skills portfolios for people in custody.",
        version: "0.1.0",
        subcommands: [
            Canonicalize.self,
        ])
}
