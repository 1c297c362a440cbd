extension JSONReader {
    /// Reads a string starting at its opening quote. Strings without escapes are decoded straight from the input
    /// bytes; escapes go through the reused `scratch` buffer.
    mutating func readString() throws(JSONError) -> String {
        let start = index + 1
        var cursor = start
        let end = bytes.count
        while cursor < end {
            cursor = skipPlainASCII(from: cursor)
            guard cursor < end else { break }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                try checkStringLength(cursor - start)
                index = cursor + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            cursor = try advanceCharacter(at: cursor)
        }
        guard cursor < end else { throw failure(.unexpectedEnd, "the document ends inside a string", at: start - 1) }

        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while cursor < end {
            cursor = skipPlainASCII(from: cursor)
            guard cursor < end else { break }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                try checkStringLength(cursor - start)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor]))
                index = cursor + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor]))
                cursor = try readEscape(at: cursor)
                runStart = cursor
            } else {
                cursor = try advanceCharacter(at: cursor)
            }
        }
        throw failure(.unexpectedEnd, "the document ends inside a string", at: start - 1)
    }

    /// The first offset at or after `cursor` that may need a look (a quote, backslash, control or non-ASCII
    /// byte), skipping printable ASCII eight bytes at a time; the byte-by-byte checks decide what it is.
    @inline(__always)
    private func skipPlainASCII(from cursor: Int) -> Int {
        guard let base = bytes.baseAddress else { return cursor }
        var cursor = cursor
        while cursor + 8 <= bytes.count,
            !ByteScan.hasSpecialForString(UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
        {
            cursor += 8
        }
        return cursor
    }

    private func checkStringLength(_ length: Int) throws(JSONError) {
        guard length <= limits.maxStringBytes else {
            throw failure(.stringTooLarge, "a string of \(length) bytes exceeds the limit of \(limits.maxStringBytes)")
        }
    }

    /// Steps over one unescaped character, validating UTF-8 per RFC 3629 (no overlong forms, no encoded
    /// surrogates, nothing above U+10FFFF) and refusing raw control characters.
    @inline(__always)
    private func advanceCharacter(at cursor: Int) throws(JSONError) -> Int {
        let lead = bytes[cursor]
        if lead >= 0x20 && lead < 0x80 { return cursor + 1 }
        if lead < 0x20 {
            throw failure(.controlCharacter, "control character 0x\(hex(lead)) must be escaped in a string", at: cursor)
        }
        switch UTF8Sequence.length(in: bytes, at: cursor) {
        case .success(let length): return cursor + length
        case .failure(.badLead):
            throw failure(.invalidUTF8, "byte 0x\(hex(lead)) cannot start a UTF-8 character", at: cursor)
        case .failure(.cutOff):
            throw failure(.invalidUTF8, "a UTF-8 character is cut off by the end of the document", at: cursor)
        case .failure(.badContinuation):
            throw failure(.invalidUTF8, "invalid UTF-8 sequence", at: cursor)
        }
    }

    /// Decodes the escape at `cursor` (a backslash) into `scratch` and returns the offset after it.
    private mutating func readEscape(at cursor: Int) throws(JSONError) -> Int {
        guard cursor + 1 < bytes.count else {
            throw failure(.unexpectedEnd, "the document ends inside an escape", at: cursor)
        }
        let replacement: UInt8
        switch bytes[cursor + 1] {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "u"): return try readUnicodeEscape(at: cursor)
        default:
            throw failure(.invalidEscape, "'\\' followed by byte 0x\(hex(bytes[cursor + 1])) is not a JSON escape", at: cursor)
        }
        scratch.append(replacement)
        return cursor + 2
    }

    private mutating func readUnicodeEscape(at cursor: Int) throws(JSONError) -> Int {
        let unit = try hexQuad(at: cursor + 2)
        var scalar = UInt32(unit)
        var next = cursor + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") else {
                throw failure(.loneSurrogate, "a high surrogate escape is not followed by a low surrogate escape", at: cursor)
            }
            let low = try hexQuad(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure(.loneSurrogate, "a high surrogate escape is not followed by a low surrogate escape", at: cursor)
            }
            scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw failure(.loneSurrogate, "a low surrogate escape has no high surrogate before it", at: cursor)
        default:
            break
        }
        appendUTF8(scalar)
        return next
    }

    private func hexQuad(at offset: Int) throws(JSONError) -> UInt16 {
        guard offset + 4 <= bytes.count else {
            throw failure(.unexpectedEnd, "the document ends inside a \\u escape", at: offset)
        }
        var value: UInt16 = 0
        for position in offset..<offset + 4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(.invalidEscape, "a \\u escape needs four hexadecimal digits", at: position)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
