import Foundation

/// Standard base64 (RFC 4648 §4, with padding), strict: the signed-note and checkpoint texts are compared and
/// signed byte for byte, so only the one canonical spelling of a value is accepted.
package enum Base64Text {
    /// The bytes of canonical base64, or `nil` (bad characters, missing padding, non-zero padding bits).
    ///
    /// Read byte by byte from the UTF-8 (an export's ledger log proof holds thousands of hashes, and Foundation's
    /// decoder plus a re-encoding to refuse non-canonical spellings cost ~30 ms per export). Canonical means: only
    /// the 64 alphabet characters, a length that is a multiple of 4, one or two `=` only at the end, and zero in
    /// the bits the padding leaves over — exactly the texts that re-encode to themselves.
    package static func decode(_ text: some StringProtocol) -> [UInt8]? {
        if let decoded = text.utf8.withContiguousStorageIfAvailable({ decode($0) }) { return decoded }
        return Array(text.utf8).withUnsafeBufferPointer { decode($0) }
    }

    private static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        guard text.count > 0 else { return [] }
        let padding = text[text.count - 1] != UInt8(ascii: "=") ? 0 : text[text.count - 2] != UInt8(ascii: "=") ? 1 : 2
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var position = 0
        while position < text.count {
            let isLast = position + 4 == text.count
            var group: UInt32 = 0
            for offset in 0..<4 {
                let byte = text[position + offset]
                if isLast && offset >= 4 - padding {
                    group <<= 6
                    continue
                }
                guard let value = sextet(byte) else { return nil }
                group = group << 6 | UInt32(value)
            }
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            if isLast && padding > 0 {
                // The bits the padding leaves over must be zero, or the text is one of several spellings.
                let leftover = padding == 1 ? group & 0xFF : group & 0xFFFF
                guard leftover == 0 else { return nil }
                if padding == 1 { output.append(UInt8(truncatingIfNeeded: group >> 8)) }
            } else {
                output.append(UInt8(truncatingIfNeeded: group >> 8))
                output.append(UInt8(truncatingIfNeeded: group))
            }
            position += 4
        }
        return output
    }

    /// The value of one base64 alphabet character (`=` is not one).
    @inline(__always)
    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    /// Canonical base64 of `bytes`.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
