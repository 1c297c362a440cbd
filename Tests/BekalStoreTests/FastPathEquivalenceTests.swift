import BekalDomain
import Foundation
import Testing
@testable import BekalStore

/// The import's fast paths must produce exactly what the first release produced with Foundation, because
/// payload bytes feed the hash chain and natural keys decide what a re-import skips.
@Suite("Fast paths equal the Foundation reference")
struct FastPathEquivalenceTests {
    static let awkwardTexts = [
        "plain", "", "quote \" and backslash \\ and slash /", "line\nbreak\r\ttab", "\u{08}\u{0C}\u{01}\u{1F}\u{7F}",
        "batik é ñ 漢字 🙂", "separators \u{2028}\u{2029} nbsp\u{A0}", "</script>", "\u{0}nul",
    ]
    static let awkwardNumbers: [Double] = [
        1, 2.5, 0.1, 0.3, 1e-7, 123_456_789.125, 1e15, 9_007_199_254_740_992, 1e16, 1.5e300, 0, 7.000001,
        99_999_999_999_999.9, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ]

    func reference(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func expectSameAsFoundation<T: Codable & Equatable>(_ payload: LedgerPayload, record: T) throws {
        let written = try #require(RecordJSONWriter.payload(payload))
        #expect(written.payload == (try PayloadCoding.encodeWithFoundation(payload)))
        #expect(written.record == (try reference(record)))
        #expect(try PayloadCoding.decode(written.payload, sequence: 1) == payload)
        // The payload reader reads the four record kinds without falling back, and what JSONDecoder reads.
        let fast = PayloadCoding.decodeRecordPayload(written.payload)
        if case .personAdded = payload { #expect(fast == nil) } else { #expect(fast == payload) }
        #expect(try JSONDecoder().decode(LedgerPayload.self, from: Data(written.payload.utf8)) == payload)
        // The projection reader reads what JSONDecoder reads, without falling back.
        let read = try #require(RecordJSONReader.read(T.self, written.record))
        #expect(read == record)
        #expect(read == (try JSONDecoder().decode(T.self, from: Data(written.record.utf8))))
    }

    var evidence: [Evidence] {
        [
            Evidence(sha256: String(repeating: "ab", count: 32), mediaType: "image/jpeg", description: "kain / cap",
                     byteCount: 12_345),
            Evidence(sha256: String(repeating: "0f", count: 32), mediaType: "application/pdf",
                     description: "checklist \"A\"", byteCount: 0),
        ]
    }

    @Test("training and production records are written byte for byte as JSONEncoder writes them")
    func trainingAndProduction() throws {
        for (index, text) in Self.awkwardTexts.enumerated() {
            let number = Self.awkwardNumbers[index % Self.awkwardNumbers.count]
            let training = TrainingSession(
                id: UUID(), personID: UUID(), date: LocalDate(year: 2026, month: 1 + index % 12, day: 1 + index)!,
                hours: number, topic: text, trainer: "Pelatih \(index)")
            try expectSameAsFoundation(.trainingRecorded(training), record: training)
            let production = ProductionEntry(
                id: UUID(), personID: UUID(), date: LocalDate(year: 999 + index, month: 12, day: 31)!, motif: text,
                cap: "CAP/\(index)", quantity: Self.awkwardNumbers.reversed()[index], unit: .metres, grade: .b,
                rework: index, rejects: 1000 * index, rejectReason: index % 2 == 0 ? nil : text, hours: number)
            try expectSameAsFoundation(.productionRecorded(production), record: production)
        }
        for number in Self.awkwardNumbers {
            let training = TrainingSession(id: UUID(), personID: UUID(), date: LocalDate("2026-02-03")!,
                                           hours: number, topic: "t", trainer: "p")
            try expectSameAsFoundation(.trainingRecorded(training), record: training)
        }
    }

    @Test("assessments, certificates and persons are written byte for byte as JSONEncoder writes them")
    func assessmentsCertificatesPersons() throws {
        for (index, text) in Self.awkwardTexts.enumerated() {
            let assessment = Assessment(
                id: UUID(), personID: UUID(), frameworkID: "SAMPLE.BTKCAP", frameworkVersion: "2026.\(index)",
                unitCode: text, outcome: index % 2 == 0 ? .kompeten : .belumKompeten, assessorName: text,
                assessorRole: .bnspAssessor, method: .portfolioReview, date: LocalDate("2026-03-10")!,
                evidence: Array(evidence.prefix(index % 3)), notes: index % 2 == 0 ? text : nil)
            try expectSameAsFoundation(.assessmentRecorded(assessment), record: assessment)
            let certificate = Certificate(
                id: UUID(), personID: UUID(), issuer: text, scheme: "Tukang Cap", number: "No. \(index)",
                registrationNumber: index % 2 == 0 ? nil : text, issuedOn: LocalDate("2025-01-31")!,
                expiresOn: LocalDate("2028-01-31")!, unitCodes: Array(Self.awkwardTexts.prefix(index)),
                scan: index % 3 == 0 ? nil : evidence[index % 2])
            try expectSameAsFoundation(.certificateRecorded(certificate), record: certificate)
            let person = Person(
                id: UUID(), registerNumber: RegisterNumber("REG/\(index) \(text)")!,
                fullName: PersonName("Nama \(text)")!, birthDate: index % 2 == 0 ? nil : LocalDate("1990-02-28"),
                admissionDate: LocalDate("2025-09-01")!, expectedReleaseDate: LocalDate("2026-08-15")!,
                status: [.active, .released, .transferred][index % 3], facilityCode: "LAPAS-\(index)")
            try expectSameAsFoundation(.personAdded(person), record: person)
        }
    }

    @Test("the record reader reads escapes, white space and optional nulls as JSONDecoder does")
    func readerAgreesWithJSONDecoder() throws {
        let texts = [
            #"{"date":"2026-02-01","hours":2.5e0,"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","personID":"11111111-2222-4333-8444-555555555555","topic":"caf\u00e9 \/ \ud83d\ude42 \\ \"q\"","trainer":"M\tN"}"#,
            " { \"trainer\" : \"x\" , \"topic\":\"\",\"personID\":\"11111111-2222-4333-8444-555555555555\",\"id\":\"0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0\",\"hours\":-0.125,\"date\":\"0001-01-01\" } ",
        ]
        for text in texts {
            let fast = try #require(RecordJSONReader.read(TrainingSession.self, text))
            #expect(fast == (try JSONDecoder().decode(TrainingSession.self, from: Data(text.utf8))))
        }
        let production = #"{"cap":"C","date":"2026-01-02","grade":"A","hours":1,"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","motif":"m","personID":"11111111-2222-4333-8444-555555555555","quantity":3,"rejectReason":null,"rejects":0,"rework":2,"unit":"pieces"}"#
        let fast = try #require(RecordJSONReader.read(ProductionEntry.self, production))
        #expect(fast == (try JSONDecoder().decode(ProductionEntry.self, from: Data(production.utf8))))
        #expect(fast.rejectReason == nil && fast.rework == 2)
    }

    @Test("a person whose name or register number is blank is refused by both readers")
    func blankPerson() throws {
        let blank = #"{"admissionDate":"2025-09-01","expectedReleaseDate":"2026-08-15","facilityCode":"F","fullName":"  ","id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","registerNumber":"R-1","status":"active"}"#
        #expect(RecordJSONReader.read(Person.self, blank) == nil)
        #expect(throws: StoreError(.corrupted, "")) { try PayloadCoding.decodeRecord(Person.self, blank) }
        let padded = blank.replacingOccurrences(of: #""fullName":"  ""#, with: #""fullName":" Siti ""#)
        let fast = try #require(RecordJSONReader.read(Person.self, padded))
        #expect(fast == (try JSONDecoder().decode(Person.self, from: Data(padded.utf8))))
        #expect(fast.fullName.rawValue == "Siti" && fast.birthDate == nil)
    }

    @Test("text the record reader does not expect goes to JSONDecoder, and corrupt text is still refused")
    func readerFallsBack() throws {
        let extra = #"{"date":"2026-02-01","hours":3,"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","personID":"11111111-2222-4333-8444-555555555555","topic":"t","trainer":"p","future":[1,{"a":null}]}"#
        #expect(RecordJSONReader.read(TrainingSession.self, extra) == nil)
        #expect(try PayloadCoding.decodeRecord(TrainingSession.self, extra).hours == 3)
        for corrupt in [
            #"{"date":"2026-02-30","hours":3,"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","personID":"11111111-2222-4333-8444-555555555555","topic":"t","trainer":"p"}"#,
            #"{"date":"2026-02-01","hours":3,"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","topic":"t","trainer":"p"}"#,
            #"{"date":"2026-02-01","hours":03,"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","personID":"11111111-2222-4333-8444-555555555555","topic":"t","trainer":"p"}"#,
            #"{"date":"2026-02-01","hours":3,"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","personID":"11111111-2222-4333-8444-555555555555","topic":"t","trainer":"p"} x"#,
            "", "[]", "{",
        ] {
            #expect(RecordJSONReader.read(TrainingSession.self, corrupt) == nil)
            #expect(throws: StoreError(.corrupted, "")) { try PayloadCoding.decodeRecord(TrainingSession.self, corrupt) }
        }
    }

    @Test("a number that is not finite is still refused with invalidInput")
    func notFinite() throws {
        for hours in [Double.infinity, -.infinity, .nan] {
            let payload = LedgerPayload.trainingRecorded(TrainingSession(
                id: UUID(), personID: UUID(), date: LocalDate("2026-01-01")!, hours: hours, topic: "t", trainer: "p"))
            #expect(RecordJSONWriter.payload(payload) == nil)
            #expect(throws: StoreError(.invalidInput, "")) { try PayloadCoding.encodeWithRecord(payload) }
        }
    }

    @Test("payloads stored by the first release (JSONEncoder) still decode")
    func oldPayloadsDecode() throws {
        let stored = """
            {"trainingRecorded":{"_0":{"date":"2026-02-01","hours":3,"id":"0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0",\
            "personID":"11111111-2222-4333-8444-555555555555","topic":"Malam","trainer":"Mentor"}}}
            """
        guard case .trainingRecorded(let session) = try PayloadCoding.decode(stored, sequence: 7) else {
            Issue.record("decoded to another kind")
            return
        }
        #expect(session.hours == 3)
        #expect(session.id == UUID(uuidString: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"))
        #expect(try PayloadCoding.encode(.trainingRecorded(session)) == stored)
    }

    @Test("UUID text matches Foundation's and new ids are random version 4")
    func uuids() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(UUIDText.lowercase(id) == id.uuidString.lowercased())
            var upper: [UInt8] = []
            UUIDText.append(id, uppercase: true, to: &upper)
            #expect(String(decoding: upper, as: UTF8.self) == id.uuidString)
        }
        var source = RandomUUIDs()
        let ids = (0..<1000).map { _ in source.next() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.uuid.6 >> 4 == 4)
            #expect(id.uuid.8 >> 6 == 0b10)
        }
    }

    @Test("CSV trimming removes exactly what trimmingCharacters(in: .whitespaces) removes")
    func trimming() {
        var scalars = (0...0x3100).compactMap(Unicode.Scalar.init)
        scalars += [0xFEFF, 0x205F, 0x180E, 0x200B, 0x1F642].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let s = String(scalar)
            for text in [s, "\(s)a\(s)", " \(s)b \(s)", "\(s)\(s)", "c\(s)d"] {
                #expect(text.trimmingCSVWhitespace() == text.trimmingCharacters(in: .whitespaces))
            }
        }
    }

    @Test("natural keys equal the first release's and an independently computed SHA-256")
    func naturalKeys() throws {
        let scenario = try Scenario()
        let importer = try CSVImport(kind: .training, ledger: scenario.ledger)
        let header = ["person", "date", "hours", "topic", "trainer"]
        let cells = [" REG-0001\t", "2026-02-01", "3 ", "Malam\u{3000}panas", "\u{A0}Mentor "]
        let columns = header.enumerated().sorted { $0.element < $1.element }
        let key = importer.naturalKey(cells, columns: columns)
        // python3: sha256(("training" + "".join("\x1e"+k+"\x1f"+v for k in sorted(vals))).encode())
        #expect(key == "38b438924ef0b5be215a8e331a1e82b3e36348508f5618e320d67ceb86a3ef8f")
        #expect(key == importer.referenceNaturalKey(Dictionary(uniqueKeysWithValues: zip(header, cells))))
    }

    @Test("dates parse exactly as YYYY-MM-DD")
    func dates() {
        #expect(LocalDate("2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate("0001-01-01")?.year == 1)
        for bad in ["2023-02-29", "2026-1-01", "2026-01-1", "2026/01/01", "+026-01-01", "2026-01-01 ", "２０２６-01-01",
                    "2026-0１-01", "20260-1-01", "2026--0101", "2026-13-01", "0000-01-01", "", "2026-01-0\u{301}"] {
            #expect(LocalDate(bad) == nil, "\(bad)")
        }
        #expect(LocalDate("2026-01-01"[...]) == LocalDate(year: 2026, month: 1, day: 1))
    }

    @Test("a payload the record reader does not expect falls back to JSONDecoder: same value, or the same refusal")
    func payloadFallback() throws {
        let training = TrainingSession(id: UUID(), personID: UUID(), date: LocalDate("2026-02-03")!, hours: 2,
                                       topic: "Mencanting", trainer: "Mentor")
        let written = try #require(RecordJSONWriter.payload(.trainingRecorded(training))).payload
        // An extra member, white space, or another kind's name: not the writer's form, read by JSONDecoder.
        let spaced = written.replacingOccurrences(of: "{\"_0\":", with: "{ \"_0\" : ")
        #expect(PayloadCoding.decodeRecordPayload(spaced) == nil)
        #expect(try PayloadCoding.decode(spaced, sequence: 1) == .trainingRecorded(training))
        let extra = written.replacingOccurrences(of: "\"topic\"", with: "\"extra\":1,\"topic\"")
        #expect(PayloadCoding.decodeRecordPayload(extra) == nil)
        let renamed = written.replacingOccurrences(of: "trainingRecorded", with: "productionRecorded")
        #expect(PayloadCoding.decodeRecordPayload(renamed) == nil)
        #expect(throws: StoreError.self) { try PayloadCoding.decode(renamed, sequence: 1) }
        #expect(throws: StoreError.self) { try PayloadCoding.decode(String(written.dropLast()), sequence: 1) }
    }

    @Test("recorded_at timestamps read by the fixed-form reader are the instant Foundation reads")
    func timestamps() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            // Whole milliseconds from year 1970 to 2200, as `timestamp(_:)` writes them.
            let millis = Double(Int64.random(in: 0..<7_258_118_400_000, using: &generator))
            let text = PayloadCoding.timestamp(Date(timeIntervalSince1970: millis / 1000))
            let reference = try Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text)
            // The same instant (Foundation's parse can be one unit in the last place off, where it adds the
            // fraction differently; its formatter truncates, so neither reader round-trips every text exactly).
            let fast = try #require(PayloadCoding.fixedFormTimestamp(text), "\(text)")
            #expect(abs(fast.timeIntervalSince(reference)) < 1e-6, "\(text)")
            #expect(PayloadCoding.date(fromTimestamp: text) == fast)
        }
        for odd in ["2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-01-01T24:00:00.000Z",
                    "2026-01-01T00:60:00.000Z", "2026-01-01T00:00:00Z", "2026-01-01 00:00:00.000Z", "x"] {
            #expect(PayloadCoding.fixedFormTimestamp(odd) == nil, "\(odd)")
        }
    }
}
