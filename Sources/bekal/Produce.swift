import BekalCredentials
import Foundation
import ArgumentParser
import BekalApp
import BekalDomain

struct Produce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Records a production batch in the production log.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The production date.") var date: String
    @Option(help: "The motif, e.g. Lumbon.") var motif: String
    @Option(help: "The copper cap used.") var cap: String
    @Option(help: "How many pieces or metres, e.g. 12 or 2,5.") var quantity: String
    @Option(help: "pieces (lembar) or metres (meter).") var unit: String = "pieces"
    @Option(help: "The quality grade: A, B or C.") var grade: String
    @Option(help: "Hours worked, e.g. 6 or 5,5.") var hours: String
    @Option(help: "Pieces reworked.") var rework: String = "0"
    @Option(help: "Pieces rejected.") var rejects: String = "0"
    @Option(help: "Why pieces were rejected (required with --rejects).") var rejectReason: String?

    func run() async throws {
        let input = ProductionInput(
            person: try TypedInput.person(person), date: try TypedInput.date(date, field: "--date"), motif: motif,
            cap: cap, quantity: try TypedInput.number(quantity, field: "--quantity"),
            unit: try TypedInput.term(unit, field: "--unit", as: ProductionUnit.self),
            grade: try TypedInput.term(grade, field: "--grade", as: QualityGrade.self),
            hours: try TypedInput.number(hours, field: "--hours"),
            rework: try TypedInput.count(rework, field: "--rework"),
            rejects: try TypedInput.count(rejects, field: "--rejects"), rejectReason: rejectReason)
        Recorded.print(try await global.open().recordProduction(input, context: try global.context()))
    }
}
