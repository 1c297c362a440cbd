import BekalDomain
import Foundation
import GRDB
import Logging

/// One credential's place in a Bitstring Status List, as recorded at export time.
public struct StatusIndexRecord: Sendable, Hashable {
    /// The exported credential's id.
    public var credentialID: String
    /// The credential's `statusListIndex`: the bit that revokes it.
    public var index: Int
    /// The person the credential is about; `nil` is allowed for documents about no one (not used today).
    public var personID: UUID?

    /// A record of `credentialID` at `index`, about `personID`.
    public init(credentialID: String, index: Int, personID: UUID?) {
        self.credentialID = credentialID
        self.index = index
        self.personID = personID
    }
}

extension Ledger {
    /// Every credential id with its index on the list `listURL`. An export passes these to the exporter so a
    /// re-exported credential keeps its index and a new one gets the next free index.
    public func statusIndices(listURL: String) throws -> [String: Int] {
        try read { db in
            var result: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT credential_id, status_index FROM status_allocation WHERE list_url = ?",
                arguments: [listURL])
            while let row = try rows.next() { result[row["credential_id"]] = row["status_index"] }
            return result
        }
    }

    /// The indices on `listURL` of those of `credentialIDs` that have one (a person's history asks which of their
    /// records were ever exported): a primary-key lookup per id, not a read of the whole list.
    public func statusIndices(listURL: String, credentialIDs: some Sequence<String>) throws -> [String: Int] {
        try read { db in
            var result: [String: Int] = [:]
            for id in credentialIDs where result[id] == nil {
                if let index = try Ledger.statusIndex(of: id, listURL: listURL, db) { result[id] = index }
            }
            return result
        }
    }

    /// One credential's index on `listURL`, if it has one (a primary-key lookup).
    static func statusIndex(of credentialID: String, listURL: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT status_index FROM status_allocation WHERE credential_id = ? AND list_url = ?"),
            arguments: [credentialID, listURL])
    }

    /// Records the indices an export handed out, all or none. Ids already recorded with the same index are
    /// left as they are.
    ///
    /// - Throws: `StoreError.conflict` when an id already has another index or the index went to another id
    ///   (two exports ran at once: run the export again).
    public func recordStatusIndices(_ records: [StatusIndexRecord], listURL: String, allocatedAt: Date) throws {
        guard !records.isEmpty else { return }
        let timestamp = PayloadCoding.timestamp(allocatedAt)
        try Ledger.mapErrors {
            try writer.write { db in
                let existing = try db.cachedStatement(
                    sql: "SELECT list_url, status_index FROM status_allocation WHERE credential_id = ?")
                let taken = try db.cachedStatement(
                    sql: "SELECT credential_id FROM status_allocation WHERE list_url = ? AND status_index = ?")
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO status_allocation (credential_id, list_url, status_index, person_id, allocated_at)
                    VALUES (?, ?, ?, ?, ?)
                    """)
                for record in records {
                    if let row = try Row.fetchOne(existing, arguments: [record.credentialID]) {
                        guard row["list_url"] == listURL, row["status_index"] == record.index else {
                            throw StoreError(.conflict, "a credential already has another status index; run the export again")
                        }
                        continue
                    }
                    if try String.fetchOne(taken, arguments: [listURL, record.index]) != nil {
                        throw StoreError(.conflict, "status index \(record.index) was taken by another export at the same time; run the export again")
                    }
                    try insert.execute(arguments: [
                        record.credentialID, listURL, record.index, record.personID.map(Projection.key), timestamp,
                    ])
                }
            }
        }
        logger.info("status indices recorded", metadata: ["indices.count": "\(records.count)"])
    }

    /// Gives every credential id in `credentialIDs` an index on `listURL`, in one immediate transaction: an id
    /// that already has one keeps it (one revocation covers every export of a credential), a new one gets the
    /// next free index. Two exports running at once therefore never hand out one index twice.
    ///
    /// - Parameter capacity: the list's size in bits; no index reaches it.
    /// - Returns: the index of each id in `credentialIDs` (the exporter writes them into the credentials).
    /// - Throws: `StoreError.conflict` when an id is on another list already, `.storage` when the list is full.
    public func allocateStatusIndices(
        for credentialIDs: [String], personID: UUID?, listURL: String, capacity: Int, allocatedAt: Date
    ) throws -> [String: Int] {
        let timestamp = PayloadCoding.timestamp(allocatedAt)
        let indices = try Ledger.mapErrors {
            try writer.writeWithoutTransaction { db -> [String: Int] in
                var indices: [String: Int] = [:]
                try db.inTransaction(.immediate) {
                    // Only the ids asked for and the list's highest index are read (the UNIQUE (list_url,
                    // status_index) index answers both): reading the whole list on every export made a facility
                    // export quadratic in the number of credentials ever exported.
                    var next = (try Int.fetchOne(
                        db, sql: "SELECT MAX(status_index) FROM status_allocation WHERE list_url = ?",
                        arguments: [listURL]) ?? -1) + 1
                    let elsewhere = try db.cachedStatement(
                        sql: "SELECT 1 FROM status_allocation WHERE credential_id = ? AND list_url <> ?")
                    let insert = try db.cachedStatement(sql: """
                        INSERT INTO status_allocation (credential_id, list_url, status_index, person_id, allocated_at)
                        VALUES (?, ?, ?, ?, ?)
                        """)
                    for id in credentialIDs where indices[id] == nil {
                        if let index = try Ledger.statusIndex(of: id, listURL: listURL, db) {
                            indices[id] = index
                            continue
                        }
                        if try Bool.fetchOne(elsewhere, arguments: [id, listURL]) == true {
                            throw StoreError(.conflict, "a credential already has an index on another status list")
                        }
                        guard next < capacity else {
                            throw StoreError(.storage, "the status list is full; configure a new status list URL")
                        }
                        try insert.execute(arguments: [id, listURL, next, personID.map(Projection.key), timestamp])
                        indices[id] = next
                        next += 1
                    }
                    return .commit
                }
                return indices
            }
        }
        logger.info("status indices allocated", metadata: ["indices.count": "\(credentialIDs.count)"])
        return indices
    }

    /// Whether an export handed out a status index to this credential id.
    public func hasStatusIndex(credentialID: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM status_allocation WHERE credential_id = ?", arguments: [credentialID]) == true
        }
    }

    /// Revokes an exported credential: appends `credential.revoked`. The next status list sets its bit.
    ///
    /// - Throws: `StoreError.notFound` when no export ever carried this id, `.conflict` when it is already
    ///   revoked, `.invalidInput` for an id that is not a `urn:uuid:` or an empty reason.
    @discardableResult
    public func revoke(credentialID: String, reason: String, actor: String, recordedAt: Date) throws -> LedgerEvent {
        // Checked before the append; a second process revoking the same id at the same moment is still refused
        // inside the append's transaction (already revoked), so the race cannot double-revoke.
        guard try hasStatusIndex(credentialID: credentialID) else {
            throw StoreError(.notFound, "no exported credential has this id")
        }
        let facility = try facility()
        return try append(
            .credentialRevoked(CredentialRevocation(credentialID: credentialID, reason: reason)),
            actor: actor, facilityCode: facility.code, recordedAt: recordedAt)
    }
}
