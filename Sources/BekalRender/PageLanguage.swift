/// The language a page is rendered in. Bahasa Indonesia is the default: most readers (PK at Bapas, employers,
/// the person) read it.
public enum PageLanguage: String, Sendable, Hashable, CaseIterable {
    /// Bahasa Indonesia, the default.
    case indonesian = "id"
    /// English.
    case english = "en"

    /// The page's labels in this language.
    var labels: PageLabels {
        switch self {
        case .indonesian: .indonesian
        case .english: .english
        }
    }
}
