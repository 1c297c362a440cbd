import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Records hours of training attended.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The training date, YYYY-MM-DD.") var date: String
    @Option(help: "Hours attended, e.g. 3.5.") var hours: Double
    @Option(help: "The topic, e.g. \"Heating the malam\".") var topic: String
    @Option(help: "The trainer.") var trainer: String

    func run() throws {
        let ledger = try global.openLedger()
        let person = try ledger.person(try Input.person(self.person))
        let session = TrainingSession(
            id: UUID(), personID: person.id, date: try Input.date(date, option: "--date"), hours: hours,
            topic: try Input.text(topic, option: "--topic"), trainer: try Input.text(trainer, option: "--trainer"))
        try Recording.append(.trainingRecorded(session), ledger: ledger, global: global)
    }
}
