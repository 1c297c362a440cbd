import BekalCredentials
import BekalDomain
import BekalJSON
import BekalPublisher
import Foundation
import Logging

/// A Bapas (probation and parole office): the facilities it trusts and the portfolios it received, in
/// `bapas.sqlite` inside its data directory (whose ledger keeps the staff accounts, as at a facility). One method
/// per use case, each given who acts and when.
public struct BapasApp: Sendable {
    let storage: BapasStorage
    /// Fixed messages and metadata keys only: never a name, a register number or a file's contents.
    public let logger: Logger

    /// Opens the Bapas database in the data directory `home`, creating it the first time.
    public static func open(home: URL, logger: Logger) throws -> BapasApp {
        BapasApp(storage: try BapasStorage.open(home: home), logger: logger)
    }

    /// A Bapas in memory, for tests.
    public static func inMemory(logger: Logger = Logger(label: "bekal.bapas")) throws -> BapasApp {
        BapasApp(storage: try BapasStorage.inMemory(), logger: logger)
    }

    // MARK: The trust registry

    /// The registry: every imported trust list merged in the order imported.
    public func registry() async throws -> TrustRegistry { try await replayedRegistry() }

    /// The registry rebuilt from the stored imports in the order made, handing each import and its list to
    /// `visit` as it is merged.
    func replayedRegistry(_ visit: (TrustListImport, TrustList) -> Void = { _, _ in }) async throws -> TrustRegistry {
        var registry = TrustRegistry()
        for entry in try await storage.imports() {
            // Lists were checked when imported; a signature is not checked again (its key may have retired since).
            let list = try TrustList(json: try JSONParser.parse(Array(entry.list)))
            try registry.add(VerifiedTrustList(unsigned: list))
            visit(entry, list)
        }
        return registry
    }

    /// The registry's change history: every import, oldest first.
    public func trustHistory() async throws -> [TrustListImport] { try await storage.imports() }

    /// Imports a facility's trust list: its signature (if any) is checked as of `context.now`, against the list's
    /// own keys or an `authorities` key; it is merged into the registry, or refused whole when it conflicts (a
    /// look-alike: same name or code, other keys; or a key or issuer another facility has). Then every received
    /// portfolio is verified again against the new registry (`reverify(context:)`), as after a status list: one
    /// received INVALID from a facility not yet trusted turns VALID once its list is imported.
    /// - Throws: `invalidInput` for a list that is not a trust list or whose signature fails; `conflict`.
    /// - Returns: the facilities it names.
    @discardableResult
    public func importTrustList(
        _ bytes: [UInt8], authorities: [TrustListAuthority] = [], context: ActionContext
    ) async throws -> [String] {
        let verified: VerifiedTrustList
        do throws(CredentialError) {
            let json: JSONValue
            do { json = try JSONParser.parse(bytes) } catch {
                throw CredentialError(.trustListMalformed, "the trust list is not well-formed JSON")
            }
            verified = try VerifiedTrustList(json: json, authorities: authorities, at: context.now)
        } catch {
            throw AppError(.invalidInput, "the trust list cannot be imported: \(error.message)", field: "trust", cause: error)
        }
        var merged = try await self.registry()
        do throws(CredentialError) { try merged.add(verified) } catch {
            throw AppError(.conflict, "the trust list is refused: \(error.message)", field: "trust", cause: error)
        }
        var names: [String] = []
        for issuer in verified.list.issuers {
            let name = issuer.name ?? issuer.facilityCode ?? issuer.id
            if !names.contains(name) { names.append(name) }
        }
        let signedBy: String = switch verified.signature {
        case .unsigned: "unsigned"
        case .facility(let key, _): "facility \(key.did)"
        case .authority(let name, let key, _): "authority \(name) \(key.did)"
        }
        let entry = TrustListImport(importedAt: context.now, importedBy: context.actor.account,
                                    facilityNames: names.joined(separator: "; "), signedBy: signedBy, list: Data(bytes))
        try await storage.recordImport(entry)
        logger.info("trust list imported", metadata: ["trust.facilities": "\(names.count)"])
        // The registry changed: the verdicts of what was received before may have too.
        try await reverify(context: context)
        return names
    }

    // MARK: Facility secrets

    /// Sets the secret facility `code` delivers with (only its SHA-256 is kept).
    /// - Throws: `invalidInput` for a code that is not 1–32 letters, digits or `-`, or a secret shorter than 16
    ///   characters; `conflict` when another facility has the same secret.
    public func setDeliverySecret(facilityCode code: String, secret: Secret, context: ActionContext) async throws {
        guard (1...32).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { throw AppError(.invalidInput, "a facility code is 1 to 32 letters, digits or dashes", field: "facility") }
        guard secret.length >= 16 else {
            throw AppError(.invalidInput, "a delivery secret has at least 16 characters", field: "secret")
        }
        let digest = secret.sha256
        try await storage.setSecret(facilityCode: code, tokenSHA256: digest, at: context.now)
        logger.info("delivery secret set")
    }

    /// The facility a bearer token belongs to, or `nil` (compared in constant time against every facility's).
    public func sender(token: [UInt8]) async throws -> String? {
        let digest = DeliverySecret.digest(token)
        var found: String?
        for (code, known) in try await storage.secrets() where DeliverySecret.equal(known, digest) {
            found = code
        }
        return found
    }
}
