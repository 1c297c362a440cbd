import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct PersonAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Adds a WBP to the programme and prints the internal id.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The register number from SDP (kept as given).")
    var registerNumber: String
    @Option(help: "The person's full name.")
    var name: String
    @Option(help: "The admission date, YYYY-MM-DD.")
    var admitted: String
    @Option(help: "The expected release date, YYYY-MM-DD.")
    var release: String
    @Option(help: "The birth date, YYYY-MM-DD, when known.")
    var born: String?

    func run() throws {
        guard let number = RegisterNumber(registerNumber) else {
            throw CommandFailure.invalid("--register-number: a value is required")
        }
        guard let fullName = PersonName(name) else { throw CommandFailure.invalid("--name: a value is required") }
        let admission = try Input.date(admitted, option: "--admitted")
        let expectedRelease = try Input.date(release, option: "--release")
        guard admission <= expectedRelease else {
            throw CommandFailure.invalid("--release: the release date is before the admission date")
        }
        let ledger = try global.openLedger()
        let person = Person(
            id: UUID(), registerNumber: number, fullName: fullName,
            birthDate: try born.map { try Input.date($0, option: "--born") }, admissionDate: admission,
            expectedReleaseDate: expectedRelease, status: .active, facilityCode: try ledger.facility().code)
        try Recording.append(.personAdded(person), ledger: ledger, global: global)
        print(person.id.uuidString.lowercased())
    }
}
