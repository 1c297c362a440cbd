import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Records the transfer of a WBP to another facility.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The receiving facility's code.") var to: String
    @Option(help: "The transfer date, YYYY-MM-DD.") var date: String

    func run() throws {
        let ledger = try global.openLedger()
        let person = try ledger.person(try Input.person(self.person))
        let transfer = Transfer(
            personID: person.id, fromFacility: person.facilityCode, toFacility: try Input.text(to, option: "--to"),
            date: try Input.date(date, option: "--date"))
        try Recording.append(.transferred(transfer), ledger: ledger, global: global)
    }
}
