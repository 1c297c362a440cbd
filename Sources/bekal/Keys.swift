import BekalCredentials
import BekalDomain
import ArgumentParser
import BekalApp
import BekalJSON
import Foundation

/// `bekal keys`: the facility's issuer keys.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows, rotates and publishes the facility's issuer keys.",
        subcommands: [KeysCreate.self, KeysDID.self, KeysRotate.self, KeysTrustList.self])
}

extension GlobalOptions {
    /// Uses the issuer keys the one way this data directory allows: through its facility when it has a ledger
    /// (its accounts decide who may), else directly, for a directory that holds issuer keys alone.
    func withIssuerKeys<T>(
        facility: (FacilityApp) async throws -> T, keysAlone: (FacilityKeys) throws -> T
    ) async throws -> T {
        guard SQLiteLedgerStorage.holdsLedger(homeURL) else { return try keysAlone(FacilityKeys(directory: directory)) }
        return try await facility(try open())
    }
}

struct KeysCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Creates the facility's issuer key if the data directory has none (older data directories).")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try global.context()
        let key = try await global.withIssuerKeys(
            facility: { try await $0.createIssuerKey(context: context) }, keysAlone: { try $0.create(context: context) })
        print(key.did)
    }
}

struct KeysDID: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "did",
        abstract: "Prints the current key's DID (did:key:z6Mk…), usable as `--issuer`; --document prints its DID document.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the DID document instead of the DID.") var document = false

    func run() throws {
        let key = try FacilityKeys(directory: global.directory).current()
        print(document ? String(decoding: JSONWriter.serialize(key.didDocument, pretty: true), as: UTF8.self) : key.did)
    }
}

struct KeysRotate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Makes a new signing key; the old public key stays in the trust list with its validity window.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try global.context()
        let key = try await global.withIssuerKeys(
            facility: { try await $0.rotateIssuerKey(context: context) }, keysAlone: { try $0.rotate(context: context) })
        print(key.did)
    }
}

struct KeysTrustList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust-list",
        abstract: "Writes the trust list verifiers use to trust this facility's keys, signed with the current key.",
        discussion: """
            The list names the facility (its name and code, from the ledger unless --name/--code are given): a \
            verifier's verdict says who issued a file by this name. It is signed with the current key (an \
            eddsa-jcs-2022 proof), so it cannot be altered on its way to a Bapas.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to write the trust list.") var out: String
    @Option(name: .customLong("issuer-id"), help: "An https issuer URL the keys sign for (default: each key's did:key).")
    var issuerID: String?
    @Option(help: "The facility's name, shown to verifiers (default: the facility in the ledger).") var name: String?
    @Option(help: "The facility's code (default: the facility in the ledger).") var code: String?

    func validate() throws {
        if let issuerID, !(issuerID.hasPrefix("https://") || issuerID.hasPrefix("did:")) {
            throw ValidationError("--issuer-id must be an https URL or a DID")
        }
    }

    func run() async throws {
        let context = try global.context()
        let (bytes, name) = try await global.withIssuerKeys(facility: { app in
            // The facility as the ledger records it.
            let recorded = try? await app.storage.facility()
            let name = self.name ?? recorded?.name
            return (try await app.trustList(issuerID: issuerID, name: name, code: code ?? recorded?.code, context: context), name)
        }, keysAlone: { keys in
            (try keys.trustList(issuerID: issuerID, name: self.name, code: code, context: context), self.name)
        })
        try AtomicFile.write(bytes, to: URL(fileURLWithPath: out), replacing: true)
        print("Trust list for \(name ?? "this facility's keys") written to \(out)")
    }
}
