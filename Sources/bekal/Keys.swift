import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalJSON
import BekalStore
import Foundation
import Logging

/// `bekal keys`: the facility's issuer keys.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows, rotates and publishes the facility's issuer keys.",
        subcommands: [KeysCreate.self, KeysDID.self, KeysRotate.self, KeysTrustList.self])
}

/// Where the keys live: `<home>/keys/`, home from `--home` or `$BEKAL_HOME`.
struct KeysHomeOptions: ParsableArguments {
    @Option(help: "Bekal's data directory (default: $BEKAL_HOME).")
    var home: String?

    func keysDirectory() throws -> URL {
        guard let home = home ?? ProcessInfo.processInfo.environment["BEKAL_HOME"], !home.isEmpty else {
            throw ValidationError("give --home or set BEKAL_HOME")
        }
        return URL(fileURLWithPath: home).appendingPathComponent("keys")
    }

}

/// A key error as a message and its own exit code (7: the key file is insecure; 6: other key problems).
struct KeysFailure: Error, CustomStringConvertible {
    var error: CredentialError
    init(_ error: CredentialError) { self.error = error }
    var description: String { error.message }
    var exitCode: ExitCode { error.code == .keyFileInsecure ? ExitCode(7) : ExitCode(6) }

    static func exit(_ error: CredentialError) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
        return KeysFailure(error).exitCode
    }
}

struct KeysDID: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "did", abstract: "Prints the current key's DID document.")
    @OptionGroup var options: KeysHomeOptions

    func run() throws {
        do {
            let ring = try KeyRing.load(from: try options.keysDirectory())
            print(String(decoding: JSONWriter.serialize(ring.current.didKey.didDocument, pretty: true), as: UTF8.self))
        } catch let error as CredentialError { throw KeysFailure.exit(error) }
    }
}

struct KeysRotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Makes a new signing key; the old public key stays in the trust list with its validity window.")
    @OptionGroup var options: KeysHomeOptions

    func run() throws {
        do {
            let directory = try options.keysDirectory()
            var ring = try KeyRing.load(from: directory)
            ring.rotate(now: Date())
            try ring.save(at: directory)
            print(ring.current.didKey.did)
        } catch let error as CredentialError { throw KeysFailure.exit(error) }
    }
}

struct KeysTrustList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust-list",
        abstract: "Writes the trust list verifiers use to trust this facility's keys, signed with the current key.",
        discussion: """
            The list names the facility (its name and code, from the ledger unless --name/--code are given): a \
            verifier's verdict says who issued a file by this name. It is signed with the current key (an \
            eddsa-jcs-2022 proof), so it cannot be altered on its way to a Bapas.
            """)
    @OptionGroup var options: KeysHomeOptions
    @Option(help: "Where to write the trust list.")
    var out: String
    @Option(name: .customLong("issuer-id"), help: "An https issuer URL the keys sign for (default: each key's did:key).")
    var issuerID: String?
    @Option(help: "The facility's name, shown to verifiers (default: the facility in the ledger).")
    var name: String?
    @Option(help: "The facility's code (default: the facility in the ledger).")
    var code: String?

    func validate() throws {
        if let issuerID, !(issuerID.hasPrefix("https://") || issuerID.hasPrefix("did:")) {
            throw ValidationError("--issuer-id must be an https URL or a DID")
        }
    }

    func run() throws {
        do {
            let directory = try options.keysDirectory()
            let ring = try KeyRing.load(from: directory)
            // The facility as the ledger records it, when this data directory has one.
            let facility = try? Ledger(home: directory.deletingLastPathComponent(), logger: Logger(label: "bekal")).facility()
            let list = TrustList.facility(
                issuerID: issuerID, name: name ?? facility?.name, code: code ?? facility?.code, ring: ring)
            let bytes = JSONWriter.serialize(try list.signed(with: ring.current, created: Date()), pretty: true)
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CredentialError(.keyFileWrite, "the trust list could not be written")
            }
        } catch let error as CredentialError { throw KeysFailure.exit(error) }
    }
}
