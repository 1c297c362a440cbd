import BekalDomain
import Foundation
import GRDB
import Logging

extension Ledger {
    /// Everything recorded about one person, corrections applied and retractions removed, against the framework
    /// imported last.
    ///
    /// - Parameter reference: a register number or the internal UUID.
    /// - Throws: `StoreError.notFound` for an unknown person or when no framework was imported.
    public func portfolio(of reference: PersonReference) throws -> Portfolio {
        try read { db in try Ledger.portfolios(of: [reference], db)[0] }
    }

    /// The portfolios of several people in one read: one state of the ledger, and the facility and framework
    /// read once (the readiness list of everyone due reads hundreds of portfolios per page).
    /// - Throws: `StoreError(.notFound)` for any unknown person, as `portfolio(of:)`.
    public func portfolios(of references: [PersonReference]) throws -> [Portfolio] {
        try read { db in try Ledger.portfolios(of: references, db) }
    }

    static func portfolios(of references: [PersonReference], _ db: Database) throws -> [Portfolio] {
        guard let facility = try Ledger.facility(db) else {
            throw StoreError(.notInitialized, "the ledger has no facility")
        }
        guard let framework = try Ledger.frameworks(db).last else {
            throw StoreError(.notFound, "no competency framework imported; run `bekal framework import`")
        }
        return try references.map { reference in
            let person = try Ledger.person(reference, db)
            let id = Projection.key(person.id)
            func records<T: Decodable>(_ type: T.Type, _ sql: String) throws -> [T] {
                try String.fetchAll(db.cachedStatement(sql: sql), arguments: [id]).map {
                    try PayloadCoding.decodeRecord(type, $0)
                }
            }
            return Portfolio(
                person: person, facility: facility, framework: framework,
                assessments: try records(
                    Assessment.self, "SELECT json FROM assessment WHERE person_id = ? ORDER BY date, sequence"),
                certificates: try records(
                    Certificate.self, "SELECT json FROM certificate WHERE person_id = ? ORDER BY issued_on, sequence"),
                training: try records(
                    TrainingSession.self, "SELECT json FROM training WHERE person_id = ? ORDER BY date, sequence"),
                production: try records(
                    ProductionEntry.self, "SELECT json FROM production WHERE person_id = ? ORDER BY date, sequence"),
                revokedRecordIDs: try Ledger.revokedRecordIDs(personKey: id, db))
        }
    }

    /// The records of one person whose exported credential (`urn:uuid:<record id>`) was revoked.
    static func revokedRecordIDs(personKey: String, _ db: Database) throws -> Set<UUID> {
        let ids = try String.fetchAll(db.cachedStatement(sql: """
            SELECT r.credential_id FROM revocation r JOIN status_allocation s ON s.credential_id = r.credential_id
            WHERE s.person_id = ?
            """), arguments: [personKey])
        return Set(ids.compactMap { $0.hasPrefix("urn:uuid:") ? UUID(uuidString: String($0.dropFirst(9))) : nil })
    }

    /// A person's current verification code, if one was issued.
    public func verificationCode(of personID: UUID) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT code FROM verification_code WHERE person_id = ?",
                                arguments: [Projection.key(personID)])
        }
    }

    /// One person, by register number or id.
    public func person(_ reference: PersonReference) throws -> Person {
        try read { db in try Ledger.person(reference, db) }
    }

    /// Persons, optionally only those with a status, ordered by expected release date.
    public func persons(status: PersonStatus?) throws -> [Person] {
        try read { db in
            let rows: [Row]
            if let status {
                rows = try Row.fetchAll(db, sql: """
                    SELECT json, status, facility_code, expected_release_date, left_on FROM person WHERE status = ?
                    ORDER BY expected_release_date, id
                    """, arguments: [status.rawValue])
            } else {
                rows = try Row.fetchAll(db, sql: """
                    SELECT json, status, facility_code, expected_release_date, left_on FROM person ORDER BY expected_release_date, id
                    """)
            }
            return try rows.map(Ledger.person(from:))
        }
    }

    /// Persons whose name or register number contains `text` (ignoring case and diacritics), optionally only
    /// those with a status, ordered by expected release date.
    public func persons(matching text: String, status: PersonStatus?) throws -> [Person] {
        let needle = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let all = try persons(status: status)
        guard !needle.isEmpty else { return all }
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        return all.filter {
            $0.fullName.rawValue.range(of: needle, options: options) != nil
                || $0.registerNumber.rawValue.range(of: needle, options: options) != nil
        }
    }

    /// Every event about one person, in ledger order: their records, corrections of them, movements, and the
    /// revocations of credentials exported for them.
    public func events(about personID: UUID) throws -> [LedgerEvent] {
        try read { db in
            let key = Projection.key(personID)
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM ledger_event WHERE person_id = ?
                UNION
                SELECT e.* FROM revocation r
                    JOIN status_allocation s ON s.credential_id = r.credential_id
                    JOIN ledger_event e ON e.event_id = r.event_id
                    WHERE s.person_id = ?
                ORDER BY sequence
                """, arguments: [key, key])
            return try rows.map(Ledger.event(from:))
        }
    }

    /// The facility recorded by `bekal init`.
    public func facility() throws -> Facility {
        try read { db in
            guard let facility = try Ledger.facility(db) else {
                throw StoreError(.notInitialized, "the ledger has no facility")
            }
            return facility
        }
    }

    /// Every imported framework version, oldest import first.
    public func frameworks() throws -> [CompetencyFramework] {
        try read { db in try Ledger.frameworks(db) }
    }

    /// Revoked credential ids with the reason of each.
    public func revokedCredentialIDs() throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT credential_id, reason FROM revocation") {
                result[row["credential_id"]] = row["reason"]
            }
            return result
        }
    }

    /// Events in chain order, starting after `sequence` (from the first when `nil`), at most `limit`.
    public func events(after sequence: Int64?, limit: Int) throws -> [LedgerEvent] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM ledger_event WHERE sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [sequence ?? 0, max(0, limit)])
            return try rows.map(Ledger.event(from:))
        }
    }

    /// One event by its id.
    public func event(id: UUID) throws -> LedgerEvent {
        try read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM ledger_event WHERE event_id = ?", arguments: [Projection.key(id)])
            else { throw StoreError(.notFound, "no event with this id") }
            return try Ledger.event(from: row)
        }
    }

    /// The event that recorded the record (person, assessment, certificate, training or production) with this
    /// record id, as `portfolio --json` and `readiness --json` show it; a corrected record is still found by its
    /// first event, which corrections name. `nil` when no record in effect has the id (none, or retracted).
    public func recordingEvent(recordID: UUID) throws -> LedgerEvent? {
        try read { db in
            // Records are stored with their id in upper case (RecordJSONWriter); the person table keys by id.
            let upper = recordID.uuidString.uppercased()
            guard let eventID = try String.fetchOne(db, sql: """
                SELECT event_id FROM assessment WHERE json_extract(json, '$.id') = ?1
                UNION ALL SELECT event_id FROM certificate WHERE json_extract(json, '$.id') = ?1
                UNION ALL SELECT event_id FROM training WHERE json_extract(json, '$.id') = ?1
                UNION ALL SELECT event_id FROM production WHERE json_extract(json, '$.id') = ?1
                UNION ALL SELECT event_id FROM person WHERE id = ?2
                LIMIT 1
                """, arguments: [upper, Projection.key(recordID)])
            else { return nil }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM ledger_event WHERE event_id = ?", arguments: [eventID])
            else { return nil }
            return try Ledger.event(from: row)
        }
    }

    /// The number of events in the ledger.
    public func eventCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger_event") ?? 0 }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try Ledger.mapErrors { try writer.read { db in try body(db) } }
        } catch let error as StoreError where LedgerFileCheck.isDamage(error) {
            markDamaged()
            throw error
        }
    }

    /// Leaves the damage marker beside a file-backed ledger (see `LedgerFileCheck`).
    func markDamaged() {
        guard let home else { return }
        LedgerFileCheck.markDamaged(home.appendingPathComponent(Ledger.databaseFileName))
        logger.error("ledger file damaged; closed for writing")
    }

    // MARK: Row decoding

    static func person(_ reference: PersonReference, _ db: Database) throws -> Person {
        let row: Row?
        switch reference {
        case .id(let id):
            row = try Row.fetchOne(db, sql: "SELECT json, status, facility_code, expected_release_date, left_on FROM person WHERE id = ?",
                                   arguments: [Projection.key(id)])
        case .registerNumber(let number):
            row = try Row.fetchOne(
                db, sql: "SELECT json, status, facility_code, expected_release_date, left_on FROM person WHERE register_number = ?",
                arguments: [number.rawValue])
        }
        guard let row else { throw StoreError(.notFound, "unknown person") }
        return try person(from: row)
    }

    static func person(from row: Row) throws -> Person {
        var person = try PayloadCoding.decodeRecord(Person.self, row["json"])
        guard let status = PersonStatus(rawValue: row["status"]) else {
            throw StoreError(.corrupted, "a person row has an unknown status")
        }
        person.status = status
        person.facilityCode = row["facility_code"]
        try Projection.applyColumns(row, to: &person)
        return person
    }

    static func facility(_ db: Database) throws -> Facility? {
        try Row.fetchOne(db, sql: "SELECT code, name FROM facility LIMIT 1").map {
            Facility(code: $0["code"], name: $0["name"])
        }
    }

    static func frameworks(_ db: Database) throws -> [CompetencyFramework] {
        try String.fetchAll(db, sql: "SELECT json FROM framework ORDER BY sequence").map { json in
            if let known = FrameworkCache.shared.framework(json) { return known }
            let framework = try PayloadCoding.decodeRecord(CompetencyFramework.self, json)
            FrameworkCache.shared.keep(framework, for: json)
            return framework
        }
    }

    static func event(from row: Row) throws -> LedgerEvent {
        let sequence: Int64 = row["sequence"]
        guard let id = UUID(uuidString: row["event_id"]),
            let recordedAt = PayloadCoding.date(fromTimestamp: row["recorded_at"])
        else { throw StoreError(.corrupted, "event \(sequence) has a malformed id or time") }
        let personID: String? = row["person_id"]
        return LedgerEvent(
            sequence: sequence, id: id, type: row["type"], personID: personID.flatMap(UUID.init(uuidString:)),
            payload: try PayloadCoding.decode(row["payload"], sequence: sequence), actor: row["actor"],
            facilityCode: row["facility_code"], recordedAt: recordedAt, naturalKey: row["natural_key"],
            previousHash: row["prev_hash"], hash: row["hash"])
    }
}
