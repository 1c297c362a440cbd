import BekalDomain
import Foundation
import Logging

/// The application layer of one facility: every use case (record, correct, export, verify, report, publish)
/// as a method, over a `LedgerStorage` and the facility's files. The CLI and the web interface call these and
/// nothing below them; each method takes typed input and an `ActionContext` (who acts, and when) and returns a
/// typed result, throwing `AppError`-convertible errors.
public struct FacilityApp: Sendable {
    /// The ledger and its projections.
    public let storage: any LedgerStorage
    /// The evidence files.
    public let evidence: any EvidenceStorage
    /// The data directory: keys, settings (and, for SQLite, the ledger and evidence themselves).
    public let directory: DataDirectory
    let logger: Logger

    /// Assembles the layer from its parts (a front end normally calls `open(home:logger:)`).
    public init(storage: any LedgerStorage, evidence: any EvidenceStorage, directory: DataDirectory, logger: Logger) {
        self.storage = storage
        self.evidence = evidence
        self.directory = directory
        self.logger = logger
    }

    /// Opens an initialized data directory with its SQLite ledger.
    /// - Throws: storage errors for a missing, uninitialized, damaged or newer data directory.
    public static func open(home: URL, logger: Logger) throws -> FacilityApp {
        let storage = try SQLiteLedgerStorage.open(home: home, logger: logger)
        return FacilityApp(storage: storage, evidence: storage, directory: DataDirectory(root: home), logger: logger)
    }

    /// A facility whose ledger is in memory and whose files (keys, evidence) are under `files`, for tests of the
    /// use cases without a database file.
    public static func inMemory(files: URL, logger: Logger = Logger(label: "bekal.app")) throws -> FacilityApp {
        let directory = DataDirectory(root: files)
        for folder in [directory.keys, directory.evidence] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let storage = try SQLiteLedgerStorage.inMemory(logger: logger).withEvidence(at: directory.evidence)
        return FacilityApp(storage: storage, evidence: storage, directory: directory, logger: logger)
    }

    /// The issuer keys and settings, loaded for a use case that signs or publishes.
    func issuerSetup() async throws -> IssuerSetup {
        try IssuerSetup.load(directory, facility: try await storage.facility())
    }
}
