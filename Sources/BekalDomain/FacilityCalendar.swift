import Foundation

/// The facility's calendar: which day an instant falls on where the records are kept. Indonesian facilities
/// keep WIB (UTC+7) all year (no daylight saving), so the day is a fixed offset from UTC.
///
/// This is the one place Bekal turns an instant into "today"; the instant itself is always injected by the
/// front end (the CLI reads the clock, or `BEKAL_NOW` in tests), never read here.
public enum FacilityCalendar {
    /// The offset of WIB from UTC, in seconds.
    public static let utcOffset: TimeInterval = 7 * 3600

    /// The facility's calendar day at `instant`.
    public static func day(of instant: Date) -> LocalDate {
        LocalDate(daysSinceEpoch: Int(((instant.timeIntervalSince1970 + utcOffset) / 86_400).rounded(.down)))
    }
}
