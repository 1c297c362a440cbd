/// Orders member names by their UTF-16 code units, as RFC 8785 §3.2.3 requires.
///
/// Comparing UTF-8 bytes gives code point order, which differs from UTF-16 order only where a character in
/// U+E000–U+FFFF meets one above U+FFFF (surrogates, 0xD800–0xDFFF, sort below 0xE000). Both differ at a lead
/// byte there (0xEE/0xEF against 0xF0–0xF4), so comparing bytes with those two lead bytes lifted above 0xF4
/// gives UTF-16 order without transcoding.
enum UTF16Order {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                var position = 0
                while position < common {
                    let a = left[position]
                    let b = right[position]
                    if a != b { return weight(a) < weight(b) }
                    position += 1
                }
                return left.count < right.count
            }
        }
    }

    @inline(__always)
    private static func weight(_ byte: UInt8) -> UInt16 {
        byte == 0xEE || byte == 0xEF ? UInt16(byte) + 0x10 : UInt16(byte)
    }
}
