import BekalDomain
import Foundation
import GRDB
import Logging

/// The one owner of a facility's database: an append-only, hash-chained event ledger plus the projections
/// derived from it. It migrates in `init`, appends only through named methods that keep the chain and the
/// projections in step inside one write transaction, and offers read methods for the other modules.
public final class Ledger: Sendable {
    /// The database file's name inside the data directory.
    public static let databaseFileName = "bekal.sqlite"

    /// The data directory, or `nil` for an in-memory ledger.
    public let home: URL?
    let writer: any DatabaseWriter
    let logger: Logger

    /// Opens the ledger in an initialized data directory.
    ///
    /// - Throws: `StoreError` `.homeMissing`, `.permission`, `.notInitialized`, `.corrupted` or `.newerSchema`.
    public convenience init(home: URL, logger: Logger) throws {
        try Ledger.checkHome(home)
        let file = home.appendingPathComponent(Ledger.databaseFileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw StoreError(.notInitialized, "the data directory has no ledger; run `bekal init` first")
        }
        guard FileManager.default.isReadableFile(atPath: file.path),
            FileManager.default.isWritableFile(atPath: file.path)
        else { throw StoreError(.permission, "the ledger file cannot be read and written") }
        try LedgerFileCheck.checkFile(file)
        do {
            let pool = try Ledger.openPool(file)
            try Ledger.mapErrors { try pool.read { db in try LedgerFileCheck.checkDatabase(db) } }
            try self.init(home: home, writer: pool, logger: logger)
        } catch let error as StoreError where error.code == .corrupted && LedgerFileCheck.isDamage(error) {
            LedgerFileCheck.markDamaged(file)
            throw error
        }
    }

    /// Creates a data directory (if needed) with a new ledger whose first event records the facility.
    /// Also creates `keys/` (mode 0700) for the signing keys.
    public static func initialize(
        home: URL, facility: Facility, actor: String, recordedAt: Date, logger: Logger
    ) throws -> Ledger {
        let ledger = try create(home: home, logger: logger)
        _ = try ledger.append(.facilityInitialized(facility), actor: actor, facilityCode: facility.code,
                              recordedAt: recordedAt)
        return ledger
    }

    /// Creates a data directory (if needed) with an empty ledger, for callers that append the facility event
    /// themselves (the demo). Also creates `keys/` (mode 0700) and `evidence/`.
    public static func create(home: URL, logger: Logger) throws -> Ledger {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: home.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError(.homeMissing, "the data directory path is a file") }
        } else {
            do {
                try files.createDirectory(at: home, withIntermediateDirectories: true,
                                          attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(.permission, "the data directory cannot be created")
            }
        }
        let file = home.appendingPathComponent(databaseFileName)
        if files.fileExists(atPath: file.path) {
            throw StoreError(.alreadyInitialized, "the data directory already holds a ledger")
        }
        do {
            try files.createDirectory(at: home.appendingPathComponent("keys"), withIntermediateDirectories: true,
                                      attributes: [.posixPermissions: 0o700])
            try files.createDirectory(at: home.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        } catch {
            throw StoreError(.permission, "the data directory's subdirectories cannot be created")
        }
        let writer = try openPool(file, newFilePageSize: Ledger.pageSize)
        return try Ledger(home: home, writer: writer, logger: logger)
    }

    /// A ledger in memory with the same schema and configuration, for tests.
    public static func inMemory(logger: Logger = Logger(label: "bekal.store")) throws -> Ledger {
        try Ledger(home: nil, writer: try DatabaseQueue(configuration: configuration()), logger: logger)
    }

    init(home: URL?, writer: any DatabaseWriter, logger: Logger) throws {
        self.home = home
        self.writer = writer
        self.logger = logger
        let migrator = LedgerSchema.migrator
        try Ledger.mapErrors {
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw StoreError(.newerSchema, "the database was written by a newer version of Bekal; upgrade Bekal")
            }
            try migrator.migrate(writer)
        }
    }

    /// The evidence store of this ledger's data directory.
    public var evidence: EvidenceStore? {
        home.map { EvidenceStore(root: $0.appendingPathComponent("evidence")) }
    }

    static func configuration(newFilePageSize: Int? = nil) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // A second `bekal` process waits for the writer instead of failing.
        config.busyMode = .timeout(30)
        config.label = "bekal.ledger"
        config.prepareDatabase { db in
            // Only a file SQLite has not written yet takes a page size (the pool's switch to WAL writes the
            // header right after this); on an existing ledger the pragma changes nothing.
            if let newFilePageSize { try db.execute(sql: "PRAGMA page_size = \(newFilePageSize)") }
            // A large import is one transaction; a bigger page cache keeps it from spilling pages early.
            try db.execute(sql: "PRAGMA cache_size = \(Ledger.cacheSize)")
        }
        return config
    }

    /// The page size of a new ledger file: 16 KiB instead of SQLite's 4 KiB. A facility's ledger grows to
    /// gigabytes; bigger pages make its B-trees shallower and its page cache hold a quarter as many pages, and
    /// a bulk import writes a quarter as many WAL frames: about 15% less CPU per imported row at 2,000 people.
    /// Existing ledgers keep the size they were created with.
    static let pageSize = 16_384

    /// The page cache of a connection, in SQLite's unit (negative: KiB): 32 MiB.
    static let cacheSize = -32768
    /// Batches above this many entries get `largeBatchCacheSize` while they run.
    static let largeBatch = 5_000
    /// 64 MiB at most, for a batch of hundreds of thousands of rows; only what is used is allocated. It bounds
    /// an import's memory: with the CSV streamed, the page cache is what grows with the work. 512 MiB (before
    /// issue 17) saved ≈ 15% of the CPU of a 20,000-person import (fewer dirty pages spilled to the WAL and
    /// written again) but let the process grow to ≈ 630 MiB; at 2,000 people 64 MiB costs nothing measurable.
    static let largeBatchCacheSize = -65_536

    static func openPool(_ file: URL, newFilePageSize: Int? = nil) throws -> DatabasePool {
        try mapErrors {
            try DatabasePool(path: file.path, configuration: configuration(newFilePageSize: newFilePageSize))
        }
    }

    static func checkHome(_ home: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: home.path, isDirectory: &isDirectory) else {
            throw StoreError(.homeMissing, "the data directory does not exist; run `bekal init` or pass --home")
        }
        guard isDirectory.boolValue else { throw StoreError(.homeMissing, "the data directory path is a file") }
        guard FileManager.default.isReadableFile(atPath: home.path),
            FileManager.default.isWritableFile(atPath: home.path),
            FileManager.default.isExecutableFile(atPath: home.path)
        else { throw StoreError(.permission, "the data directory cannot be read and written") }
    }

    /// Turns SQLite failures into `StoreError`s with fixed messages (SQLite's own text may quote values).
    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                throw StoreError(.corrupted, "the database file is damaged or is not a Bekal database", cause: error)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                throw StoreError(.permission, "the database file cannot be opened for writing", cause: error)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw StoreError(.storage, "the database stayed locked by another process", cause: error)
            case .SQLITE_CONSTRAINT:
                throw StoreError(.conflict, "the change contradicts the ledger's constraints", cause: error)
            case .SQLITE_FULL, .SQLITE_IOERR:
                throw StoreError(.storage, "the disk is full or failed", cause: error)
            default:
                throw StoreError(.storage, "the database failed (SQLite code \(error.resultCode.rawValue))", cause: error)
            }
        }
    }
}
