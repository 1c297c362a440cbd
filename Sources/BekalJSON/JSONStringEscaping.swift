/// RFC 8785 §3.2.2.2 string serialization, which is also the minimal escaping any JSON writer needs: `"` and `\`
/// escaped, control characters as `\b \t \n \f \r` or `\u00xx` (lowercase hex), everything else — `/` and
/// non-ASCII included — written as its UTF-8 bytes.
enum JSONStringEscaping {
    static func append(quoted string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            appendEscaped(utf8, to: &output)
        }
        if done == nil {
            Array(string.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one piece, finding the end of a run eight bytes at a time.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var runStart = 0
        var position = 0
        while true {
            while position + 8 <= count,
                !ByteScan.hasEscapable(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            {
                position += 8
            }
            // At most eight bytes to check one by one before the next word, or the tail.
            let stop = min(position + 8, count)
            var found = false
            while position < stop {
                let byte = base[position]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    found = true
                    break
                }
                position += 1
            }
            if !found {
                if position < count { continue }
                break
            }
            let byte = base[position]
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart))
            position += 1
            runStart = position
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            default:
                output.append(contentsOf: "u00".utf8)
                output.append(contentsOf: hex(byte).utf8)
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// As `append(quoted:to:)` for an array, into canonical output: room for the worst case (every byte a
    /// six-byte `\u00xx`) is reserved once, then runs and escapes are stored without further checks.
    static func append(quoted string: String, to output: inout JSONOutput) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            appendQuoted(utf8, to: &output)
        }
        if done == nil {
            Array(string.utf8).withUnsafeBufferPointer { appendQuoted($0, to: &output) }
        }
    }

    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout JSONOutput) {
        let count = utf8.count
        output.reserve(count * 6 + 2)
        output.write(UInt8(ascii: "\""))
        guard let base = utf8.baseAddress else {
            output.write(UInt8(ascii: "\""))
            return
        }
        var runStart = 0
        var position = 0
        while position < count {
            while position + 8 <= count,
                !ByteScan.hasEscapable(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            {
                position += 8
            }
            let stop = min(position + 8, count)
            while position < stop {
                let byte = base[position]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                position += 1
            }
            guard position < stop else { continue }
            let byte = base[position]
            output.write(base + runStart, count: position - runStart)
            position += 1
            runStart = position
            output.write(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): output.write(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.write(UInt8(ascii: "\\"))
            case 0x08: output.write(UInt8(ascii: "b"))
            case 0x09: output.write(UInt8(ascii: "t"))
            case 0x0A: output.write(UInt8(ascii: "n"))
            case 0x0C: output.write(UInt8(ascii: "f"))
            case 0x0D: output.write(UInt8(ascii: "r"))
            default:
                output.write(UInt8(ascii: "u"))
                output.write(UInt8(ascii: "0"))
                output.write(UInt8(ascii: "0"))
                output.write(hexDigits[Int(byte >> 4)])
                output.write(hexDigits[Int(byte & 0xF)])
            }
        }
        output.write(base + runStart, count: count - runStart)
        output.write(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

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
