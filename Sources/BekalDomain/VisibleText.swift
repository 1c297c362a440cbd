/// The characters a typed value may hold: what a person can see and type, nothing that changes how text around
/// it is shown or parsed. Control characters (NUL, TAB, line breaks), format characters (the right-to-left
/// override and other bidirectional controls, zero-width characters), line and paragraph separators, private-use
/// and unassigned code points are refused, so a value can never break a tab-separated line, hide itself, or show
/// differently from what is stored.
public enum VisibleText {
    /// Whether `scalar` may appear in a typed value (the ASCII space included; other spaces are not).
    /// - Parameter lineBreaks: whether line feeds, carriage returns and tabs are allowed too (free text such as
    ///   a topic or a note may span lines; names, numbers and codes may not).
    public static func allows(_ scalar: Unicode.Scalar, lineBreaks: Bool = false) -> Bool {
        // ASCII without the Unicode tables (an import checks every character of every row): below U+0080 the
        // only refused categories are the controls U+0000–U+001F and U+007F, and the space separator U+0020,
        // which is allowed.
        if scalar.value < 0x80 {
            if scalar.value >= 0x20, scalar.value != 0x7F { return true }
            return lineBreaks && (scalar == "\n" || scalar == "\r" || scalar == "\t")
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .privateUse, .surrogate,
            .unassigned:
            return false
        default:
            return true
        }
    }

    /// Whether every scalar of `text` is allowed.
    public static func isVisible(_ text: some StringProtocol, lineBreaks: Bool = false) -> Bool {
        text.unicodeScalars.allSatisfy { allows($0, lineBreaks: lineBreaks) }
    }
}
