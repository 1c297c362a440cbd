import BekalDomain
import Crypto
import Foundation
import GRDB

/// Turns the rows of a counselor's spreadsheet into ledger entries, each with a natural key (SHA-256 of the
/// kind and the normalized row) so that importing the same file twice records nothing twice.
public struct CSVImport: Sendable {
    /// The kind of record the file holds; every row is read as one.
    public var kind: ImportKind
    /// Ids of the persons known to the ledger, by register number and by id (lowercase text).
    var persons: [String: UUID]
    var frameworks: [CompetencyFramework]
    var facilityCode: String

    /// Prepares an import against the current state of the ledger.
    public init(kind: ImportKind, ledger: Ledger) throws {
        self.kind = kind
        // Only the two keys, not the whole person: a facility has tens of thousands, and every import reads them.
        self.persons = try ledger.read { db in
            var persons: [String: UUID] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, register_number FROM person")
            while let row = try rows.next() {
                let text: String = row[0]
                guard let id = UUID(uuidString: text) else {
                    throw StoreError(.corrupted, "a person row has a malformed id; run `bekal ledger rebuild`")
                }
                persons[row[1]] = id
                persons[text] = id
            }
            return persons
        }
        self.frameworks = try ledger.frameworks()
        self.facilityCode = try ledger.facility().code
    }

    /// Reads every row; the first bad row stops the import with an error naming the row and field.
    public func entries(from table: CSVTable) throws -> [LedgerEntry] {
        let layout = try layout(of: table.header)
        var ids = RandomUUIDs()
        return try table.rows.map { line, cells in try entry(line: line, cells: cells, layout: layout, id: ids.next()) }
    }

    /// Where a file's columns are, checked once per file.
    struct Layout {
        /// Column name (lowercased header) to cell index.
        var columns: [String: Int]
        /// The natural key covers the columns in sorted order (the order of the first release's keys).
        var keyColumns: [(offset: Int, element: String)]
    }

    /// Checks the header: every required column, no unknown or repeated one.
    func layout(of header: [String]) throws -> Layout {
        let known = Set(kind.requiredColumns + kind.optionalColumns)
        let header = header.map { $0.lowercased() }
        if Set(header).count != header.count {
            throw StoreError(.invalidInput, "row 1: the header names a column twice")
        }
        for column in kind.requiredColumns where !header.contains(column) {
            throw StoreError(.invalidInput, "row 1: the header lacks the column '\(column)' for \(kind.rawValue)")
        }
        if let extra = header.first(where: { !known.contains($0) }) {
            throw StoreError(.invalidInput, "row 1: the column '\(extra)' is not part of a \(kind.rawValue) file")
        }
        var columns: [String: Int] = [:]
        for (index, column) in header.enumerated() { columns[column] = index }
        return Layout(columns: columns, keyColumns: header.enumerated().sorted { $0.element < $1.element })
    }

    /// One data row as a ledger entry; `id` becomes the record's id.
    func entry(line: Int, cells: [String], layout: Layout, id: UUID) throws -> LedgerEntry {
        let row = CSVRow(number: line, cells: cells, columns: layout.columns)
        return LedgerEntry(try payload(row, id: id), naturalKey: naturalKey(cells, columns: layout.keyColumns))
    }

    /// SHA-256 of the kind, then of each column in sorted order as `RS name US trimmed-value`.
    func naturalKey(_ cells: [String], columns: [(offset: Int, element: String)]) -> String {
        var size = kind.rawValue.utf8.count
        for (index, column) in columns {
            size += 2 + column.utf8.count
            if index < cells.count { size += cells[index].utf8.count }
        }
        // One temporary buffer (on the stack when small): this runs for every row of every import.
        let digest = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { buffer in
            var position = 0
            func put(_ text: String) {
                var text = text
                text.withUTF8 { utf8 in
                    guard let source = utf8.baseAddress, let target = buffer.baseAddress else { return }
                    (target + position).update(from: source, count: utf8.count)
                    position += utf8.count
                }
            }
            func put(_ byte: UInt8) {
                buffer[position] = byte
                position += 1
            }
            put(kind.rawValue)
            for (index, column) in columns {
                put(0x1E)
                put(column)
                put(0x1F)
                if index < cells.count { put(cells[index].trimmingCSVWhitespace()) }
            }
            return SHA256.hash(data: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<position]))
        }
        return EventDigest.hex(digest)
    }

    /// The first release's natural key, kept as the reference `naturalKey(_:columns:)` must reproduce.
    func referenceNaturalKey(_ values: [String: String]) -> String {
        var text = kind.rawValue
        for column in values.keys.sorted() {
            text += "\u{1E}\(column)\u{1F}\(values[column]?.trimmingCharacters(in: .whitespaces) ?? "")"
        }
        return EventDigest.sha256(Data(text.utf8))
    }

    func payload(_ row: CSVRow, id: UUID) throws -> LedgerPayload {
        switch kind {
        case .persons:
            guard let number = RegisterNumber(try row.text("register_number")) else {
                throw row.failure("register_number", "a value is required")
            }
            guard let name = PersonName(try row.text("full_name")) else {
                throw row.failure("full_name", "a value is required")
            }
            return .personAdded(Person(
                id: id, registerNumber: number, fullName: name,
                birthDate: try row.optional("birth_date").map { _ in try date(row, "birth_date") },
                admissionDate: try date(row, "admission_date"),
                expectedReleaseDate: try date(row, "expected_release_date"), status: .active,
                facilityCode: facilityCode))
        case .assessments:
            let framework = try framework(row)
            return .assessmentRecorded(Assessment(
                id: id, personID: try person(row), frameworkID: framework.id,
                frameworkVersion: framework.version, unitCode: try row.text("unit_code"),
                outcome: try choice(row, "outcome", AssessmentOutcome.self),
                assessorName: try row.text("assessor_name"),
                assessorRole: try choice(row, "assessor_role", AssessorRole.self),
                method: try choice(row, "method", AssessmentMethod.self), date: try date(row, "date"),
                notes: row.optional("notes")))
        case .training:
            return .trainingRecorded(TrainingSession(
                id: id, personID: try person(row), date: try date(row, "date"),
                hours: try number(row, "hours", positive: true), topic: try row.text("topic"),
                trainer: try row.text("trainer")))
        case .production:
            return .productionRecorded(ProductionEntry(
                id: id, personID: try person(row), date: try date(row, "date"), motif: try row.text("motif"),
                cap: try row.text("cap"), quantity: try number(row, "quantity", positive: false),
                unit: try choice(row, "unit", ProductionUnit.self), grade: try choice(row, "grade", QualityGrade.self),
                rework: try count(row, "rework"), rejects: try count(row, "rejects"),
                rejectReason: row.optional("reject_reason"), hours: try number(row, "hours", positive: true)))
        case .certificates:
            let issued = try date(row, "issued_on")
            let expires = try row.optional("expires_on").map { _ in try date(row, "expires_on") }
                ?? issued.adding(years: Certificate.bnspValidityYears)
            if expires < issued { throw row.failure("expires_on", "the expiry date is before the issue date") }
            let units = (row.optional("units") ?? "").split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .certificateRecorded(Certificate(
                id: id, personID: try person(row), issuer: try row.text("issuer"),
                scheme: try row.text("scheme"), number: try row.text("number"),
                registrationNumber: row.optional("registration_number"), issuedOn: issued, expiresOn: expires,
                unitCodes: units))
        }
    }

    /// The id of the person a row names by register number or by id.
    private func person(_ row: CSVRow) throws -> UUID {
        let reference = try row.text("person")
        guard let id = persons[reference] ?? persons[reference.lowercased()] else {
            throw StoreError(.notFound, "row \(row.number), field 'person': unknown person")
        }
        return id
    }

    private func framework(_ row: CSVRow) throws -> CompetencyFramework {
        let id = row.optional("framework_id")
        let version = row.optional("framework_version")
        let match = frameworks.last { ($0.id == id || id == nil) && ($0.version == version || version == nil) }
        guard let match else {
            throw StoreError(.notFound, "row \(row.number), field 'framework_id': unknown framework")
        }
        let unit = try row.text("unit_code")
        guard match.unit(code: unit) != nil else {
            throw StoreError(.notFound, "row \(row.number), field 'unit_code': unknown unit in framework \(match.id)")
        }
        return match
    }

    /// Dates as typed anywhere in Bekal: 2026-02-01, 01-02-2026 or 1 Februari 2026.
    private func date(_ row: CSVRow, _ field: String) throws -> LocalDate {
        guard let date = LocalDate(typed: try row.text(field)) else {
            throw row.failure(field, "expected an existing date such as 2026-02-01, 01-02-2026 or 1 Februari 2026")
        }
        return date
    }

    /// Plain decimals with a point or a comma (a spreadsheet in an Indonesian locale writes 3,5), never `0x10`,
    /// `1e300`, infinity or NaN, and at most a million (no real hour or piece count comes near it).
    private func number(_ row: CSVRow, _ field: String, positive: Bool) throws -> Double {
        let expected = positive ? "expected a number above 0 and at most one million, such as 3,5 or 3.5"
                                : "expected a number from 0 to one million, such as 3,5 or 3.5"
        switch TypedNumber.parse(try row.text(field)) {
        case .success(let value) where value <= Self.largestNumber && (positive ? value > 0 : value >= 0):
            return value
        case .failure(.ambiguousSeparator):
            throw row.failure(field, "unclear whether the separator marks thousands or decimals; write 1000 or 1,5")
        case .failure(.tooManyDigits): throw row.failure(field, "too many digits")
        case .success, .failure(.notANumber): throw row.failure(field, expected)
        }
    }

    /// The largest hours or quantity a row may carry.
    static let largestNumber = 1_000_000.0

    private func count(_ row: CSVRow, _ field: String) throws -> Int {
        guard let text = row.optional(field) else { return 0 }
        guard let value = Int(text), value >= 0 else { throw row.failure(field, "expected a whole number, 0 or more") }
        return value
    }

    /// A term by its code, Indonesian label or alias (`K`, `Kompeten`, `asesor`, `tanya jawab`).
    private func choice<T: GlossaryTerm>(_ row: CSVRow, _ field: String, _ type: T.Type) throws -> T {
        guard let value = T(typed: try row.text(field)) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw row.failure(field, "expected one of \(allowed)")
        }
        return value
    }
}
