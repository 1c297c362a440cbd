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
        if scalar == " " { return true }
        if lineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return true }
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
