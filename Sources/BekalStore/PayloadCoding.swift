import BekalDomain
import Foundation

/// The one JSON form of a payload in the ledger: sorted keys and unescaped slashes, so the same payload always
/// yields the same bytes and therefore the same hash.
package enum PayloadCoding {
    package static func encode(_ payload: LedgerPayload) throws -> String {
        try encodeWithRecord(payload).payload
    }

    /// The payload's JSON and, for the kinds with a projection row, the record's JSON (the payload's inner
    /// object, stored in the row), both written once.
    package static func encodeWithRecord(_ payload: LedgerPayload) throws -> (payload: String, record: String?) {
        if let written = RecordJSONWriter.payload(payload) { return (written.payload, written.record) }
        return (try encodeWithFoundation(payload), nil)
    }

    /// The reference encoding, which `RecordJSONWriter` reproduces for the frequent kinds.
    package static func encodeWithFoundation(_ payload: LedgerPayload) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(payload), as: UTF8.self)
        } catch {
            throw StoreError(.invalidInput, "the record cannot be encoded (a number is not finite?)")
        }
    }

    package static func decode(_ text: String, sequence: Int64) throws -> LedgerPayload {
        if let payload = decodeRecordPayload(text) { return payload }
        do {
            return try JSONDecoder().decode(LedgerPayload.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupted, "event \(sequence) has a payload Bekal cannot read")
        }
    }

    /// The frequent kinds (`{"trainingRecorded":{"_0":RECORD}}` and the like, as `RecordJSONWriter` writes them)
    /// read with `RecordJSONReader`, without `JSONDecoder`, which was most of the time of a person's history
    /// page; `nil` for anything else, which `decode` then reads with `JSONDecoder`. Tests check both agree.
    package static func decodeRecordPayload(_ text: String) -> LedgerPayload? {
        func inner(_ key: String) -> String? {
            let prefix = "{\"\(key)\":{\"_0\":"
            guard text.utf8.count > prefix.utf8.count + 2, text.utf8.starts(with: prefix.utf8),
                text.utf8.reversed().starts(with: "}}".utf8)
            else { return nil }
            return String(text.utf8.dropFirst(prefix.utf8.count).dropLast(2))
        }
        if let record = inner("trainingRecorded").flatMap({ RecordJSONReader.read(TrainingSession.self, $0) }) {
            return .trainingRecorded(record)
        }
        if let record = inner("productionRecorded").flatMap({ RecordJSONReader.read(ProductionEntry.self, $0) }) {
            return .productionRecorded(record)
        }
        if let record = inner("assessmentRecorded").flatMap({ RecordJSONReader.read(Assessment.self, $0) }) {
            return .assessmentRecorded(record)
        }
        if let record = inner("certificateRecorded").flatMap({ RecordJSONReader.read(Certificate.self, $0) }) {
            return .certificateRecorded(record)
        }
        return nil
    }

    package static func encodeRecord(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    package static func decodeRecord<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        if let record = RecordJSONReader.read(type, text) { return record }
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupted, "a projection row cannot be read; run `bekal ledger rebuild`")
        }
    }

    /// ISO 8601 in UTC with milliseconds, the form of `recorded_at`.
    package static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    package static func date(fromTimestamp text: String) -> Date? {
        fixedFormTimestamp(text)
            ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text))
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` (what `timestamp(_:)` writes) read by position: Foundation's parser was a
    /// tenth of a history page's time. `nil` for any other form or an impossible date or time.
    package static func fixedFormTimestamp(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { b -> Date? in
            guard b.count == 24, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
                b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "."),
                b[23] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(b[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                let millis = number(20, 3), hour < 24, minute < 60, second < 60,
                let date = LocalDate(year: year, month: month, day: day)
            else { return nil }
            // Whole seconds since 2001, then the fraction added, in that order: the same Double as Foundation's.
            let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - 978_307_200
            return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(millis) / 1000)
        }
    }
}
