import BekalDomain
import Testing

@Suite("Visible text")
struct VisibleTextTests {
    /// The rule from the Unicode tables alone, as `VisibleText` states it: the reference for its ASCII shortcut.
    private func byCategory(_ scalar: Unicode.Scalar, lineBreaks: Bool) -> Bool {
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

    @Test("every ASCII character is allowed or refused exactly as its Unicode category says, with and without line breaks")
    func asciiShortcut() throws {
        for value in UInt32(0)..<0x100 {
            let scalar = try #require(Unicode.Scalar(value))
            for lineBreaks in [false, true] {
                #expect(VisibleText.allows(scalar, lineBreaks: lineBreaks) == byCategory(scalar, lineBreaks: lineBreaks),
                        "U+\(String(value, radix: 16)) lineBreaks \(lineBreaks)")
            }
        }
    }

    @Test("controls, bidirectional overrides and other spaces are refused; letters, marks and a plain space are not")
    func examples() {
        #expect(VisibleText.isVisible("Batik cap, motif parang 2 × 3 é漢"))
        #expect(!VisibleText.isVisible("a\tb"))
        #expect(VisibleText.isVisible("a\tb\r\nc", lineBreaks: true))
        #expect(!VisibleText.isVisible("a\u{7F}"))
        #expect(!VisibleText.isVisible("a\u{00A0}b"))
        #expect(!VisibleText.isVisible("abc\u{202E}fed"))
        #expect(!VisibleText.isVisible("a\u{200B}b"))
    }
}
