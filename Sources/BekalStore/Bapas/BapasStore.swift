import BekalDomain
import Foundation
import GRDB

/// The one owner of a Bapas's database (`bapas.sqlite` in its data directory): trust-list imports, facility
/// secrets, received portfolios and status lists. Migrates in `init`; every write is one transaction.
public final class BapasStore: Sendable {
    /// The database file's name inside the data directory.
    public static let databaseFileName = "bapas.sqlite"

    let writer: any DatabaseWriter

    /// Opens (creating it the first time) the Bapas database in an existing data directory.
    /// - Throws: `StoreError` `.homeMissing`, `.permission`, `.corrupted` or `.newerSchema`.
    public convenience init(home: URL) throws {
        try Ledger.checkHome(home)
        let pool = try Ledger.openPool(home.appendingPathComponent(Self.databaseFileName))
        try self.init(writer: pool)
    }

    /// A Bapas database in memory, for tests.
    public static func inMemory() throws -> BapasStore {
        try BapasStore(writer: try DatabaseQueue(configuration: Ledger.configuration()))
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        let migrator = BapasSchema.migrator
        try Ledger.mapErrors {
            if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) {
                throw StoreError(.newerSchema, "the Bapas database was written by a newer version of Bekal; upgrade Bekal")
            }
            try migrator.migrate(writer)
        }
    }

    // MARK: Trust registry

    /// Appends an import to the registry's history; returns its sequence number.
    public func recordImport(_ entry: TrustListImport) throws -> Int64 {
        try Ledger.mapErrors {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO trust_list_import (imported_at, imported_by, facility_names, signed_by, list)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [PayloadCoding.timestamp(entry.importedAt), entry.importedBy, entry.facilityNames,
                                     entry.signedBy, entry.list])
                return db.lastInsertedRowID
            }
        }
    }

    /// Every import, oldest first.
    public func imports() throws -> [TrustListImport] {
        try Ledger.mapErrors {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM trust_list_import ORDER BY sequence").map { row -> TrustListImport in
                    guard let at = PayloadCoding.date(fromTimestamp: row["imported_at"]) else {
                        throw StoreError(.corrupted, "a trust-list import cannot be read")
                    }
                    return TrustListImport(sequence: row["sequence"], importedAt: at, importedBy: row["imported_by"],
                                           facilityNames: row["facility_names"], signedBy: row["signed_by"],
                                           list: row["list"])
                }
            }
        }
    }

    // MARK: Facility secrets

    /// Sets (or replaces) the SHA-256 of the secret facility `code` delivers with.
    /// - Throws: `conflict` when another facility already has this secret.
    public func setSecret(facilityCode code: String, tokenSHA256: Data, at date: Date) throws {
        try Ledger.mapErrors {
            try writer.write { db in
                if let other = try String.fetchOne(
                    db, sql: "SELECT facility_code FROM facility_secret WHERE token_sha256 = ?", arguments: [tokenSHA256]),
                    other != code
                {
                    throw StoreError(.conflict, "another facility already delivers with this secret")
                }
                try db.execute(sql: """
                    INSERT INTO facility_secret (facility_code, token_sha256, set_at) VALUES (?, ?, ?)
                    ON CONFLICT(facility_code) DO UPDATE SET token_sha256 = excluded.token_sha256, set_at = excluded.set_at
                    """, arguments: [code, tokenSHA256, PayloadCoding.timestamp(date)])
            }
        }
    }

    /// Every facility code with its secret's SHA-256 (the caller compares in constant time).
    public func secrets() throws -> [(facilityCode: String, tokenSHA256: Data)] {
        try Ledger.mapErrors {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT facility_code, token_sha256 FROM facility_secret ORDER BY facility_code")
                    .map { row -> (facilityCode: String, tokenSHA256: Data) in (row["facility_code"], row["token_sha256"]) }
            }
        }
    }

    // MARK: Received portfolios

    /// Stores a received portfolio, unless the same sender already delivered under the same key.
    /// - Returns: the portfolio stored, or the one delivered earlier under that key, and whether it is new.
    /// - Throws: `conflict` when the key was used before for different bytes.
    public func receive(_ portfolio: ReceivedPortfolio) throws -> (portfolio: ReceivedPortfolio, isNew: Bool) {
        try Ledger.mapErrors {
            try writer.write { db -> (portfolio: ReceivedPortfolio, isNew: Bool) in
                if let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM received_portfolio WHERE sender_code = ? AND idempotency_key = ?",
                    arguments: [portfolio.senderCode, portfolio.idempotencyKey])
                {
                    let earlier = try BapasStore.portfolio(row)
                    guard earlier.sha256 == portfolio.sha256 else {
                        throw StoreError(.conflict, "this Idempotency-Key was already used for a different file")
                    }
                    return (earlier, false)
                }
                try db.execute(sql: """
                    INSERT INTO received_portfolio (id, sender_code, idempotency_key, body, sha256, verdict, sentence,
                        sentence_en, facility_name, holder, release_date, received_at, verified_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        portfolio.id.uuidString.lowercased(), portfolio.senderCode, portfolio.idempotencyKey,
                        portfolio.body, portfolio.sha256, portfolio.verdict, portfolio.sentence,
                        portfolio.sentenceEnglish, portfolio.facilityName,
                        portfolio.holder, portfolio.releaseDate, PayloadCoding.timestamp(portfolio.receivedAt),
                        PayloadCoding.timestamp(portfolio.verifiedAt),
                    ])
                return (portfolio, true)
            }
        }
    }

    /// Every received portfolio, newest first.
    public func receivedPortfolios() throws -> [ReceivedPortfolio] {
        try Ledger.mapErrors {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM received_portfolio ORDER BY received_at DESC, rowid DESC")
                    .map(BapasStore.portfolio)
            }
        }
    }

    /// One received portfolio.
    /// - Throws: `notFound`.
    public func receivedPortfolio(id: UUID) throws -> ReceivedPortfolio {
        try Ledger.mapErrors {
            try writer.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM received_portfolio WHERE id = ?",
                                                 arguments: [id.uuidString.lowercased()])
                else { throw StoreError(.notFound, "no received portfolio with this id") }
                return try BapasStore.portfolio(row)
            }
        }
    }

    /// Records a new verdict for a received portfolio (after a status list or a registry change), with its
    /// sentence in Indonesian and in English.
    public func updateVerdict(
        id: UUID, verdict: String, sentence: String, sentenceEnglish: String?, facilityName: String?, at date: Date
    ) throws {
        try Ledger.mapErrors {
            try writer.write { db in
                try db.execute(sql: """
                    UPDATE received_portfolio SET verdict = ?, sentence = ?, sentence_en = ?, facility_name = ?,
                        verified_at = ?
                    WHERE id = ?
                    """, arguments: [verdict, sentence, sentenceEnglish, facilityName, PayloadCoding.timestamp(date),
                                     id.uuidString.lowercased()])
                guard db.changesCount == 1 else { throw StoreError(.notFound, "no received portfolio with this id") }
            }
        }
    }

    // MARK: Status lists

    /// Keeps the newest status list received for `url` (replacing the one before).
    public func storeStatusList(url: String, body: Data, at date: Date) throws {
        try Ledger.mapErrors {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO received_status_list (url, body, received_at) VALUES (?, ?, ?)
                    ON CONFLICT(url) DO UPDATE SET body = excluded.body, received_at = excluded.received_at
                    """, arguments: [url, body, PayloadCoding.timestamp(date)])
            }
        }
    }

    /// The status lists received, one per URL.
    public func statusLists() throws -> [(url: String, body: Data)] {
        try Ledger.mapErrors {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT url, body FROM received_status_list ORDER BY url")
                    .map { row -> (url: String, body: Data) in (row["url"], row["body"]) }
            }
        }
    }

    static func portfolio(_ row: Row) throws -> ReceivedPortfolio {
        guard let id = UUID(uuidString: row["id"]), let received = PayloadCoding.date(fromTimestamp: row["received_at"]),
            let verified = PayloadCoding.date(fromTimestamp: row["verified_at"])
        else { throw StoreError(.corrupted, "a received portfolio cannot be read") }
        return ReceivedPortfolio(
            id: id, senderCode: row["sender_code"], idempotencyKey: row["idempotency_key"], body: row["body"],
            sha256: row["sha256"], verdict: row["verdict"], sentence: row["sentence"],
            sentenceEnglish: row["sentence_en"], facilityName: row["facility_name"],
            holder: row["holder"], releaseDate: row["release_date"], receivedAt: received, verifiedAt: verified)
    }
}
