/// A fixed reporting period: a calendar month (`2026-07`) or a calendar quarter (`2026-Q3`).
///
/// Only these two shapes exist, so no two reports cover arbitrary shifted windows. A quarter does contain its three
/// months, so a quarter and its months can be subtracted from each other: disclosure control checks every report
/// together with those already published for the same quarter (BekalMetrics `LinkedSuppression`).
public struct ReportingPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Whether the period is a month or a quarter.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A calendar month, written `2026-07`.
        case month
        /// A calendar quarter, written `2026-Q3`.
        case quarter
    }

    /// Whether the period is a month or a quarter.
    public let kind: Kind
    /// The calendar year, from 1 to 9999.
    public let year: Int
    /// The month (1–12) or the quarter (1–4).
    public let index: Int

    /// A calendar month, or `nil` when the month does not exist.
    public static func month(_ year: Int, _ month: Int) -> ReportingPeriod? {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        return ReportingPeriod(kind: .month, year: year, index: month)
    }

    /// A calendar quarter, or `nil` when the quarter does not exist.
    public static func quarter(_ year: Int, _ quarter: Int) -> ReportingPeriod? {
        guard (1...9999).contains(year), (1...4).contains(quarter) else { return nil }
        return ReportingPeriod(kind: .quarter, year: year, index: quarter)
    }

    private init(kind: Kind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// Parses `YYYY-MM` or `YYYY-Qn` exactly; anything else is `nil`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(parts[0])
        else { return nil }
        let tail = parts[1]
        if tail.count == 2, tail.allSatisfy({ $0.isASCII && $0.isNumber }), let m = Int(tail),
            let period = ReportingPeriod.month(year, m)
        {
            self = period
        } else if tail.count == 2, tail.first == "Q", let q = Int(tail.dropFirst()),
            tail.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let period = ReportingPeriod.quarter(year, q)
        {
            self = period
        } else {
            return nil
        }
    }

    /// The period as `YYYY-MM` for a month or `YYYY-Qn` for a quarter, e.g. `2026-07` or `2026-Q3`.
    public var description: String {
        let y = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        switch kind {
        case .month: return "\(y)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: return "\(y)-Q\(index)"
        }
    }

    /// The first day of the period.
    public var firstDay: LocalDate {
        let month = kind == .month ? index : (index - 1) * 3 + 1
        return LocalDate(year: year, month: month, day: 1)!  // month and year validated at construction
    }

    /// The last day of the period (inclusive).
    public var lastDay: LocalDate {
        let month = kind == .month ? index : index * 3
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    /// Whether `day` falls inside the period (both ends inclusive).
    public func contains(_ day: LocalDate) -> Bool { firstDay <= day && day <= lastDay }

    /// Orders periods by first day, then last day: a month sorts before the quarter that starts with it.
    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }

    /// Decodes a period from a `YYYY-MM` or `YYYY-Qn` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let period = ReportingPeriod(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected YYYY-MM or YYYY-Qn")
        }
        self = period
    }

    /// Encodes the period as its `YYYY-MM` or `YYYY-Qn` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
