import Logging
import BekalDomain
import Foundation
import GRDB

extension Ledger {
    /// Appends one event, updating the projections in the same transaction.
    ///
    /// - Parameters:
    ///   - actor: the staff member recording the event.
    ///   - facilityCode: the facility where it is recorded, stamped on the event.
    ///   - recordedAt: the time of recording; injected so tests and imports control it.
    /// - Throws: `StoreError` (`.notFound` for an unknown person or unit, `.conflict`, `.invalidInput`, ...);
    ///   nothing is written then.
    @discardableResult
    public func append(_ payload: LedgerPayload, actor: String, facilityCode: String, recordedAt: Date) throws
        -> LedgerEvent
    {
        let result = try append(contentsOf: [LedgerEntry(payload)], actor: actor, facilityCode: facilityCode,
                                recordedAt: recordedAt, failureContext: { _ in "record" })
        guard let event = result.appended.first else {
            throw StoreError(.storage, "the event was not appended")
        }
        return event
    }

    /// Appends a batch all-or-nothing: either every new entry is appended or, on the first failure, none is.
    /// Entries whose natural key is already in the ledger (or earlier in the batch) are skipped.
    ///
    /// - Parameter failureContext: names an entry in error messages, e.g. `{ "row \($0 + 2)" }` for CSV rows.
    public func append(
        contentsOf entries: [LedgerEntry], actor: String, facilityCode: String, recordedAt: Date,
        failureContext: (Int) -> String = { "entry \($0 + 1)" }
    ) throws -> BatchAppendResult {
        guard !actor.isEmpty else { throw StoreError(.invalidInput, "the actor is empty") }
        guard !facilityCode.isEmpty else { throw StoreError(.invalidInput, "the facility code is empty") }
        let timestamp = PayloadCoding.timestamp(recordedAt)
        let result = try Ledger.mapErrors {
            try writer.writeWithoutTransaction { db in
                var result = BatchAppendResult(appended: [], skipped: 0)
                // A large batch touches more pages than the usual cache holds; spilling them to the WAL mid-way
                // writes many pages twice. Pages are allocated only as they are used.
                if entries.count > Ledger.largeBatch {
                    try db.execute(sql: "PRAGMA cache_size = \(Ledger.largeBatchCacheSize)")
                }
                defer {
                    if entries.count > Ledger.largeBatch {
                        try? db.execute(sql: "PRAGMA cache_size = \(Ledger.cacheSize)")
                    }
                }
                // BEGIN IMMEDIATE: the chain head read below cannot change before this transaction commits.
                try db.inTransaction(.immediate) {
                    let head = try Row.fetchOne(
                        db, sql: "SELECT sequence, hash FROM ledger_event ORDER BY sequence DESC LIMIT 1")
                    var sequence: Int64 = head?["sequence"] ?? 0
                    var previousHash: String = head?["hash"] ?? EventDigest.genesis
                    // A row whose natural key is already in the ledger (or earlier in this batch) is not
                    // inserted; the index answers that during the insert instead of a lookup per row.
                    let insert = try db.cachedStatement(sql: """
                        INSERT INTO ledger_event (sequence, event_id, type, person_id, payload, actor,
                            facility_code, recorded_at, natural_key, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (natural_key) WHERE natural_key IS NOT NULL DO NOTHING
                        """)
                    var frameworks = try Ledger.frameworks(db)
                    // Persons looked up during this batch; an entry that changes a person drops it.
                    var persons: [UUID: Person] = [:]
                    var freshIDs = RandomUUIDs()
                    for (index, entry) in entries.enumerated() {
                        // Runs after the insert: a skipped duplicate is not validated again (as before), and a
                        // failure rolls the whole batch back, the inserted row with it.
                        func check() throws {
                            try Ledger.check(
                                entry.payload, recordedAt: recordedAt, frameworks: frameworks, persons: &persons,
                                context: { failureContext(index) }, db)
                        }
                        let encoded: (payload: String, record: String?)
                        do {
                            encoded = try PayloadCoding.encodeWithRecord(entry.payload)
                        } catch {
                            try check()  // a broken rule is the better message
                            throw error
                        }
                        let eventID = entry.eventID ?? freshIDs.next()
                        let actor = entry.actor ?? actor
                        let facilityCode = entry.facilityCode ?? facilityCode
                        let columns = EventDigest.Columns(
                            sequence: sequence + 1, eventID: Projection.key(eventID), type: entry.payload.kind,
                            personID: entry.payload.personID.map(Projection.key),
                            payload: encoded.payload, actor: actor,
                            facilityCode: facilityCode, recordedAt: timestamp, naturalKey: entry.naturalKey,
                            previousHash: previousHash)
                        let hash = EventDigest.hash(columns)
                        var row = DirectInsert(insert)
                        row.integer(columns.sequence)
                        row.text(columns.eventID)
                        row.text(columns.type)
                        row.text(columns.personID)
                        row.text(columns.payload)
                        row.text(columns.actor)
                        row.text(columns.facilityCode)
                        row.text(columns.recordedAt)
                        row.text(columns.naturalKey)
                        row.text(columns.previousHash)
                        row.text(hash)
                        try row.run()
                        if entry.naturalKey != nil, db.changesCount == 0 {
                            result.skipped += 1
                            continue
                        }
                        try check()
                        sequence += 1
                        try Projection.apply(entry.payload, eventID: eventID, sequence: sequence, record: encoded.record, db)
                        switch entry.payload {
                        case .frameworkImported(let framework): frameworks.append(framework)
                        case .personAdded, .corrected, .transferred, .released:
                            if let id = entry.payload.personID { persons[id] = nil }
                        default: break
                        }
                        result.appended.append(LedgerEvent(
                            sequence: sequence, id: eventID, type: columns.type, personID: entry.payload.personID,
                            payload: entry.payload, actor: actor, facilityCode: facilityCode, recordedAt: recordedAt,
                            naturalKey: entry.naturalKey, previousHash: previousHash, hash: hash))
                        previousHash = hash
                    }
                    return .commit
                }
                return result
            }
        }
        for event in result.appended.prefix(1000) {
            logger.debug("ledger event appended", metadata: [
                "event.sequence": "\(event.sequence)", "event.type": "\(event.type)",
            ])
        }
        logger.info("ledger append committed", metadata: [
            "events.appended": "\(result.appended.count)", "events.skipped": "\(result.skipped)",
        ])
        return result
    }

    /// Validates one entry against the rules and the ledger, naming the entry in the error.
    /// - Parameter persons: persons read during this batch, by id; filled as persons are read.
    private static func check(
        _ payload: LedgerPayload, recordedAt: Date, frameworks: [CompetencyFramework], persons: inout [UUID: Person],
        context: () -> String, _ db: Database
    ) throws {
        do {
            var person: Person?
            if let id = payload.personID {
                if let cached = persons[id] {
                    person = cached
                } else {
                    person = try Projection.storedPerson(id, db)
                    persons[id] = person
                }
            }
            try Projection.check(payload, recordedAt: recordedAt, frameworks: frameworks, person: person, db)
        } catch let error as StoreError {
            throw StoreError(error.code, "\(context()): \(error.message)")
        } catch let error as DomainError {
            let path = error.path.isEmpty ? "" : ", \(error.path)"
            throw DomainError(error.code, path: "\(context())\(path)", message: error.message)
        }
    }

    /// Drops every projection and replays the whole ledger into it, in one transaction.
    /// - Returns: the number of events replayed.
    @discardableResult
    public func rebuildProjections() throws -> Int {
        let count = try Ledger.mapErrors {
            try writer.write { db -> Int in
                for table in LedgerSchema.projectionTables { try db.execute(sql: "DELETE FROM \(table)") }
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT sequence, event_id, payload FROM ledger_event ORDER BY sequence")
                var count = 0
                while let row = try rows.next() {
                    let sequence: Int64 = row["sequence"]
                    let payload = try PayloadCoding.decode(row["payload"], sequence: sequence)
                    guard let eventID = UUID(uuidString: row["event_id"]) else {
                        throw StoreError(.corrupted, "event \(sequence) has a malformed id")
                    }
                    try Projection.apply(payload, eventID: eventID, sequence: sequence, db)
                    count += 1
                }
                return count
            }
        }
        logger.info("projections rebuilt", metadata: ["events.replayed": "\(count)"])
        return count
    }
}
