import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Produce: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Records an entry of the production log.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's register number or internal id.") var person: String
    @Option(help: "The production date, YYYY-MM-DD.") var date: String
    @Option(help: "The motif, e.g. \"Lumbon\".") var motif: String
    @Option(help: "The copper cap used.") var cap: String
    @Option(help: "The quantity produced.") var quantity: Double
    @Option(help: "pieces or metres.") var unit: String = "pieces"
    @Option(help: "The quality grade: A, B or C.") var grade: String
    @Option(help: "Hours worked.") var hours: Double
    @Option(help: "Pieces reworked.") var rework: Int = 0
    @Option(help: "Pieces rejected.") var rejects: Int = 0
    @Option(help: "Why pieces were rejected.") var rejectReason: String?

    func run() throws {
        let ledger = try global.openLedger()
        let person = try ledger.person(try Input.person(self.person))
        let entry = ProductionEntry(
            id: UUID(), personID: person.id, date: try Input.date(date, option: "--date"),
            motif: try Input.text(motif, option: "--motif"), cap: try Input.text(cap, option: "--cap"),
            quantity: quantity, unit: try Input.choice(unit, option: "--unit", as: ProductionUnit.self),
            grade: try Input.choice(grade, option: "--grade", as: QualityGrade.self), rework: rework,
            rejects: rejects, rejectReason: rejectReason, hours: hours)
        try Recording.append(.productionRecorded(entry), ledger: ledger, global: global)
    }
}
