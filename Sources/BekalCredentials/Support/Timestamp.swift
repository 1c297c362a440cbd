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
        return "\(day)T\(pad(rest / 3600))\u{3A}\(pad(rest / 60 % 60))\u{3A}\(pad(rest % 60))Z"
    }

    /// The start of a calendar day in UTC, for dates recorded without a time.
    public static func format(_ day: LocalDate) -> String { "\(day)T00:00:00Z" }

    /// Parses `YYYY-MM-DDThh:mm:ss(.fff)?(Z|±hh:mm)`; `nil` for anything else.
    public static func parse(_ text: String) -> Date? {
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

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
