import ArgumentParser
import BekalDomain
import BekalStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates the data directory with an empty ledger for one facility.",
        discussion: "Also creates keys/ (mode 0700) for the facility's signing keys.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The facility's short stable code, e.g. LAPAS-PWT.")
    var facilityCode: String

    @Option(help: "The facility's name, e.g. \"Lapas Kelas IIA Purwokerto\".")
    var facilityName: String

    func validate() throws {
        guard facilityCode.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$", options: .regularExpression) != nil else {
            throw ValidationError("--facility-code: use 1 to 32 letters, digits, '.', '_' or '-'")
        }
        guard !facilityName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--facility-name: a name is required")
        }
    }

    func run() throws {
        let facility = Facility(code: facilityCode, name: facilityName.trimmingCharacters(in: .whitespaces))
        _ = try Ledger.initialize(home: global.homeURL, facility: facility, actor: global.resolvedActor,
                                  recordedAt: Date(), logger: global.logger)
        print("Initialized \(facility.code) in \(global.homeURL.path)")
    }
}
