import ArgumentParser
import BekalCredentials
import Foundation

/// `bekal keys create`: the issuer key for a data directory initialized before `bekal init` made one.
struct KeysCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Creates the facility's issuer key if the data directory has none (older data directories).")
    @OptionGroup var options: KeysHomeOptions

    func run() throws {
        do {
            let ring = try KeyRing.create(at: try options.keysDirectory(), now: Date())
            print(ring.current.didKey.did)
        } catch let error as CredentialError { throw KeysFailure.exit(error) }
    }
}
