import BekalDomain
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

@Suite("The page size of ledger files")
struct LedgerPageSizeTests {
    let logger = Logger(label: "test")

    /// The page size as the file's header states it (bytes 16–17, big-endian; SQLite file format, 1.3.2).
    func headerPageSize(_ home: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: home.appendingPathComponent(Ledger.databaseFileName))
        defer { try? handle.close() }
        let header = try #require(try handle.read(upToCount: 20))
        #expect(header.count == 20)
        #expect(header[18] == 2 && header[19] == 2, "a WAL-mode file has read and write versions 2")
        return Int(header[16]) << 8 | Int(header[17])
    }

    @Test("a new ledger file has 16 KiB pages, and a bulk import into it reads back with its chain intact")
    func newLedger() throws {
        let scenario = try Scenario(onDisk: true)
        defer { scenario.removeHome() }
        let home = try #require(scenario.home)
        var text = "person,date,hours,topic,trainer\n"
        for day in 0..<2_000 {
            let date = String(format: "2026-%02d-%02d", day % 5 + 1, day % 28 + 1)  // admitted 2025-09-01
            text += "REG-0001,\(date),2,Malam \(day),Mentor\n"
        }
        let summary = try scenario.ledger.importCSVSummary(
            Data(text.utf8), kind: .training, actor: "a", recordedAt: Scenario.now)
        #expect(summary == ImportSummary(appended: 2_000, skipped: 0))
        #expect(try headerPageSize(home) == 16_384)

        let reopened = try Ledger(home: home, logger: logger)
        #expect(try reopened.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16_384)
        #expect(try reopened.eventCount() == 3 + 2_000)
        #expect(try reopened.verifyChain().isIntact)
        #expect(try reopened.portfolioTrainingHours() == 2 * 2_000)
    }

    @Test("a ledger written with SQLite's 4 KiB pages keeps them when reopened and appended to")
    func existingLedger() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-4k-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        do {
            // How every ledger before 16 KiB pages was opened: no page size asked for.
            let pool = try Ledger.openPool(home.appendingPathComponent(Ledger.databaseFileName))
            let ledger = try Ledger(home: home, writer: pool, logger: logger)
            try ledger.append(.facilityInitialized(Scenario.facility), actor: Scenario.actor,
                              facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
        }
        #expect(try headerPageSize(home) == 4_096)

        let reopened = try Ledger(home: home, logger: logger)
        try reopened.append(.frameworkImported(.sampleBatikCap), actor: Scenario.actor,
                            facilityCode: Scenario.facility.code, recordedAt: Scenario.now)
        #expect(try reopened.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4_096)
        #expect(try reopened.eventCount() == 2)
        #expect(try reopened.verifyChain().isIntact)
        #expect(try headerPageSize(home) == 4_096)
    }
}

extension Ledger {
    /// Hours of every training session in the projection, read with plain SQL.
    fileprivate func portfolioTrainingHours() throws -> Double {
        try writer.read { db in try Double.fetchOne(db, sql: "SELECT total(hours) FROM training") ?? -1 }
    }
}
