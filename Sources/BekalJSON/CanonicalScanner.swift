/// The pass behind `CanonicalText`: one walk over the bytes that confirms they are RFC 8785 and maps the values
/// down to `mappedDepth`, iterative so that nesting never becomes stack depth.
struct CanonicalScanner: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    let mappedDepth: Int
    var index = 0
    var nodes: [CanonicalText.Node] = []

    /// One open container: the node it is mapped to (-1: not mapped) and the previous member name.
    struct Frame {
        var isObject: Bool
        var node: Int
        var previousName: Range<Int>?
    }

    init(bytes: UnsafeBufferPointer<UInt8>, mappedDepth: Int) {
        self.bytes = bytes
        self.mappedDepth = mappedDepth
        // A mapped value takes a few dozen bytes of text at least; reserving for that spares regrowing the map.
        nodes.reserveCapacity(min(bytes.count / 64, 4_096) + 1)
    }

    mutating func scanDocument() -> Bool {
        var stack: [Frame] = []
        var pendingName: Range<Int>?
        skipWhitespace()
        value: while true {
            guard index < bytes.count else { return false }
            let depth = stack.count
            var node = -1
            if depth <= mappedDepth {
                node = nodes.count
                nodes.append(CanonicalText.Node(start: index, name: pendingName, kind: bytes[index]))
                if let parent = stack.last?.node, parent >= 0 {
                    if nodes[parent].lastChild >= 0 { nodes[nodes[parent].lastChild].nextSibling = node }
                    else { nodes[parent].firstChild = node }
                    nodes[parent].lastChild = node
                }
            }
            pendingName = nil
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                // RFC 8785 serialization refuses a container as deep as `JCS.maxDepth`.
                guard depth < JCS.maxDepth else { return false }
                let isObject = bytes[index] == UInt8(ascii: "{")
                index += 1
                guard index < bytes.count else { return false }
                if bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                } else {
                    stack.append(Frame(isObject: isObject, node: node))
                    if isObject {
                        guard let name = scanName(after: nil) else { return false }
                        stack[stack.count - 1].previousName = name
                        pendingName = name
                    }
                    continue value
                }
            case UInt8(ascii: "\""):
                guard scanString() else { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard scanNumber() else { return false }
            case UInt8(ascii: "t"): guard scanLiteral("true") else { return false }
            case UInt8(ascii: "f"): guard scanLiteral("false") else { return false }
            case UInt8(ascii: "n"): guard scanLiteral("null") else { return false }
            default: return false
            }
            if node >= 0 { nodes[node].end = index }
            // The value is complete: a comma continues its container, else containers close.
            while let top = stack.last {
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    if top.isObject {
                        guard let name = scanName(after: top.previousName) else { return false }
                        stack[stack.count - 1].previousName = name
                        pendingName = name
                    }
                    continue value
                }
                guard bytes[index] == (top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                index += 1
                stack.removeLast()
                if top.node >= 0 { nodes[top.node].end = index }
            }
            break value
        }
        skipWhitespace()
        return index == bytes.count
    }

    /// Reads `"name":`, a plain ASCII name without escapes that sorts strictly after `previous`.
    mutating func scanName(after previous: Range<Int>?) -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var position = start
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            let byte = bytes[position]
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ":") else { return nil }
        let name = start..<position
        // For ASCII, byte order is UTF-16 order; strictly after also means no duplicate.
        if let previous {
            guard UnsafeBufferPointer(rebasing: bytes[previous])
                .lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[name]))
            else { return nil }
        }
        index = position + 2
        return name
    }

    /// A string value, exactly as `JSONStringEscaping` writes its contents.
    mutating func scanString() -> Bool {
        var position = index + 1
        let count = bytes.count
        guard let base = bytes.baseAddress else { return false }
        while true {
            while position + 8 <= count,
                !ByteScan.hasSpecialForString(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            {
                position += 8
            }
            guard position < count else { return false }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                index = position + 1
                return true
            } else if byte == UInt8(ascii: "\\") {
                guard let length = canonicalEscapeLength(at: position) else { return false }
                position += length
            } else if byte >= 0x80 {
                guard case .success(let length) = UTF8Sequence.length(in: bytes, at: position) else { return false }
                position += length
            } else if byte < 0x20 {
                return false
            } else {
                position += 1
            }
        }
    }

    /// The length of the escape at `position` when RFC 8785 would write it: `\"`, `\\`, the five short forms
    /// of control characters, `\u00xx` (lowercase) for the other control characters; else `nil`.
    func canonicalEscapeLength(at position: Int) -> Int? {
        guard position + 1 < bytes.count else { return nil }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "n"),
            UInt8(ascii: "f"), UInt8(ascii: "r"):
            return 2
        case UInt8(ascii: "u"):
            guard position + 5 < bytes.count, bytes[position + 2] == UInt8(ascii: "0"),
                bytes[position + 3] == UInt8(ascii: "0")
            else { return nil }
            let high = bytes[position + 4]
            let low = bytes[position + 5]
            guard high == UInt8(ascii: "0") || high == UInt8(ascii: "1") else { return nil }
            let lowValue: UInt8
            switch low {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): lowValue = low - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): lowValue = low - UInt8(ascii: "a") + 10
            default: return nil
            }
            let value = (high - UInt8(ascii: "0")) << 4 | lowValue
            // These five have short forms, which RFC 8785 uses instead.
            return [0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(value) ? nil : 6
        default:
            return nil
        }
    }

    /// A number written as ECMAScript writes it: a short integer is checked digit by digit; anything else is
    /// read as the parser reads it and written again by `ECMAScriptNumber`, and the two must be equal.
    mutating func scanNumber() -> Bool {
        let start = index
        var position = start
        let isDigit = { (byte: UInt8) in byte &- UInt8(ascii: "0") < 10 }
        let isNumberByte = { (byte: UInt8) in
            isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte | 0x20 == UInt8(ascii: "e")
        }
        while position < bytes.count, isNumberByte(bytes[position]) { position += 1 }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<position])
        let digits = token.first == UInt8(ascii: "-") ? token.dropFirst() : token[...]
        if !digits.isEmpty, digits.count <= 15, digits.allSatisfy(isDigit) {
            // An integer below 10^15: exact in a double and written digit for digit, unless it has a leading
            // zero or is -0 (RFC 8785 writes 0).
            guard digits.first != UInt8(ascii: "0") || (digits.count == 1 && token.count == 1) else { return false }
            index = position
            return true
        }
        var reader = JSONReader(bytes: token, limits: .default)
        guard let value = try? reader.readNumber(), reader.index == token.count, value.isFinite,
            !ECMAScriptNumber.printsAsUnsafeInteger(value)
        else { return false }
        var written = JSONOutput(capacity: 32)
        ECMAScriptNumber.append(value, to: &written)
        guard written.bytes.elementsEqual(token) else { return false }
        index = position
        return true
    }

    mutating func scanLiteral(_ literal: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count,
            UnsafeBufferPointer(rebasing: bytes[index..<(index + expected.count)]).elementsEqual(expected)
        else { return false }
        index += expected.count
        return true
    }

    mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }
}
