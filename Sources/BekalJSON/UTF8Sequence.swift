/// RFC 3629 UTF-8, one character at a time: no overlong forms, no encoded surrogates, nothing above U+10FFFF.
/// The parser and `CanonicalText` both step over non-ASCII characters with it.
enum UTF8Sequence {
    /// Why the bytes at an offset are not one well-formed character.
    enum Problem: Error {
        case badLead, cutOff, badContinuation
    }

    /// The length of the character starting with byte `cursor` (a byte of 0x80 or more), or why it is not one.
    @inline(__always)
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at cursor: Int) -> Result<Int, Problem> {
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch bytes[cursor] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return .failure(.badLead)
        }
        guard cursor + length <= bytes.count else { return .failure(.cutOff) }
        let second = bytes[cursor + 1]
        guard second >= low && second <= high else { return .failure(.badContinuation) }
        var next = cursor + 2
        while next < cursor + length {
            guard bytes[next] & 0xC0 == 0x80 else { return .failure(.badContinuation) }
            next += 1
        }
        return .success(length)
    }
}
