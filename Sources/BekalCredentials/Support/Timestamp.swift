import BekalDomain
import Foundation

/// XML Schema `dateTimeStamp` values as VC 2.0 writes them. Bekal writes `YYYY-MM-DDThh:mm:ssZ`; it reads any
/// offset and fractional seconds, and refuses a value without a time zone.
public enum Timestamp {
    /// `2026-01-31T08:00:00Z`, whole seconds, UTC.
    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let day = LocalDate(daysSinceEpoch: days)
        guard (0...9999).contains(day.year) else {
            return "\(day)T\(pad(rest / 3600))\u{3A}\(pad(rest / 60 % 60))\u{3A}\(pad(rest % 60))Z"
        }
        // The verifier writes one per credential: digits straight into the string, no interpolation.
        return String(unsafeUninitializedCapacity: 20) { out in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    out[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(day.year, 4, at: 0)
            put(day.month, 2, at: 5)
            put(day.day, 2, at: 8)
            put(rest / 3600, 2, at: 11)
            put(rest / 60 % 60, 2, at: 14)
            put(rest % 60, 2, at: 17)
            out[4] = UInt8(ascii: "-")
            out[7] = UInt8(ascii: "-")
            out[10] = UInt8(ascii: "T")
            out[13] = UInt8(ascii: ":")
            out[16] = UInt8(ascii: ":")
            out[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// The start of a calendar day in UTC, for dates recorded without a time.
    public static func format(_ day: LocalDate) -> String { "\(day)T00:00:00Z" }

    /// Parses `YYYY-MM-DDThh:mm:ss(.fff)?(Z|±hh:mm)`; `nil` for anything else.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// As `parse(_:)`, over the UTF-8 bytes, without allocating (a proof's `created` and each credential's
    /// validity dates are read on every verification).
    static func parse(utf8 chars: UnsafeBufferPointer<UInt8>) -> Date? {
        guard chars.count >= 20, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t"),
            chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
            let year = number(chars, 0, 4), let month = number(chars, 5, 2), let dayOfMonth = number(chars, 8, 2),
            let day = LocalDate(year: year, month: month, day: dayOfMonth),
            chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
            let h = number(chars, 11, 2), let m = number(chars, 14, 2), let s = number(chars, 17, 2),
            h < 24, m < 60, s < 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if chars[i] == UInt8(ascii: ".") {
            let start = i + 1
            i = start
            while i < chars.count, isDigit(chars[i]) { i += 1 }
            // Rare (Bekal writes whole seconds): the decimal reading is left to `Double`.
            guard i > start,
                let f = Double("0." + String(decoding: UnsafeBufferPointer(rebasing: chars[start..<i]), as: UTF8.self))
            else { return nil }
            fraction = f
        }
        var offset = 0
        let zoneLength = chars.count - i
        if zoneLength == 1, chars[i] == UInt8(ascii: "Z") || chars[i] == UInt8(ascii: "z") {
            offset = 0
        } else if zoneLength == 6, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-"),
            chars[i + 3] == UInt8(ascii: ":"), let oh = number(chars, i + 1, 2), let om = number(chars, i + 4, 2),
            oh <= 14, om < 60
        {
            offset = (oh * 3600 + om * 60) * (chars[i] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = day.daysSinceEpoch * 86_400 + h * 3600 + m * 60 + s - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The decimal value of `width` ASCII digits at `offset`; `nil` if any is not a digit.
    @inline(__always)
    private static func number(_ chars: UnsafeBufferPointer<UInt8>, _ offset: Int, _ width: Int) -> Int? {
        var value = 0
        for position in offset..<(offset + width) {
            guard isDigit(chars[position]) else { return nil }
            value = value * 10 + Int(chars[position] - UInt8(ascii: "0"))
        }
        return value
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
