import BekalDomain
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

@Suite("The database file and the data directory")
struct StorageTests {
    let logger = Logger(label: "test")

    @Test("a ledger reopened from its file keeps its events and its chain")
    func reopen() throws {
        let scenario = try Scenario(onDisk: true)
        defer { scenario.removeHome() }
        try scenario.record(scenario.training())
        let reopened = try Ledger(home: try #require(scenario.home), logger: logger)
        #expect(try reopened.eventCount() == 4)
        #expect(try reopened.verifyChain().isIntact)
        #expect(try reopened.facility() == Scenario.facility)
        var isDirectory: ObjCBool = false
        let keys = try #require(scenario.home).appendingPathComponent("keys")
        #expect(FileManager.default.fileExists(atPath: keys.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        let mode = try FileManager.default.attributesOfItem(atPath: keys.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test("a database written by a newer schema version is refused with a clear error")
    func newerSchema() throws {
        let scenario = try Scenario(onDisk: true)
        defer { scenario.removeHome() }
        try scenario.ledger.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        #expect(throws: StoreError(.newerSchema, "")) { try Ledger(home: try #require(scenario.home), logger: logger) }
    }

    @Test("a corrupted database file is refused with a clear error")
    func corrupted() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-corrupt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: home.appendingPathComponent(Ledger.databaseFileName))
        #expect(throws: StoreError(.corrupted, "")) { try Ledger(home: home, logger: logger) }
    }

    @Test("a missing data directory, a file in its place and an uninitialized one each give their error")
    func missingHome() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-missing-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(throws: StoreError(.homeMissing, "")) { try Ledger(home: base, logger: logger) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        #expect(throws: StoreError(.notInitialized, "")) { try Ledger(home: base, logger: logger) }
        let file = base.appendingPathComponent("not-a-dir")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError(.homeMissing, "")) { try Ledger(home: file, logger: logger) }
    }

    @Test("initializing twice is refused and leaves the first ledger alone")
    func initTwice() throws {
        let scenario = try Scenario(onDisk: true)
        defer { scenario.removeHome() }
        #expect(throws: StoreError(.alreadyInitialized, "")) {
            try Ledger.initialize(home: try #require(scenario.home), facility: Scenario.facility, actor: "a",
                                  recordedAt: Scenario.now, logger: logger)
        }
        #expect(try scenario.ledger.eventCount() == 3)
    }

    @Test("evidence is stored under its SHA-256, once, and read back checked")
    func evidence() throws {
        let scenario = try Scenario(onDisk: true)
        defer { scenario.removeHome() }
        let store = try #require(scenario.ledger.evidence)
        let bytes = Data("abc".utf8)
        let evidence = try store.store(bytes, mediaType: "text/plain", description: "checklist")
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        #expect(evidence.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(store.url(forSHA256: evidence.sha256).path.hasSuffix("evidence/ba/\(evidence.sha256)"))
        #expect(try store.store(bytes, mediaType: "text/plain", description: "again") .sha256 == evidence.sha256)
        #expect(try store.contents(of: evidence) == bytes)
        try Data("abd".utf8).write(to: store.url(forSHA256: evidence.sha256))
        #expect(throws: StoreError(.corrupted, "")) { try store.contents(of: evidence) }
        #expect(throws: StoreError(.invalidInput, "")) { try store.store(bytes, mediaType: "plain", description: "") }
        let escaping = Evidence(sha256: "../../bekal.sqlite", mediaType: "text/plain", description: "", byteCount: 0)
        #expect(throws: StoreError(.invalidInput, "")) { try store.contents(of: escaping) }
    }
}
