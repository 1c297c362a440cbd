import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// The facility's issuer keys in a data directory: create, show, rotate, publish. In a data directory with a
/// ledger, only an admin may create, rotate or sign with them: through `FacilityApp.createIssuerKey(context:)`,
/// `rotateIssuerKey(context:)` and `trustList(issuerID:name:code:context:)`, which check the acting account. The
/// methods here work without opening a ledger, for a data directory that holds issuer keys alone (there are no
/// accounts to check an actor against, as in a ledger without accounts); they refuse a directory with a ledger.
public struct FacilityKeys: Sendable {
    /// The data directory.
    public let directory: DataDirectory

    /// - Parameter directory: the facility's data directory.
    public init(directory: DataDirectory) {
        self.directory = directory
    }

    /// Creates the issuer key when the directory (one without a ledger) has none.
    /// - Throws: conflict when a key already exists; permission when the directory holds a ledger.
    public func create(context: ActionContext) throws -> DIDKey {
        try refuseWhenLedger()
        return try makeKey(now: context.now)
    }

    /// Creates the issuer key, unchecked: the caller has authorized the action.
    func makeKey(now: Date) throws -> DIDKey {
        do {
            try FileManager.default.createDirectory(at: directory.keys, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw AppError(.permission, "the keys directory cannot be created")
        }
        let created = Result { () throws(CredentialError) -> KeyRing in
            try KeyRing.create(at: directory.keys, now: now)
        }
        if case .failure(let error) = created, error.code == .keyFileWrite {
            // A ring left in place means the refusal was "a key ring already exists", not a failed write.
            let exists = FileManager.default.fileExists(atPath: directory.keys.appendingPathComponent(KeyRing.fileName).path)
            throw AppError(.conflict, error.message, cause: error, reason: exists ? .alreadyExists : nil)
        }
        return try created.get().current.didKey
    }

    /// The current key's DID (`did:key:z6Mk…`).
    public func current() throws -> DIDKey { try ring().current.didKey }

    /// Retires the current key (its public key stays in the trust list with its window) and makes a new one, in a
    /// directory without a ledger.
    /// - Throws: permission when the directory holds a ledger.
    public func rotate(context: ActionContext) throws -> DIDKey {
        try refuseWhenLedger()
        return try rotateKey(now: context.now)
    }

    /// Rotates the key, unchecked: the caller has authorized the action.
    func rotateKey(now: Date) throws -> DIDKey {
        var ring = try ring()
        ring.rotate(now: now)
        try ring.save(at: directory.keys)
        return ring.current.didKey
    }

    /// The trust list verifiers use to trust this facility's keys, naming the facility (a verdict says who issued
    /// a file by this name) and signed with the current key, so it cannot be altered on its way to a Bapas. For a
    /// directory without a ledger.
    /// - Parameters:
    ///   - issuerID: an https issuer URL the keys sign for; each key's did:key when `nil`.
    ///   - name: the facility's name as verifiers should see it.
    ///   - code: the facility's code.
    /// - Throws: permission when the directory holds a ledger.
    public func trustList(issuerID: String?, name: String?, code: String?, context: ActionContext) throws -> [UInt8] {
        try refuseWhenLedger()
        return try signedTrustList(issuerID: issuerID, name: name, code: code, now: context.now)
    }

    /// The signed trust list, unchecked: the caller has authorized the action.
    func signedTrustList(issuerID: String?, name: String?, code: String?, now: Date) throws -> [UInt8] {
        let ring = try ring()
        let list = TrustList.facility(issuerID: issuerID, name: name, code: code, ring: ring)
        return JSONWriter.serialize(try list.signed(with: ring.current, created: now), pretty: true)
    }

    private func ring() throws -> KeyRing {
        let loaded = Result { () throws(CredentialError) -> KeyRing in try KeyRing.load(from: directory.keys) }
        if case .failure(let error) = loaded, error.code == .keyFileMissing {
            throw AppError(.notFound, "this data directory has no issuer key; run `bekal keys create`", cause: error,
                           reason: .noIssuerKey)
        }
        return try loaded.get()
    }

    /// A directory with a ledger has accounts that decide who may use its keys: `FacilityApp` checks them.
    private func refuseWhenLedger() throws(AppError) {
        guard !SQLiteLedgerStorage.holdsLedger(directory.root) else {
            throw AppError(.permission, "this data directory has a ledger: use its keys through the facility, as an admin")
        }
    }
}

extension FacilityApp {
    /// Creates the facility's issuer key when the data directory has none (one made before keys existed).
    /// Admin only.
    /// - Throws: permission; conflict when a key already exists.
    public func createIssuerKey(context: ActionContext) async throws -> DIDKey {
        try await authorize(.administer, context: context)
        return try FacilityKeys(directory: directory).makeKey(now: context.now)
    }

    /// Retires the current issuer key (its public key stays in the trust list with its window) and makes a new
    /// one. Admin only.
    /// - Throws: permission; not found without an issuer key.
    public func rotateIssuerKey(context: ActionContext) async throws -> DIDKey {
        try await authorize(.administer, context: context)
        return try FacilityKeys(directory: directory).rotateKey(now: context.now)
    }

    /// The facility's trust list, signed with the current key (`FacilityKeys.trustList`). Admin only.
    /// - Throws: permission; not found without an issuer key.
    public func trustList(issuerID: String?, name: String?, code: String?, context: ActionContext) async throws
        -> [UInt8]
    {
        try await authorize(.administer, context: context)
        return try FacilityKeys(directory: directory).signedTrustList(
            issuerID: issuerID, name: name, code: code, now: context.now)
    }
}
