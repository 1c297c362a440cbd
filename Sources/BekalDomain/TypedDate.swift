extension LocalDate {
    /// The month names people write, Indonesian and English, full and short, lowercase.
    static let monthNames: [String: Int] = {
        let indonesian = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
                          "oktober", "november", "desember"]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december"]
        var names: [String: Int] = [:]
        for (index, name) in Array(indonesian.enumerated()) + Array(english.enumerated()) {
            names[name] = index + 1
            names[String(name.prefix(3))] = index + 1
        }
        names["agu"] = 8
        names["okt"] = 10
        names["des"] = 12
        names["mei"] = 5
        names["sept"] = 9
        return names
    }()

    /// A date as people type it: `2026-12-06`, `06-12-2026` or `6/12/2026` (day first, as Indonesian documents
    /// write it), or `6 Desember 2026` / `6 Des 2026` / `6 December 2026`. `nil` for anything else or a day that
    /// does not exist.
    public init?(typed text: String) {
        let trimmed = text.trimmingWhitespace()
        if let iso = LocalDate(trimmed) {
            self = iso
            return
        }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" || $0 == "." })
        guard words.count == 3, let day = Int(words[0]), let year = Int(words[2]), words[2].count == 4,
            words[0].count <= 2
        else { return nil }
        let monthWord = words[1].lowercased()
        let month: Int?
        if monthWord.allSatisfy(\.isNumber) {
            month = monthWord.count <= 2 ? Int(monthWord) : nil
        } else {
            month = LocalDate.monthNames[monthWord]
        }
        guard let month else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
