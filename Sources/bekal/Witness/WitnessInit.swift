import ArgumentParser
import BekalApp

struct WitnessInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Creates the witness's cosigning key (0600) and prints its verifier key.")

    @OptionGroup var witness: WitnessOptions
    @Option(help: ArgumentHelp("The witness's key name, e.g. kanwil-jateng.example/witness.", valueName: "name"))
    var name: String

    func run() throws {
        print(try witness.desk.initialize(name: name, context: try witness.context()))
    }
}
