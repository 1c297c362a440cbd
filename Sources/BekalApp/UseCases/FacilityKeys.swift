import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// The facility's issuer keys in a data directory: create, show, rotate, publish. Works without opening the
/// ledger, so a data directory made before keys existed can get one.
public struct FacilityKeys: Sendable {
    /// The data directory.
    public let directory: DataDirectory

    /// - Parameter directory: the facility's data directory.
    public init(directory: DataDirectory) {
        self.directory = directory
    }

    /// Creates the issuer key when the directory has none.
    /// - Throws: conflict when a key already exists.
    public func create(context: ActionContext) throws -> DIDKey {
        do {
            try FileManager.default.createDirectory(at: directory.keys, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw AppError(.permission, "the keys directory cannot be created")
        }
        let created = Result { () throws(CredentialError) -> KeyRing in
            try KeyRing.create(at: directory.keys, now: context.now)
        }
        if case .failure(let error) = created, error.code == .keyFileWrite {
            throw AppError(.conflict, error.message, cause: error)
        }
        return try created.get().current.didKey
    }

    /// The current key's DID (`did:key:z6Mk…`).
    public func current() throws -> DIDKey { try ring().current.didKey }

    /// Retires the current key (its public key stays in the trust list with its window) and makes a new one.
    public func rotate(context: ActionContext) throws -> DIDKey {
        var ring = try ring()
        ring.rotate(now: context.now)
        try ring.save(at: directory.keys)
        return ring.current.didKey
    }

    /// The trust list verifiers use to trust this facility's keys, naming the facility (a verdict says who issued
    /// a file by this name) and signed with the current key, so it cannot be altered on its way to a Bapas.
    /// - Parameters:
    ///   - issuerID: an https issuer URL the keys sign for; each key's did:key when `nil`.
    ///   - name: the facility's name as verifiers should see it.
    ///   - code: the facility's code.
    public func trustList(issuerID: String?, name: String?, code: String?, context: ActionContext) throws -> [UInt8] {
        let ring = try ring()
        let list = TrustList.facility(issuerID: issuerID, name: name, code: code, ring: ring)
        return JSONWriter.serialize(try list.signed(with: ring.current, created: context.now), pretty: true)
    }

    private func ring() throws -> KeyRing {
        let loaded = Result { () throws(CredentialError) -> KeyRing in try KeyRing.load(from: directory.keys) }
        if case .failure(let error) = loaded, error.code == .keyFileMissing {
            throw AppError(.notFound, "this data directory has no issuer key; run `bekal keys create`", cause: error)
        }
        return try loaded.get()
    }
}
