import BekalCredentials
import BekalDomain
import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new facility's settings, as given to `bekal init`.
public struct FacilitySetup: Sendable {
    /// The facility's code and name, as written in the ledger's first event.
    public var facility: Facility
    /// The facility's https issuer URL; the key's did:key when `nil`.
    public var issuerID: String?
    /// Where the status list will be published (https); `urn:bekal:status-list:<code>:1` when `nil`.
    public var statusListURL: String?

    /// - Throws: invalid input for a facility code other than 1 to 32 letters, digits, '.', '_' or '-', an
    ///   empty name, or ids that are not https URLs.
    public init(code: String, name: String, issuerID: String? = nil, statusListURL: String? = nil) throws(AppError) {
        guard code.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$", options: .regularExpression) != nil else {
            throw AppError(.usage, "--facility-code: use 1 to 32 letters, digits, '.', '_' or '-'", field: "facility-code")
        }
        let name = try TypedInput.text(name, field: "--facility-name", maxLength: 200)
        if let issuerID, !IssuerSetup.isHTTPSURL(issuerID) {
            throw AppError(.usage, "--issuer-id: expected an https URL", field: "issuer-id")
        }
        if let statusListURL, !IssuerSetup.isHTTPSURL(statusListURL) {
            throw AppError(.usage, "--status-list-url: expected an https URL", field: "status-list-url")
        }
        self.facility = Facility(code: code, name: name)
        self.issuerID = issuerID
        self.statusListURL = statusListURL
    }
}

extension FacilityApp {
    /// Creates a facility's data directory: the ledger with its first event, the issuer key (keys/ 0700, the key
    /// file 0600) and the issuer settings. The directory is built under a temporary name beside `home` and
    /// renamed into place only when complete, so a failure (a full disk, say) leaves nothing behind that would
    /// block the next attempt.
    /// - Returns: the opened facility and its issuer key's DID.
    /// - Throws: conflict when `home` already holds a ledger or other files.
    public static func initialize(home: URL, setup: FacilitySetup, context: ActionContext, logger: Logger)
        async throws -> (app: FacilityApp, issuerKey: DIDKey)
    {
        let key = try await build(home: home, logger: logger) { staging in
            let storage = try SQLiteLedgerStorage.create(at: staging.root, logger: logger)
            _ = try await storage.append(
                [LedgerEntry(.facilityInitialized(setup.facility)), try AccountBootstrap.firstAdmin(context.actor)],
                actor: context.actor, recordedAt: context.now)
            try IssuerSetup.saveSettings(staging, issuerID: setup.issuerID, statusListURL: setup.statusListURL)
            return try KeyRing.create(at: staging.keys, now: context.now).current.didKey
        }
        return (try open(home: home, logger: logger), key)
    }

    /// Creates a demo facility with clearly fake people (every name starts with DEMO) and months of records up to
    /// `context.today`, built and renamed into place like `initialize`.
    /// - Returns: the opened facility and the number of events recorded.
    public static func createDemo(
        home: URL, people: Int, seed: UInt64, context: ActionContext, logger: Logger
    ) async throws -> (app: FacilityApp, events: Int, facility: Facility) {
        // Small text placeholders stand in for the evidence files the events name, stored like uploaded evidence,
        // so that a new demo facility verifies (`ledger verify`, and against its own checkpoint).
        let data = DemoFacility.generate(people: people, seed: seed, today: context.today, sha256: { Digest.sha256Hex($0) })
        let count = try await build(home: home, logger: logger) { staging in
            let storage = try SQLiteLedgerStorage.create(at: staging.root, logger: logger)
            for file in data.evidenceFiles {
                let stored = try await storage.store(Data(file.bytes), mediaType: file.mediaType, description: file.description)
                guard stored.evidence.sha256 == file.sha256 else {
                    throw AppError(.storage, "a demo evidence file was stored under another hash")
                }
            }
            let entries = try AccountBootstrap.demoEntries(data.events, runBy: context.actor)
            let result = try await storage.append(entries, actor: context.actor, recordedAt: context.now)
            _ = try KeyRing.create(at: staging.keys, now: context.now)
            return result.appended.count
        }
        return (try open(home: home, logger: logger), count, data.facility)
    }

    /// Builds a data directory under a temporary name beside `home`, then renames it into place.
    private static func build<T>(home: URL, logger: Logger, _ body: (DataDirectory) async throws -> T) async throws
        -> T
    {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: home.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AppError(.storage, "the data directory path is a file") }
            if SQLiteLedgerStorage.holdsLedger(home) {
                throw AppError(.conflict, "the data directory already holds a ledger")
            }
            guard (try? files.contentsOfDirectory(atPath: home.path).isEmpty) == true else {
                throw AppError(.conflict, "the data directory is not empty; choose a new directory")
            }
        }
        let parent = home.deletingLastPathComponent()
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw AppError(.permission, "the data directory's parent cannot be created")
        }
        let staging = parent.appendingPathComponent(".\(home.lastPathComponent).init-\(UUID().uuidString.prefix(8))")
        defer { try? files.removeItem(at: staging) }
        // The ledger is closed when `body` returns (its last reference goes), so the rename moves a quiet file.
        let result = try await body(DataDirectory(root: staging))
        guard rename(staging.path, home.path) == 0 else {
            throw AppError(.storage, "the new data directory could not be moved into place")
        }
        logger.info("data directory created", metadata: ["directory.kind": "facility"])
        return result
    }
}
