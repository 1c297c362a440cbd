/// RFC 8785 §3.2.2.2 string serialization, which is also the minimal escaping any JSON writer needs: `"` and `\`
/// escaped, control characters as `\b \t \n \f \r` or `\u00xx` (lowercase hex), everything else — `/` and
/// non-ASCII included — written as its UTF-8 bytes.
enum JSONStringEscaping {
    /// Writes `string` quoted and escaped. Room for the worst case (every byte a six-byte `\u00xx`) is reserved
    /// once; runs of bytes that need no escape, found eight bytes at a time, are copied whole.
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
