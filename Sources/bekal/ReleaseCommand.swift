import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Records the release of a WBP.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The release date, YYYY-MM-DD.") var date: String
    @Option(help: "parole, conditional-leave or end-of-sentence.") var kind: String = "end-of-sentence"

    func run() throws {
        let ledger = try global.openLedger()
        let person = try ledger.person(try Input.person(self.person))
        let release = Release(
            personID: person.id, date: try Input.date(date, option: "--date"),
            kind: try Input.choice(kind, option: "--kind", as: ReleaseKind.self))
        try Recording.append(.released(release), ledger: ledger, global: global)
    }
}
