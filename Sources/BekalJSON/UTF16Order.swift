/// Orders member names by their UTF-16 code units, as RFC 8785 §3.2.3 requires.
///
/// Comparing UTF-8 bytes gives code point order, which differs from UTF-16 order only where a character in
/// U+E000–U+FFFF meets one above U+FFFF (surrogates, 0xD800–0xDFFF, sort below 0xE000). Both differ at a lead
/// byte there (0xEE/0xEF against 0xF0–0xF4), so comparing bytes with those two lead bytes lifted above 0xF4
/// gives UTF-16 order without transcoding.
enum UTF16Order {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let contiguous = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in precedes(left, right) }
        }
        if let contiguous, let result = contiguous { return result }
        return precedes(Array(lhs.utf8), Array(rhs.utf8))
    }

    static func precedes(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
        var rightBytes = right.makeIterator()
        for a in left {
            guard let b = rightBytes.next() else { return false }
            if a != b { return weight(a) < weight(b) }
        }
        return rightBytes.next() != nil
    }

    static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
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

    @inline(__always)
    private static func weight(_ byte: UInt8) -> UInt16 {
        byte == 0xEE || byte == 0xEF ? UInt16(byte) + 0x10 : UInt16(byte)
    }
}
