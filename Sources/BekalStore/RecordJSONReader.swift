import BekalDomain
import Foundation

/// Reads the projection rows' record JSON (what `RecordJSONWriter` and, before it, `JSONEncoder` wrote) for the
/// portfolio, where `JSONDecoder` was most of the time of reading 1,000 records. Anything it does not expect
/// (an unknown member, a missing one, a malformed value) makes it return `nil`, and the caller falls back to
/// `JSONDecoder`, which reads the record or reports it. Tests check that both read the same values.
enum RecordJSONReader {
    static func read<T>(_ type: T.Type, _ text: String) -> T? {
        var text = text
        return text.withUTF8 { utf8 -> T? in
            var cursor = RecordJSONCursor(utf8)
            let value: Any?
            switch type {
            case is TrainingSession.Type: value = try? training(&cursor)
            case is ProductionEntry.Type: value = try? production(&cursor)
            case is Assessment.Type: value = try? assessment(&cursor)
            case is Certificate.Type: value = try? certificate(&cursor)
            case is Person.Type: value = try? person(&cursor)
            default: return nil
            }
            guard (try? cursor.end()) != nil else { return nil }
            return value as? T
        }
    }

    struct Missing: Error {}

    static func training(_ c: inout RecordJSONCursor) throws -> TrainingSession {
        var id: UUID?, personID: UUID?, date: LocalDate?, hours: Double?, topic: String?, trainer: String?
        try c.object { key, c in
            switch key {
            case "date": date = try day(&c)
            case "hours": hours = try c.double()
            case "id": id = try uuid(&c)
            case "personID": personID = try uuid(&c)
            case "topic": topic = try c.string()
            case "trainer": trainer = try c.string()
            default: throw Missing()
            }
        }
        guard let id, let personID, let date, let hours, let topic, let trainer else { throw Missing() }
        return TrainingSession(id: id, personID: personID, date: date, hours: hours, topic: topic, trainer: trainer)
    }

    static func production(_ c: inout RecordJSONCursor) throws -> ProductionEntry {
        var id: UUID?, personID: UUID?, date: LocalDate?, motif: String?, cap: String?, quantity: Double?
        var unit: ProductionUnit?, grade: QualityGrade?, rework: Int?, rejects: Int?, reason: String?, hours: Double?
        try c.object { key, c in
            switch key {
            case "cap": cap = try c.string()
            case "date": date = try day(&c)
            case "grade": grade = try choice(&c)
            case "hours": hours = try c.double()
            case "id": id = try uuid(&c)
            case "motif": motif = try c.string()
            case "personID": personID = try uuid(&c)
            case "quantity": quantity = try c.double()
            case "rejectReason": reason = c.null() ? nil : try c.string()
            case "rejects": rejects = try c.integer()
            case "rework": rework = try c.integer()
            case "unit": unit = try choice(&c)
            default: throw Missing()
            }
        }
        guard let id, let personID, let date, let motif, let cap, let quantity, let unit, let grade, let rework,
            let rejects, let hours
        else { throw Missing() }
        return ProductionEntry(
            id: id, personID: personID, date: date, motif: motif, cap: cap, quantity: quantity, unit: unit,
            grade: grade, rework: rework, rejects: rejects, rejectReason: reason, hours: hours)
    }

    static func assessment(_ c: inout RecordJSONCursor) throws -> Assessment {
        var id: UUID?, personID: UUID?, frameworkID: String?, frameworkVersion: String?, unitCode: String?
        var outcome: AssessmentOutcome?, assessorName: String?, assessorRole: AssessorRole?
        var method: AssessmentMethod?, date: LocalDate?, evidence: [Evidence]?, notes: String?
        try c.object { key, c in
            switch key {
            case "assessorName": assessorName = try c.string()
            case "assessorRole": assessorRole = try choice(&c)
            case "date": date = try day(&c)
            case "evidence": evidence = try c.array { try self.evidence(&$0) }
            case "frameworkID": frameworkID = try c.string()
            case "frameworkVersion": frameworkVersion = try c.string()
            case "id": id = try uuid(&c)
            case "method": method = try choice(&c)
            case "notes": notes = c.null() ? nil : try c.string()
            case "outcome": outcome = try choice(&c)
            case "personID": personID = try uuid(&c)
            case "unitCode": unitCode = try c.string()
            default: throw Missing()
            }
        }
        guard let id, let personID, let frameworkID, let frameworkVersion, let unitCode, let outcome,
            let assessorName, let assessorRole, let method, let date, let evidence
        else { throw Missing() }
        return Assessment(
            id: id, personID: personID, frameworkID: frameworkID, frameworkVersion: frameworkVersion,
            unitCode: unitCode, outcome: outcome, assessorName: assessorName, assessorRole: assessorRole,
            method: method, date: date, evidence: evidence, notes: notes)
    }

    static func certificate(_ c: inout RecordJSONCursor) throws -> Certificate {
        var id: UUID?, personID: UUID?, issuer: String?, scheme: String?, number: String?, registration: String?
        var issuedOn: LocalDate?, expiresOn: LocalDate?, unitCodes: [String]?, scan: Evidence?
        try c.object { key, c in
            switch key {
            case "expiresOn": expiresOn = try day(&c)
            case "id": id = try uuid(&c)
            case "issuedOn": issuedOn = try day(&c)
            case "issuer": issuer = try c.string()
            case "number": number = try c.string()
            case "personID": personID = try uuid(&c)
            case "registrationNumber": registration = c.null() ? nil : try c.string()
            case "scan": scan = c.null() ? nil : try evidence(&c)
            case "scheme": scheme = try c.string()
            case "unitCodes": unitCodes = try c.array { try $0.string() }
            default: throw Missing()
            }
        }
        guard let id, let personID, let issuer, let scheme, let number, let issuedOn, let expiresOn, let unitCodes
        else { throw Missing() }
        return Certificate(
            id: id, personID: personID, issuer: issuer, scheme: scheme, number: number,
            registrationNumber: registration, issuedOn: issuedOn, expiresOn: expiresOn, unitCodes: unitCodes,
            scan: scan)
    }

    static func person(_ c: inout RecordJSONCursor) throws -> Person {
        var id: UUID?, registerNumber: RegisterNumber?, fullName: PersonName?, birthDate: LocalDate?
        var admissionDate: LocalDate?, expectedReleaseDate: LocalDate?, status: PersonStatus?, facilityCode: String?
        try c.object { key, c in
            switch key {
            case "admissionDate": admissionDate = try day(&c)
            case "birthDate": birthDate = c.null() ? nil : try day(&c)
            case "expectedReleaseDate": expectedReleaseDate = try day(&c)
            case "facilityCode": facilityCode = try c.string()
            // The same checks as their decoders: non-empty after trimming.
            case "fullName": fullName = PersonName(try c.string())
            case "id": id = try uuid(&c)
            case "registerNumber": registerNumber = RegisterNumber(try c.string())
            case "status": status = try choice(&c)
            default: throw Missing()
            }
        }
        guard let id, let registerNumber, let fullName, let admissionDate, let expectedReleaseDate, let status,
            let facilityCode
        else { throw Missing() }
        return Person(
            id: id, registerNumber: registerNumber, fullName: fullName, birthDate: birthDate,
            admissionDate: admissionDate, expectedReleaseDate: expectedReleaseDate, status: status,
            facilityCode: facilityCode)
    }

    static func evidence(_ c: inout RecordJSONCursor) throws -> Evidence {
        var sha256: String?, mediaType: String?, description: String?, byteCount: Int?
        try c.object { key, c in
            switch key {
            case "byteCount": byteCount = try c.integer()
            case "description": description = try c.string()
            case "mediaType": mediaType = try c.string()
            case "sha256": sha256 = try c.string()
            default: throw Missing()
            }
        }
        guard let sha256, let mediaType, let description, let byteCount else { throw Missing() }
        return Evidence(sha256: sha256, mediaType: mediaType, description: description, byteCount: byteCount)
    }

    private static func uuid(_ c: inout RecordJSONCursor) throws -> UUID {
        var text = try c.string()
        guard let id = text.withUTF8(parseUUID) ?? UUID(uuidString: text) else { throw Missing() }
        return id
    }

    /// The 8-4-4-4-12 hex form in either case; `nil` for anything else (`UUID(uuidString:)` then decides).
    private static func parseUUID(_ utf8: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard utf8.count == 36 else { return nil }
        var id: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &id) { raw -> Bool in
            var index = 0
            var high: UInt8? = nil
            for (offset, byte) in utf8.enumerated() {
                if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                    guard byte == UInt8(ascii: "-") else { return false }
                    continue
                }
                let nibble: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
                default: return false
                }
                if let first = high {
                    raw[index] = first << 4 | nibble
                    index += 1
                    high = nil
                } else {
                    high = nibble
                }
            }
            return index == 16
        }
        return valid ? UUID(uuid: id) : nil
    }

    private static func day(_ c: inout RecordJSONCursor) throws -> LocalDate {
        guard let date = LocalDate(try c.string()) else { throw Missing() }
        return date
    }

    private static func choice<T: RawRepresentable>(_ c: inout RecordJSONCursor) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try c.string()) else { throw Missing() }
        return value
    }
}
