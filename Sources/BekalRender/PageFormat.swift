import BekalDomain
import Foundation

/// Dates and numbers as the page's reader writes them: `6 Desember 2026` and `3,5` on the Indonesian page,
/// `6 December 2026` and `3.5` on the English one. Times are UTC, said so.
public enum PageFormat {
    static let indonesianMonths = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
        "Desember",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// `6 Desember 2026` / `6 December 2026`.
    public static func date(_ date: LocalDate, _ language: PageLanguage) -> String {
        let months = language == .indonesian ? indonesianMonths : englishMonths
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// The UTC day of `date`, written as `date(_:_:)` does.
    public static func date(_ date: Date, _ language: PageLanguage) -> String {
        self.date(day(of: date), language)
    }

    /// `6 Desember 2026 pukul 10.46 UTC` / `6 December 2026, 10:46 UTC`.
    public static func dateTime(_ date: Date, _ language: PageLanguage) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let clock = String(format: "%02d", minutes / 60) + (language == .indonesian ? "." : ":") + String(format: "%02d", minutes % 60)
        return language == .indonesian
            ? "\(self.date(date, language)) pukul \(clock) UTC" : "\(self.date(date, language)), \(clock) UTC"
    }

    /// Whole numbers without a fraction, others with one decimal: `28`, `3,5` (Indonesian) or `3.5` (English).
    public static func number(_ value: Double, _ language: PageLanguage) -> String {
        TypedNumber.text(value, decimalComma: language == .indonesian)
    }

    /// The UTC calendar day of `date`.
    static func day(of date: Date) -> LocalDate {
        LocalDate(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
