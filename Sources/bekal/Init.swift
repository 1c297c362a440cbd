import BekalCredentials
import BekalDomain
import Foundation
import ArgumentParser
import BekalApp

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates the data directory with an empty ledger for one facility.",
        discussion: """
            Also creates the facility's Ed25519 issuer key in keys/ (directory 0700, file 0600). Exports are \
            issued as that key's did:key unless --issuer-id names the facility's https issuer URL (then publish \
            a trust list with `bekal keys trust-list --issuer-id`); a stable URL keeps revocation working for \
            exports signed before a key rotation. The directory is built under a temporary name and renamed into \
            place when complete, so a failed init leaves nothing behind.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The facility's short stable code, e.g. LAPAS-PWT.") var facilityCode: String
    @Option(help: "The facility's name, e.g. \"Lapas Kelas IIA Purwokerto\".") var facilityName: String
    @Option(name: .customLong("issuer-id"), help: "The facility's https issuer URL (default: the key's did:key).")
    var issuerID: String?
    @Option(name: .customLong("status-list-url"), help: "Where the status list will be published (https URL).")
    var statusListURL: String?

    func run() async throws {
        let setup = try FacilitySetup(code: facilityCode, name: facilityName, issuerID: issuerID,
                                      statusListURL: statusListURL)
        let (_, key) = try await FacilityApp.initialize(
            home: global.homeURL, setup: setup, context: try global.context(), logger: global.logger)
        print("Initialized \(setup.facility.code) in \(global.homeURL.path)")
        print("Issuer key: \(key.did)")
    }
}
