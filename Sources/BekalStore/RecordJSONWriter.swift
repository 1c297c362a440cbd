import BekalDomain
import Foundation

/// Writes the frequent record kinds as JSON byte for byte the way `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes them (keys in sorted order, absent optionals left out, `Double`s in their
/// shortest round-trip form without a trailing `.0`, UUIDs uppercase), at a fraction of the cost: an import
/// writes every record twice (payload and projection row), and `JSONEncoder` was the largest share of it.
///
/// Tests compare its output with `JSONEncoder`'s for every kind, so stored bytes and hashes stay as before.
struct RecordJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Set when a value has no JSON form (a non-finite number); the caller then defers to `JSONEncoder`,
    /// which reports it.
    private(set) var failed = false

    init() { bytes.reserveCapacity(384) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON of a payload, or `nil` for kinds left to `JSONEncoder` (rare ones: facility, framework,
    /// transfer, release, correction, revocation).
    static func payload(_ payload: LedgerPayload) -> (payload: String, record: String)? {
        var payloadBytes: [UInt8] = []
        var recordBytes: [UInt8] = []
        guard write(payload, payload: &payloadBytes, record: &recordBytes) else { return nil }
        return (String(decoding: payloadBytes, as: UTF8.self), String(decoding: recordBytes, as: UTF8.self))
    }

    /// Writes a payload's JSON and its record's JSON into the two buffers (replacing their contents, keeping
    /// their capacity), for the bulk append; `false` for kinds left to `JSONEncoder`, as `payload(_:)`.
    static func write(_ payload: LedgerPayload, payload out: inout [UInt8], record: inout [UInt8]) -> Bool {
        var writer = RecordJSONWriter(reusing: &record)
        let caseName: StaticString
        switch payload {
        case .personAdded(let p): caseName = "personAdded"; writer.person(p)
        case .assessmentRecorded(let a): caseName = "assessmentRecorded"; writer.assessment(a)
        case .certificateRecorded(let c): caseName = "certificateRecorded"; writer.certificate(c)
        case .trainingRecorded(let t): caseName = "trainingRecorded"; writer.training(t)
        case .productionRecorded(let p): caseName = "productionRecorded"; writer.production(p)
        default:
            swap(&record, &writer.bytes)
            return false
        }
        swap(&record, &writer.bytes)
        guard !writer.failed else { return false }
        var outer = RecordJSONWriter(reusing: &out)
        outer.raw("{\"")
        outer.raw(caseName)
        outer.raw("\":{\"_0\":")
        outer.bytes.append(contentsOf: record)
        outer.raw("}}")
        swap(&out, &outer.bytes)
        return true
    }

    /// A writer that takes over `buffer`'s storage (emptied, capacity kept); the caller swaps it back.
    private init(reusing buffer: inout [UInt8]) {
        swap(&bytes, &buffer)
        bytes.removeAll(keepingCapacity: true)
        if bytes.capacity < 384 { bytes.reserveCapacity(384) }
    }

    // MARK: Records (keys in sorted order)

    mutating func person(_ p: Person) {
        key("admissionDate", first: true); date(p.admissionDate)
        if let birth = p.birthDate { key("birthDate"); date(birth) }
        key("expectedReleaseDate"); date(p.expectedReleaseDate)
        key("facilityCode"); string(p.facilityCode)
        key("fullName"); string(p.fullName.rawValue)
        key("id"); uuid(p.id)
        key("registerNumber"); string(p.registerNumber.rawValue)
        key("status"); string(p.status.rawValue)
        raw("}")
    }

    mutating func assessment(_ a: Assessment) {
        key("assessorName", first: true); string(a.assessorName)
        key("assessorRole"); string(a.assessorRole.rawValue)
        key("date"); date(a.date)
        key("evidence"); raw("[")
        for (index, evidence) in a.evidence.enumerated() {
            if index > 0 { raw(",") }
            self.evidence(evidence)
        }
        raw("]")
        key("frameworkID"); string(a.frameworkID)
        key("frameworkVersion"); string(a.frameworkVersion)
        key("id"); uuid(a.id)
        key("method"); string(a.method.rawValue)
        if let notes = a.notes { key("notes"); string(notes) }
        key("outcome"); string(a.outcome.rawValue)
        key("personID"); uuid(a.personID)
        key("unitCode"); string(a.unitCode)
        raw("}")
    }

    mutating func evidence(_ e: Evidence) {
        key("byteCount", first: true); integer(e.byteCount)
        key("description"); string(e.description)
        key("mediaType"); string(e.mediaType)
        key("sha256"); string(e.sha256)
        raw("}")
    }

    mutating func certificate(_ c: Certificate) {
        key("expiresOn", first: true); date(c.expiresOn)
        key("id"); uuid(c.id)
        key("issuedOn"); date(c.issuedOn)
        key("issuer"); string(c.issuer)
        key("number"); string(c.number)
        key("personID"); uuid(c.personID)
        if let registration = c.registrationNumber { key("registrationNumber"); string(registration) }
        if let scan = c.scan { key("scan"); evidence(scan) }
        key("scheme"); string(c.scheme)
        key("unitCodes"); raw("[")
        for (index, code) in c.unitCodes.enumerated() {
            if index > 0 { raw(",") }
            string(code)
        }
        raw("]}")
    }

    mutating func training(_ t: TrainingSession) {
        key("date", first: true); date(t.date)
        key("hours"); number(t.hours)
        key("id"); uuid(t.id)
        key("personID"); uuid(t.personID)
        key("topic"); string(t.topic)
        key("trainer"); string(t.trainer)
        raw("}")
    }

    mutating func production(_ p: ProductionEntry) {
        key("cap", first: true); string(p.cap)
        key("date"); date(p.date)
        key("grade"); string(p.grade.rawValue)
        key("hours"); number(p.hours)
        key("id"); uuid(p.id)
        key("motif"); string(p.motif)
        key("personID"); uuid(p.personID)
        key("quantity"); number(p.quantity)
        if let reason = p.rejectReason { key("rejectReason"); string(reason) }
        key("rejects"); integer(p.rejects)
        key("rework"); integer(p.rework)
        key("unit"); string(p.unit.rawValue)
        raw("}")
    }

    // MARK: Values

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `{"name":` for the first key of an object, `,"name":` after it. Keys here need no escaping.
    private mutating func key(_ name: StaticString, first: Bool = false) {
        bytes.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0..<0x20:
                    raw("\\u00")
                    bytes.append(RecordJSONWriter.hexDigits[Int(byte >> 4)])
                    bytes.append(RecordJSONWriter.hexDigits[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func uuid(_ id: UUID) {
        bytes.append(UInt8(ascii: "\""))
        UUIDText.append(id, uppercase: true, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func date(_ day: LocalDate) {
        bytes.append(UInt8(ascii: "\""))
        digits(day.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(day.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day.day, width: 2)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Zero-padded decimal of a non-negative value (LocalDate keeps years in 1...9999).
    private mutating func digits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `JSONEncoder`'s form: Swift's shortest round-trip `description` without a trailing `.0`.
    private mutating func number(_ value: Double) {
        guard value.isFinite else {
            failed = true
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
            if value == 0, value.sign == .minus { bytes.insert(UInt8(ascii: "-"), at: bytes.count - 1) }
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }
}
