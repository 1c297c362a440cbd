import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates the data directory with an empty ledger for one facility.",
        discussion: """
            Also creates the facility's Ed25519 issuer key in keys/ (directory 0700, file 0600). Exports are \
            issued as that key's did:key unless --issuer-id names the facility's https issuer URL (then publish \
            a trust list with `bekal keys trust-list --issuer-id`); a stable URL keeps revocation working for \
            exports signed before a key rotation.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The facility's short stable code, e.g. LAPAS-PWT.")
    var facilityCode: String

    @Option(help: "The facility's name, e.g. \"Lapas Kelas IIA Purwokerto\".")
    var facilityName: String

    @Option(name: .customLong("issuer-id"), help: "The facility's https issuer URL (default: the key's did:key).")
    var issuerID: String?

    @Option(name: .customLong("status-list-url"), help: "Where the status list will be published (https URL).")
    var statusListURL: String?

    func validate() throws {
        if let issuerID, !IssuerSetup.isListURL(issuerID) {
            throw ValidationError("--issuer-id: expected an https URL")
        }
        if let statusListURL, !IssuerSetup.isListURL(statusListURL) {
            throw ValidationError("--status-list-url: expected an https URL")
        }
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
        try IssuerSetup.saveSettings(home: global.homeURL, issuerID: issuerID, statusListURL: statusListURL)
        let ring = try KeyRing.create(at: global.homeURL.appendingPathComponent("keys"), now: Date())
        print("Initialized \(facility.code) in \(global.homeURL.path)")
        print("Issuer key: \(ring.current.didKey.did)")
    }
}
