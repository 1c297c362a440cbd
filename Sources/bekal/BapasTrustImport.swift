import ArgumentParser
import BekalApp
import BekalCredentials
import BekalDomain
import Foundation

/// `bekal bapas trust import FILE [--authority DID]…`: merges a facility's trust list into the registry.
struct BapasTrustImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Imports a facility's trust list (`bekal keys trust-list`).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trust list file.") var file: String
    @Option(name: .customLong("authority"), help: "A did:key trusted to sign facilities' trust lists (repeatable).")
    var authorities: [String] = []

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AppError(.usage, "give the trust list FILE to import (it cannot be read)")
        }
        let trusted = try authorities.map { did throws(AppError) in
            guard let key = try? DIDKey(did) else { throw AppError(.usage, "--authority: not an Ed25519 did:key") }
            return TrustListAuthority(name: key.did, key: KeyValidity(didKey: key, validFrom: .distantPast, validUntil: nil))
        }
        let bapas = try BapasApp.open(home: global.homeURL, logger: global.logger)
        let names = try await bapas.importTrustList(Array(data), authorities: trusted, context: try global.context())
        print("Imported the trust list of \(names.joined(separator: ", ")).")
    }
}
