import BekalCredentials
import BekalDomain
import Foundation
import Testing

/// `Timestamp` reads and writes bytes directly; these hold it to the obvious readings: the earlier string-based
/// parser (kept below as the reference) and Foundation's ISO 8601 formatter.
@Suite("Timestamp against reference readings")
struct TimestampTests {
    /// The string-based parser `Timestamp.parse` replaced, as it was.
    static func referenceParse(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count >= 20, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t"),
            let day = LocalDate(String(decoding: chars[0..<10], as: UTF8.self)),
            chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
            let h = number(chars[11..<13]), let m = number(chars[14..<16]), let s = number(chars[17..<19]),
            h < 24, m < 60, s < 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if chars[i] == UInt8(ascii: ".") {
            let start = i + 1
            i = start
            while i < chars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(chars[i]) { i += 1 }
            guard i > start, let f = Double("0." + String(decoding: chars[start..<i], as: UTF8.self)) else {
                return nil
            }
            fraction = f
        }
        var offset = 0
        let zone = Array(chars[i...])
        if zone == [UInt8(ascii: "Z")] || zone == [UInt8(ascii: "z")] {
            offset = 0
        } else if zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
            zone[3] == UInt8(ascii: ":"), let oh = number(zone[1..<3]), let om = number(zone[4..<6]), oh <= 14,
            om < 60
        {
            offset = (oh * 3600 + om * 60) * (zone[0] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = day.daysSinceEpoch * 86_400 + h * 3600 + m * 60 + s - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    static func iso8601() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }

    @Test("format writes what Foundation's ISO 8601 formatter writes, and parse reads it back, over 20,000 seconds")
    func formatAgainstFoundation() throws {
        let formatter = Self.iso8601()
        var random = SeededRandom(state: 5)
        // From 1583 (Foundation turns Julian before 1582) to 9999-12-31, and the edges of days and years.
        var dates = (0..<20_000).map { _ in
            Date(timeIntervalSince1970: Double(Int64.random(in: -12_212_553_600...253_402_300_799, using: &random)))
        }
        dates += [0, -1, 86_399, 86_400, 951_782_400, 1_798_761_599, 253_402_300_799].map { Date(timeIntervalSince1970: $0) }
        for date in dates {
            let text = Timestamp.format(date)
            #expect(text == formatter.string(from: date), "\(date.timeIntervalSince1970)")
            #expect(Timestamp.parse(text) == date)
            #expect(formatter.date(from: text) == date)
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_798_761_599.75)) == "2026-12-31T23:59:59Z")
    }

    @Test("parse agrees with the reference parser on valid forms, offsets, fractions and 30,000 corruptions of them")
    func parseAgainstReference() {
        let valid = [
            "2026-11-20T09:00:00Z", "2026-11-20t09:00:00z", "2024-02-29T23:59:59+07:00", "2023-02-24T23:36:38-14:59",
            "2026-01-31T08:00:00.5Z", "2026-01-31T08:00:00.123456789+00:00", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z", "2026-11-20T09:00:00+14:00",
        ]
        let invalid = [
            "", "2026-11-20", "2026-11-20T09:00:00", "2026-11-20T09:00:00+0700", "2026-11-20T09:00:00+15:00",
            "2023-02-29T09:00:00Z", "2026-13-01T09:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T09:60:00Z",
            "2026-11-20T09:00:60Z", "2026-11-20T09:00:00.Z", "2026-11-20T09:00:00ZZ", "2026-11-20 09:00:00Z",
            "+026-11-20T09:00:00Z", "2026-11-20T09:00:00+07:60", "٢٠٢٦-11-20T09:00:00Z", "0000-01-01T00:00:00Z",
        ]
        for text in valid { #expect(Timestamp.parse(text) != nil, "\(text)") }
        for text in invalid { #expect(Timestamp.parse(text) == nil, "\(text)") }
        var random = SeededRandom(state: 9)
        let alphabet = Array("0123456789-:+.TtZz x9".utf8)
        var cases = valid + invalid
        for _ in 0..<30_000 {
            var bytes = Array(valid.randomElement(using: &random)!.utf8)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            case 1: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
            default: bytes.insert(alphabet.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            }
            cases.append(String(decoding: bytes, as: UTF8.self))
        }
        var parsed = 0
        for text in cases {
            let expected = Self.referenceParse(text)
            #expect(Timestamp.parse(text) == expected, "\(text)")
            if expected != nil { parsed += 1 }
        }
        // The corruptions reach both verdicts.
        #expect(parsed > 1_000 && parsed < cases.count - 1_000)
    }
}
