extension JSONReader {
    /// Reads an RFC 8259 number. Integer literals beyond ±2^53 are refused rather than silently rounded, and so
    /// are numbers such as `1e20` whose canonical form would be such a literal; literals that overflow a double
    /// are refused rather than read as infinity.
    mutating func readNumber() throws(JSONError) -> Double {
        let start = index
        let end = bytes.count
        var cursor = start
        let negative = bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        let digitsStart = cursor
        guard cursor < end, isDigit(bytes[cursor]) else {
            throw failure(.invalidNumber, "a '-' must be followed by a digit", at: cursor)
        }
        if bytes[cursor] == UInt8(ascii: "0") {
            cursor += 1
            if cursor < end, isDigit(bytes[cursor]) {
                throw failure(.invalidNumber, "a number cannot have a leading zero", at: start)
            }
        } else {
            while cursor < end, isDigit(bytes[cursor]) { cursor += 1 }
        }
        let digitsEnd = cursor
        var isInteger = true
        if cursor < end, bytes[cursor] == UInt8(ascii: ".") {
            isInteger = false
            cursor += 1
            guard cursor < end, isDigit(bytes[cursor]) else {
                throw failure(.invalidNumber, "a '.' in a number must be followed by a digit", at: cursor)
            }
            while cursor < end, isDigit(bytes[cursor]) { cursor += 1 }
        }
        if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            cursor += 1
            if cursor < end, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
            guard cursor < end, isDigit(bytes[cursor]) else {
                throw failure(.invalidNumber, "an exponent must have digits", at: cursor)
            }
            while cursor < end, isDigit(bytes[cursor]) { cursor += 1 }
        }

        if isInteger {
            let count = digitsEnd - digitsStart
            if count <= 15 {
                // Exact in a double, no string round trip needed.
                var magnitude: Int64 = 0
                for position in digitsStart..<digitsEnd { magnitude = magnitude * 10 + Int64(bytes[position] &- 0x30) }
                index = cursor
                return negative ? -Double(magnitude) : Double(magnitude)
            }
            if !limits.acceptsInexactIntegers, count > 16 || !lexicallyAtMost(digitsStart, "9007199254740992") {
                throw failure(.integerOutOfRange, "an integer beyond ±2^53 cannot be represented exactly", at: start)
            }
        }
        let lexeme = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
        // Double(String) is correctly rounded; the lexeme is already validated against the JSON grammar.
        guard let value = Double(lexeme) else {
            throw failure(.invalidNumber, "not a number", at: start)
        }
        guard value.isFinite else {
            throw failure(.nonFiniteNumber, "the number is too large for a double", at: start)
        }
        guard limits.acceptsInexactIntegers || !ECMAScriptNumber.printsAsUnsafeInteger(value) else {
            throw failure(.integerOutOfRange, "the number is an integer beyond ±2^53, which cannot be represented exactly", at: start)
        }
        index = cursor
        return value
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Whether the equally long digit run at `offset` is lexically (hence numerically) ≤ `bound`.
    private func lexicallyAtMost(_ offset: Int, _ bound: StaticString) -> Bool {
        let limit = UnsafeBufferPointer(start: bound.utf8Start, count: bound.utf8CodeUnitCount)
        for position in 0..<limit.count where bytes[offset + position] != limit[position] {
            return bytes[offset + position] < limit[position]
        }
        return true
    }
}
