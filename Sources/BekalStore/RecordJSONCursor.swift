/// A forward reader over the JSON of one record, for `RecordJSONReader`. It reads exactly what Bekal's record
/// JSON holds (objects, arrays, strings, numbers, null) and throws `Unreadable` on anything else; the caller
/// then hands the text to `JSONDecoder`, which either reads it or reports it.
struct RecordJSONCursor {
    struct Unreadable: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(Unreadable) {
        skipSpace()
        guard current == byte else { throw Unreadable() }
        position += 1
    }

    /// Calls `member` with each member name of an object, positioned at its value.
    mutating func object(_ member: (String, inout RecordJSONCursor) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if current == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(key, &self)
            skipSpace()
            guard let byte = current else { throw Unreadable() }
            position += 1
            if byte == UInt8(ascii: "}") { return }
            guard byte == UInt8(ascii: ",") else { throw Unreadable() }
        }
    }

    mutating func array<T>(_ element: (inout RecordJSONCursor) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["))
        var result: [T] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            position += 1
            return result
        }
        while true {
            result.append(try element(&self))
            skipSpace()
            guard let byte = current else { throw Unreadable() }
            position += 1
            if byte == UInt8(ascii: "]") { return result }
            guard byte == UInt8(ascii: ",") else { throw Unreadable() }
        }
    }

    /// `true` (and consumed) when the next value is `null`.
    mutating func null() -> Bool {
        skipSpace()
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
            bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l")
        else { return false }
        position += 4
        return true
    }

    mutating func string() throws(Unreadable) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        // Fast path: no escapes.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { position += 1 }
        if current == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            return text
        }
        var out = Array(bytes[start..<position])
        while true {
            guard let byte = current, byte >= 0x20 else { throw Unreadable() }
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard let escape = current else { throw Unreadable() }
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hex4()
                if (0xD800..<0xDC00).contains(value) {
                    guard current == UInt8(ascii: "\\"), position + 1 < bytes.count,
                        bytes[position + 1] == UInt8(ascii: "u")
                    else { throw Unreadable() }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Unreadable() }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(value) else { throw Unreadable() }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default: throw Unreadable()
            }
        }
        // Invalid UTF-8 is not repaired here: JSONDecoder decides about it.
        guard let text = String(validating: out, as: UTF8.self) else { throw Unreadable() }
        return text
    }

    private mutating func hex4() throws(Unreadable) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Unreadable() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unreadable()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The text of a JSON number, checked against the JSON grammar.
    private mutating func numberText() throws(Unreadable) -> (text: Substring, integral: Bool) {
        skipSpace()
        let start = position
        var integral = true
        if current == UInt8(ascii: "-") { position += 1 }
        func digits(_ cursor: inout RecordJSONCursor) -> Int {
            let from = cursor.position
            while let byte = cursor.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { cursor.position += 1 }
            return cursor.position - from
        }
        let leading = position
        let intDigits = digits(&self)
        guard intDigits > 0, intDigits == 1 || bytes[leading] != UInt8(ascii: "0") else { throw Unreadable() }
        if current == UInt8(ascii: ".") {
            position += 1
            integral = false
            guard digits(&self) > 0 else { throw Unreadable() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            integral = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw Unreadable() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return (text[...], integral)
    }

    mutating func double() throws(Unreadable) -> Double {
        guard let value = Double(try numberText().text), value.isFinite else { throw Unreadable() }
        return value
    }

    mutating func integer() throws(Unreadable) -> Int {
        let number = try numberText()
        guard number.integral, let value = Int(number.text) else { throw Unreadable() }
        return value
    }

    /// After the value: nothing but white space may follow.
    mutating func end() throws(Unreadable) {
        skipSpace()
        guard position == bytes.count else { throw Unreadable() }
    }
}
