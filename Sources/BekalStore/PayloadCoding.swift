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
        do {
            return try JSONDecoder().decode(LedgerPayload.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupted, "event \(sequence) has a payload Bekal cannot read")
        }
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
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text)
    }
}
