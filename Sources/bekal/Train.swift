import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Records hours of training attended.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The training date.") var date: String
    @Option(help: "Hours attended, e.g. 3,5 or 3.5.") var hours: String
    @Option(help: "The topic, e.g. \"Memanaskan malam\".") var topic: String
    @Option(help: "The trainer.") var trainer: String

    func run() async throws {
        let input = TrainingInput(
            person: try TypedInput.person(person), date: try TypedInput.date(date, field: "--date"),
            hours: try TypedInput.number(hours, field: "--hours"), topic: topic, trainer: trainer)
        Recorded.print(try await global.open().recordTraining(input, context: try global.context()))
    }
}
