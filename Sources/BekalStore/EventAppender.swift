import BekalDomain
import BekalLog
import Foundation
import GRDB

/// Appends events to the hash chain inside one open write transaction, one entry at a time, keeping the
/// projections in step. It holds what every event of a batch shares: the prepared inserts, the chain head,
/// the frameworks, the persons read so far, and buffers reused for each event's JSON, id and digest, so that
/// an event costs no more allocations than its `LedgerEvent` in the result (and none for that when the caller
/// only counts, as the CLI's import does).
///
/// Runs only inside `Ledger.append(contentsOf:...)` and `Ledger.importCSV`, which open the transaction
/// (`BEGIN IMMEDIATE`, so the head read here cannot change before the commit) and roll back on any error.
struct EventAppender {
    private let db: Database
    private let insert: Statement
    private let actor: String
    private let facilityCode: String
    private let recordedAt: Date
    private let timestamp: String
    private(set) var result = BatchAppendResult(appended: [], skipped: 0)
    /// Events appended so far; `result.appended` holds them too when `keepsEvents`.
    private(set) var appendedCount = 0
    private let keepsEvents: Bool

    private var sequence: Int64
    /// The head's hash as text, and as a `String` while `keepsEvents` (for the next `LedgerEvent`).
    private var previousHashText: [UInt8]
    private var previousHash: String?
    private var frameworks: [CompetencyFramework]
    /// Persons looked up during this batch; an entry that changes a person drops it.
    private var persons: [UUID: Person] = [:]
    private var eventIDs: OrderedEventIDs
    /// Prepared projection inserts by event type.
    private var projectionInserts: [String: Statement] = [:]

    private var payloadBytes: [UInt8] = []
    private var recordBytes: [UInt8] = []
    private var eventIDText: [UInt8] = []
    private var personIDText: [UInt8] = []
    private var digestInput = EventDigest.Input()
    private var hashText: [UInt8] = []
    /// The Merkle log's stored tree, one leaf per appended event, written in this same transaction.
    private var tree: LogTreeWriter
    /// The date-led index a large import takes down and builds again before committing (`DeferredIndex`).
    private var deferredIndex: DeferredIndex?
    /// The index that `finish()` built again, if the batch took one down.
    private(set) var rebuiltIndex: String?

    /// - Parameters:
    ///   - keepsEvents: whether `result.appended` collects each appended event.
    ///   - importing: the kind of CSV file the batch imports, whose table's date-led index it may defer, and
    ///     the fewest appended rows that drop it (`DeferredIndex`).
    init(
        _ db: Database, actor: String, facilityCode: String, recordedAt: Date, keepsEvents: Bool = true,
        importing: (kind: ImportKind, minimumRows: Int)? = nil
    ) throws {
        self.db = db
        self.keepsEvents = keepsEvents
        self.actor = actor
        self.facilityCode = facilityCode
        self.recordedAt = recordedAt
        timestamp = PayloadCoding.timestamp(recordedAt)
        let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_event ORDER BY sequence DESC LIMIT 1")
        sequence = head?["sequence"] ?? 0
        let headHash: String = head?["hash"] ?? EventDigest.genesis
        previousHashText = Array(headHash.utf8)
        previousHash = keepsEvents ? headHash : nil
        // A row whose natural key is already in the ledger (or earlier in this batch) is not inserted; the
        // index answers that during the insert instead of a lookup per row. The conflict target is the v10
        // index's key (`NaturalKeySchema`), expression for expression, as SQLite requires.
        insert = try db.makeStatement(sql: """
            INSERT INTO ledger_event (sequence, event_id, type, person_id, payload, actor,
                facility_code, recorded_at, natural_key, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (CASE WHEN type = 'person.added' OR person_id IS NULL THEN '' ELSE person_id END, natural_key)
                WHERE natural_key IS NOT NULL DO NOTHING
            """)
        frameworks = try Ledger.frameworks(db)
        eventIDs = OrderedEventIDs(recordedAt: recordedAt)
        tree = try LogTreeWriter(db, eventCount: sequence)
        deferredIndex = try importing.flatMap { try DeferredIndex(importing: $0.kind, minimumRows: $0.minimumRows, db) }
    }

    /// Writes what the log's tree still holds in memory and builds a deferred index again; `Ledger.appendBatch`
    /// calls it before committing.
    mutating func finish() throws {
        try tree.finish()
        rebuiltIndex = try deferredIndex?.restore(db)
    }

    /// Appends one entry, or skips it when its natural key is already recorded.
    /// - Parameter context: names the entry in error messages (`row 7`).
    mutating func append(_ entry: LedgerEntry, context: () -> String) throws {
        let payload = entry.payload
        let hasRecord = RecordJSONWriter.write(payload, payload: &payloadBytes, record: &recordBytes)
        if !hasRecord {
            let encoded: String
            do {
                encoded = try PayloadCoding.encodeWithFoundation(payload)
            } catch {
                try check(payload, context: context)  // a broken rule is the better message
                throw error
            }
            payloadBytes = Array(encoded.utf8)
        }
        let eventID = entry.eventID ?? eventIDs.next(sequence: sequence + 1)
        let personID = payload.personID
        eventIDText.removeAll(keepingCapacity: true)
        UUIDText.append(eventID, uppercase: false, to: &eventIDText)
        if let personID {
            personIDText.removeAll(keepingCapacity: true)
            UUIDText.append(personID, uppercase: false, to: &personIDText)
        }
        let type = payload.kind
        let actor = entry.actor ?? actor
        let facilityCode = entry.facilityCode ?? facilityCode

        digestInput.reset()
        digestInput.put(String(sequence + 1))
        digestInput.put(eventIDText)
        digestInput.put(type)
        if personID != nil { digestInput.put(personIDText) } else { digestInput.putNull() }
        digestInput.put(payloadBytes)
        digestInput.put(actor)
        digestInput.put(facilityCode)
        digestInput.put(timestamp)
        digestInput.put(entry.naturalKey)
        digestInput.put(previousHashText)
        let leafEntry = digestInput.digests(into: &hashText)

        var row = DirectInsert(insert)
        row.integer(sequence + 1)
        row.bytes(eventIDText)
        row.text(type)
        if personID != nil { row.bytes(personIDText) } else { row.text(nil) }
        row.bytes(payloadBytes)
        row.text(actor)
        row.text(facilityCode)
        row.text(timestamp)
        row.text(entry.naturalKey)
        row.bytes(previousHashText)
        row.bytes(hashText)
        try row.run()
        if entry.naturalKey != nil, db.changesCount == 0 {
            result.skipped += 1
            return
        }
        // After the insert: a skipped duplicate is not validated again (as before), and a failure rolls the
        // whole batch back, the inserted row with it.
        try check(payload, context: context)
        sequence += 1
        try tree.append(leafHash: MerkleHashing.leafHash(entry: leafEntry))
        if hasRecord, let sql = Projection.insertSQL(payload) {
            let statement = try projectionInsert(type, sql)
            var projection = DirectInsert(statement)
            Projection.bindRecord(payload, eventID: eventIDText, sequence: sequence, record: recordBytes,
                                  into: &projection)
            try projection.run()
        } else {
            try Projection.apply(payload, eventID: eventID, sequence: sequence, db)
        }
        switch payload {
        case .frameworkImported(let framework): frameworks.append(framework)
        case .personAdded, .corrected, .transferred, .released, .remissionGranted:
            if let personID { persons[personID] = nil }
        default: break
        }
        appendedCount += 1
        try deferredIndex?.dropIfDue(appended: appendedCount, db)
        if keepsEvents {
            let hash = String(decoding: hashText, as: UTF8.self)
            result.appended.append(LedgerEvent(
                sequence: sequence, id: eventID, type: type, personID: personID, payload: payload, actor: actor,
                facilityCode: facilityCode, recordedAt: recordedAt, naturalKey: entry.naturalKey,
                previousHash: previousHash ?? String(decoding: previousHashText, as: UTF8.self), hash: hash))
            previousHash = hash
        }
        swap(&previousHashText, &hashText)
    }

    private mutating func projectionInsert(_ type: String, _ sql: String) throws -> Statement {
        if let statement = projectionInserts[type] { return statement }
        let statement = try db.makeStatement(sql: sql)
        projectionInserts[type] = statement
        return statement
    }

    /// Validates one entry against the rules and the ledger, naming the entry in the error.
    private mutating func check(_ payload: LedgerPayload, context: () -> String) throws {
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
            let entry = context()
            throw StoreError(error.code, entry.isEmpty ? error.message : "\(entry): \(error.message)")
        } catch let error as DomainError {
            let path = [context(), error.path].filter { !$0.isEmpty }.joined(separator: ", ")
            throw DomainError(error.code, path: path, message: error.message)
        }
    }
}
