/// Word-at-a-time byte tests (eight bytes in a `UInt64`, any byte order): each says whether *some* byte in the
/// word has the property, exactly, so a word that passes can be skipped whole.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte is below `bound` (bound ≤ 0x80).
    @inline(__always)
    static func hasByte(below bound: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// Some byte equals `byte`.
    @inline(__always)
    static func hasByte(equalTo byte: UInt8, _ word: UInt64) -> Bool {
        let diff = word ^ (ones &* UInt64(byte))
        return (diff &- ones) & ~diff & highs != 0
    }

    /// Some byte is a control character, `"` or `\`: what a JSON string must escape.
    @inline(__always)
    static func hasEscapable(_ word: UInt64) -> Bool {
        hasByte(below: 0x20, word) || hasByte(equalTo: UInt8(ascii: "\""), word)
            || hasByte(equalTo: UInt8(ascii: "\\"), word)
    }

    /// Some byte is outside printable-or-above ASCII handling: a control character, `"`, `\`, or not ASCII.
    @inline(__always)
    static func hasSpecialForString(_ word: UInt64) -> Bool {
        word & highs != 0 || hasEscapable(word)
    }
}
