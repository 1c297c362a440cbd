import BekalDomain
import Foundation
import GRDB

/// Keeps the query tables in step with the ledger. `check` runs before an append and refuses events that would
/// contradict the ledger (unknown person or unit, duplicate register number); `apply` runs in the same
/// transaction, right after the append, and during a rebuild.
enum Projection {
    // MARK: Checks

    /// - Parameter frameworks: the imported frameworks, loaded once per batch by the caller.
    /// - Parameter person: the person the payload is about as the ledger holds them, `nil` if unknown.
    static func check(
        _ payload: LedgerPayload, recordedAt: Date, frameworks: [CompetencyFramework], person: Person?,
        _ db: Database
    ) throws {
        let context = RecordContext(
            today: FacilityCalendar.day(of: recordedAt), person: person, frameworks: frameworks)
        try RecordValidation.require(payload, in: context)
        switch payload {
        case .facilityInitialized:
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM facility") ?? 0 > 0 {
                throw StoreError(.alreadyInitialized, "the ledger already has a facility")
            }
        case .personAdded(let person):
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE register_number = ?",
                                 arguments: [person.registerNumber.rawValue]) == true {
                throw StoreError(.conflict, "a person with this register number is already recorded")
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [key(person.id)]) == true {
                throw StoreError(.conflict, "a person with this id is already recorded")
            }
        case .frameworkImported(let framework):
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM framework WHERE id = ? AND version = ?",
                                 arguments: [framework.id, framework.version]) == true {
                throw StoreError(.conflict, "framework \(framework.id) version \(framework.version) is already imported")
            }
        case .assessmentRecorded(let assessment):
            try requirePerson(assessment.personID, known: person, db)
            let framework = frameworks.first {
                $0.id == assessment.frameworkID && $0.version == assessment.frameworkVersion
            }
            guard let framework else {
                throw StoreError(.notFound, "unknown framework \(assessment.frameworkID) version \(assessment.frameworkVersion)")
            }
            guard framework.unit(code: assessment.unitCode) != nil else {
                throw StoreError(.notFound, "unknown unit \(assessment.unitCode) in framework \(framework.id)")
            }
        case .certificateRecorded(let certificate):
            try requirePerson(certificate.personID, known: person, db)
            // The units a certificate covers are units of the framework in use (the one imported last).
            if !certificate.unitCodes.isEmpty, let framework = frameworks.last {
                for code in certificate.unitCodes where framework.unit(code: code) == nil {
                    throw StoreError(.notFound, "unit \(code) is not in framework \(framework.id) \(framework.version)")
                }
            }
            if certificate.expiresOn < certificate.issuedOn {
                throw StoreError(.invalidInput, "the certificate expires before it was issued")
            }
        case .trainingRecorded(let training):
            try requirePerson(training.personID, known: person, db)
        case .productionRecorded(let production):
            try requirePerson(production.personID, known: person, db)
        case .transferred(let transfer):
            try requireActive(transfer.personID, db)
        case .released(let release):
            try requireActive(release.personID, db)
        case .corrected(let correction):
            try checkCorrection(correction, recordedAt: recordedAt, frameworks: frameworks, person: person, db)
        case .credentialRevoked(let revocation):
            try checkRevocation(revocation, db)
        case .privacyBudgetSpent:
            break
        case .remissionGranted(let remission):
            try requireActive(remission.personID, db)
        case .evidenceAttached(let attachment):
            try requirePerson(attachment.personID, known: person, db)
            let owner = try String.fetchOne(
                db, sql: "SELECT person_id FROM assessment WHERE event_id = ?",
                arguments: [key(attachment.assessmentEventID)])
            guard let owner else { throw StoreError(.notFound, "no assessment in effect with this event id") }
            guard owner == key(attachment.personID) else {
                throw StoreError(.conflict, "the assessment is about another person")
            }
        case .verificationCodeIssued(let issue):
            try requirePerson(issue.personID, known: person, db)
        case .account(let event):
            try AccountProjection.check(event, db)
        }
    }

    private static func checkCorrection(
        _ correction: Correction, recordedAt: Date, frameworks: [CompetencyFramework], person: Person?,
        _ db: Database
    ) throws {
        let target = try Row.fetchOne(
            db, sql: "SELECT type, person_id FROM ledger_event WHERE event_id = ?",
            arguments: [key(correction.correctedEventID)])
        guard let target else { throw StoreError(.notFound, "no event with this id to correct") }
        let type: String = target["type"]
        guard let table = recordTable(forType: type) else {
            throw StoreError(.conflict, "events of type \(type) cannot be corrected")
        }
        let present = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM \(table) WHERE event_id = ?", arguments: [key(correction.correctedEventID)])
        guard present == true else { throw StoreError(.conflict, "the event was already retracted") }
        if let replacement = correction.replacement {
            guard replacement.kind == type else {
                throw StoreError(.conflict, "a correction must replace a \(type) with a record of the same kind")
            }
            guard replacement.personID?.uuidString.lowercased() == (target["person_id"] as String?) else {
                throw StoreError(.conflict, "a correction cannot move a record to another person")
            }
            if case .assessmentRecorded = replacement {
                try check(replacement, recordedAt: recordedAt, frameworks: frameworks, person: person, db)
            }
        } else if type == "person.added" {
            throw StoreError(.conflict, "a person cannot be retracted; correct the record instead")
        }
    }

    /// - Parameter known: the person the caller already read from the person table, if any; a match saves
    ///   the query (a person row is never deleted).
    private static func requirePerson(_ id: UUID, known: Person?, _ db: Database) throws {
        if known?.id == id { return }
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM person WHERE id = ?")
        guard try Bool.fetchOne(statement, arguments: [key(id)]) == true else {
            throw StoreError(.notFound, "unknown person")
        }
    }

    private static func requireActive(_ id: UUID, _ db: Database) throws {
        let status = try String.fetchOne(db, sql: "SELECT status FROM person WHERE id = ?", arguments: [key(id)])
        guard let status else { throw StoreError(.notFound, "unknown person") }
        guard status == PersonStatus.active.rawValue else {
            throw StoreError(.conflict, "the person is no longer active (\(status))")
        }
    }

    // MARK: Apply

    /// - Parameter record: the record's JSON when the caller has it already (the append wrote it with the
    ///   payload); otherwise it is written here.
    static func apply(
        _ payload: LedgerPayload, eventID: UUID, sequence: Int64, record: String? = nil, _ db: Database
    ) throws {
        switch payload {
        case .facilityInitialized(let facility):
            try db.execute(sql: "INSERT INTO facility (code, name) VALUES (?, ?)",
                           arguments: [facility.code, facility.name])
        case .frameworkImported(let framework):
            try db.execute(sql: "INSERT INTO framework (id, version, sequence, json) VALUES (?, ?, ?, ?)",
                           arguments: [framework.id, framework.version, sequence,
                                       try PayloadCoding.encodeRecord(framework)])
        case .transferred, .released:
            try applyMovement(payload, db)
        case .remissionGranted(let remission):
            try db.execute(sql: "UPDATE person SET expected_release_date = ? WHERE id = ?",
                           arguments: [remission.newReleaseDate.description, key(remission.personID)])
        case .evidenceAttached(let attachment):
            try attach(attachment.evidence, toAssessment: attachment.assessmentEventID, db)
        case .verificationCodeIssued(let issue):
            try db.execute(sql: """
                INSERT OR REPLACE INTO verification_code (person_id, code, event_id) VALUES (?, ?, ?)
                """, arguments: [key(issue.personID), issue.code, key(eventID)])
        case .account(let event):
            try AccountProjection.apply(event, eventID: eventID, db)
        case .credentialRevoked(let revocation):
            try db.execute(sql: "INSERT OR REPLACE INTO revocation (credential_id, reason, event_id) VALUES (?, ?, ?)",
                           arguments: [revocation.credentialID, revocation.reason, key(eventID)])
        case .corrected(let correction):
            try applyCorrection(correction, sequence: sequence, db)
        case .privacyBudgetSpent:
            break  // read from the ledger itself (`Ledger.privacyBudgetSpends`)
        case .personAdded, .assessmentRecorded, .certificateRecorded, .trainingRecorded, .productionRecorded:
            try insertRecord(payload, eventID: eventID, sequence: sequence, record: record, db)
        }
    }

    private static func applyCorrection(_ correction: Correction, sequence correctionSequence: Int64, _ db: Database)
        throws
    {
        let target = key(correction.correctedEventID)
        let row = try Row.fetchOne(db, sql: "SELECT type, sequence FROM ledger_event WHERE event_id = ?",
                                   arguments: [target])
        guard let row, let table = recordTable(forType: row["type"]) else { return }
        if let replacement = correction.replacement {
            if case .personAdded(let person) = replacement {
                // Keep the status and facility that later events set; replace the recorded facts. The expected
                // release date moves only when the correction changes the recorded one: a remisi granted since
                // moved the column, not the record, and a correction of the name must not undo it.
                try db.execute(sql: """
                    UPDATE person SET register_number = ?, admission_date = ?,
                        expected_release_date = CASE WHEN json_extract(json, '$.expectedReleaseDate') = ?
                            THEN expected_release_date ELSE ? END,
                        json = ?
                    WHERE event_id = ?
                    """, arguments: [person.registerNumber.rawValue, person.admissionDate.description,
                                     person.expectedReleaseDate.description, person.expectedReleaseDate.description,
                                     try PayloadCoding.encodeRecord(person), target])
                return
            }
            try db.execute(sql: "DELETE FROM \(table) WHERE event_id = ?", arguments: [target])
            try insertRecord(replacement, eventID: correction.correctedEventID, sequence: row["sequence"], db)
            if case .assessmentRecorded(let assessment) = replacement {
                // Evidence attached before this correction still backs the corrected assessment.
                let attached = try Row.fetchAll(db, sql: """
                    SELECT sequence, payload FROM ledger_event
                    WHERE person_id = ? AND type = 'evidence.attached' AND sequence < ? ORDER BY sequence
                    """, arguments: [key(assessment.personID), correctionSequence])
                for attachment in attached {
                    let payload = try PayloadCoding.decode(attachment["payload"], sequence: attachment["sequence"])
                    if case .evidenceAttached(let files) = payload, files.assessmentEventID == correction.correctedEventID {
                        try attach(files.evidence, toAssessment: correction.correctedEventID, db)
                    }
                }
            }
        } else {
            try db.execute(sql: "DELETE FROM \(table) WHERE event_id = ?", arguments: [target])
        }
    }

    private static func insertRecord(
        _ payload: LedgerPayload, eventID: UUID, sequence: Int64, record: String? = nil, _ db: Database
    ) throws {
        guard let sql = insertSQL(payload) else { return }
        guard let json = try record ?? PayloadCoding.encodeWithRecord(payload).record else { return }
        var row = DirectInsert(try db.cachedStatement(sql: sql))
        var id: [UInt8] = []
        UUIDText.append(eventID, uppercase: false, to: &id)
        bindRecord(payload, eventID: id, sequence: sequence, record: Array(json.utf8), into: &row)
        try row.run()
    }

    /// The INSERT of a record kind's projection row, `nil` for kinds without one.
    static func insertSQL(_ payload: LedgerPayload) -> String? {
        switch payload {
        case .personAdded: """
            INSERT INTO person (id, event_id, register_number, admission_date, expected_release_date, status,
                                facility_code, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        case .assessmentRecorded: """
            INSERT INTO assessment (event_id, person_id, framework_id, framework_version, unit_code, outcome,
                                    date, sequence, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        case .certificateRecorded: """
            INSERT INTO certificate (event_id, person_id, issued_on, expires_on, sequence, json)
            VALUES (?, ?, ?, ?, ?, ?)
            """
        case .trainingRecorded:
            "INSERT INTO training (event_id, person_id, date, hours, sequence, json) VALUES (?, ?, ?, ?, ?, ?)"
        case .productionRecorded:
            "INSERT INTO production (event_id, person_id, date, quantity, sequence, json) VALUES (?, ?, ?, ?, ?, ?)"
        default: nil
        }
    }

    /// Binds a projection row to the statement of `insertSQL(payload)`.
    /// - Parameters:
    ///   - eventID: the event id as stored (lowercase UUID text).
    ///   - record: the record's JSON.
    static func bindRecord(
        _ payload: LedgerPayload, eventID: [UInt8], sequence: Int64, record: [UInt8], into row: inout DirectInsert
    ) {
        switch payload {
        case .personAdded(let p):
            row.text(key(p.id))
            row.bytes(eventID)
            row.text(p.registerNumber.rawValue)
            row.text(p.admissionDate.description)
            row.text(p.expectedReleaseDate.description)
            row.text(p.status.rawValue)
            row.text(p.facilityCode)
            row.bytes(record)
        case .assessmentRecorded(let a):
            row.bytes(eventID)
            row.uuid(a.personID)
            row.text(a.frameworkID)
            row.text(a.frameworkVersion)
            row.text(a.unitCode)
            row.text(a.outcome.rawValue)
            row.text(a.date.description)
            row.integer(sequence)
            row.bytes(record)
        case .certificateRecorded(let c):
            row.bytes(eventID)
            row.uuid(c.personID)
            row.text(c.issuedOn.description)
            row.text(c.expiresOn.description)
            row.integer(sequence)
            row.bytes(record)
        case .trainingRecorded(let t):
            row.bytes(eventID)
            row.uuid(t.personID)
            row.text(t.date.description)
            row.real(t.hours)
            row.integer(sequence)
            row.bytes(record)
        case .productionRecorded(let p):
            row.bytes(eventID)
            row.uuid(p.personID)
            row.text(p.date.description)
            row.real(p.quantity)
            row.integer(sequence)
            row.bytes(record)
        default:
            break
        }
    }

    /// The projection table that holds records of an event type, for the types a correction may name.
    static func recordTable(forType type: String) -> String? {
        switch type {
        case "person.added": "person"
        case "assessment.recorded": "assessment"
        case "certificate.recorded": "certificate"
        case "training.recorded": "training"
        case "production.recorded": "production"
        default: nil
        }
    }

    /// The person as stored (status and facility as recorded at admission; the expected release date and the
    /// day they left as they are now), `nil` if unknown.
    static func storedPerson(_ id: UUID, _ db: Database) throws -> Person? {
        let statement = try db.cachedStatement(
            sql: "SELECT json, expected_release_date, left_on FROM person WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [key(id)]) else { return nil }
        var person = try PayloadCoding.decodeRecord(Person.self, row["json"])
        try applyColumns(row, to: &person)
        return person
    }

    /// The facts later events change, kept in columns: the expected release date (remisi, corrections) and the
    /// day the person left.
    static func applyColumns(_ row: Row, to person: inout Person) throws {
        guard let expected = LocalDate(row["expected_release_date"] as String) else {
            throw StoreError(.corrupted, "a person row has a malformed expected release date")
        }
        person.expectedReleaseDate = expected
        let left: String? = row["left_on"]
        person.leftOn = left.flatMap(LocalDate.init)
    }

    /// A release or transfer: the person's status, facility and the day they left.
    static func applyMovement(_ payload: LedgerPayload, _ db: Database) throws {
        switch payload {
        case .transferred(let transfer):
            try db.execute(
                sql: "UPDATE person SET status = 'transferred', facility_code = ?, left_on = ? WHERE id = ?",
                arguments: [transfer.toFacility, transfer.date.description, key(transfer.personID)])
        case .released(let release):
            try db.execute(sql: "UPDATE person SET status = 'released', left_on = ? WHERE id = ?",
                           arguments: [release.date.description, key(release.personID)])
        default:
            break
        }
    }

    /// Adds evidence files to an assessment in effect (its row's record), each file once.
    static func attach(_ evidence: [Evidence], toAssessment eventID: UUID, _ db: Database) throws {
        guard let json = try String.fetchOne(
            db, sql: "SELECT json FROM assessment WHERE event_id = ?", arguments: [key(eventID)])
        else { return }
        var assessment = try PayloadCoding.decodeRecord(Assessment.self, json)
        for file in evidence where !assessment.evidence.contains(where: { $0.sha256 == file.sha256 }) {
            assessment.evidence.append(file)
        }
        try db.execute(sql: "UPDATE assessment SET json = ? WHERE event_id = ?",
                       arguments: [try PayloadCoding.encodeRecord(assessment), key(eventID)])
    }

    /// UUIDs are stored lowercase, the form `UUID.uuidString` does not give.
    static func key(_ id: UUID) -> String { UUIDText.lowercase(id) }
}
