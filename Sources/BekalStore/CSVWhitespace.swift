extension String {
    /// The same as `trimmingCharacters(in: .whitespaces)` (Unicode category Zs and tab), which CSV cells and
    /// natural keys have always used, without bridging through `NSString`: the import trims every cell.
    func trimmingCSVWhitespace() -> String {
        // Most cells start and end with a visible ASCII character: nothing to trim, nothing to copy.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, CSVWhitespace.contains(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard CSVWhitespace.contains(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }
}

enum CSVWhitespace {
    /// Foundation's `CharacterSet.whitespaces`: horizontal tab, the space separators (Zs) and, as Foundation
    /// has it, ZERO WIDTH SPACE (U+200B); checked against every scalar once, and by a test.
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || scalar.value == 0x09 }
        return scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }
}
