import ArgumentParser
import BekalApp

struct WitnessTrust: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Trusts a facility's checkpoint key (from `bekal ledger checkpoint --verifier-key`) for its log.",
        discussion: "Keys add up: after a facility rotates its key, trust the new one too.")

    @OptionGroup var witness: WitnessOptions
    @Option(help: ArgumentHelp("The log's origin; defaults to the key's name.", valueName: "origin"))
    var origin: String?
    @Option(name: .customLong("key"), help: ArgumentHelp("A checkpoint verifier key (repeatable).", valueName: "key"))
    var keys: [String] = []

    func run() throws {
        let trusted = try witness.desk.trust(origin: origin, verifierKeys: keys)
        print("Trusting \(trusted.keys.count) key(s) for \(trusted.origin)")
    }
}
