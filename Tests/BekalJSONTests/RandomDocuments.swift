@testable import BekalJSON

/// A seeded source of random JSON documents for property tests, and the slow, obviously-correct reference forms
/// the fast paths are compared with.
struct RandomDocuments {
    /// SplitMix64: small, seeded, the same sequence on every platform.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Characters chosen to hit every branch: plain ASCII, what must be escaped, two- and three-byte UTF-8, the
    /// U+E000–U+FFFF range that sorts differently in UTF-16 than in code points, and characters beyond U+FFFF.
    private static let pool: [Unicode.Scalar] = [
        "a", "b", "z", "A", "Z", "0", "9", " ", "/", "~", "_", "@", ":", "\"", "\\", "\u{00}", "\u{01}", "\u{08}",
        "\u{09}", "\u{0A}", "\u{0C}", "\u{0D}", "\u{1F}", "\u{7F}", "\u{80}", "\u{E9}", "\u{FF}", "\u{20AC}",
        "\u{D7FF}", "\u{E000}", "\u{F8FF}", "\u{FB01}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "\u{1F600}",
        "\u{10FFFF}",
    ]

    mutating func string(maxLength: Int = 24) -> String {
        var scalars = String.UnicodeScalarView()
        let length = below(maxLength + 1)
        // Mostly ASCII runs, like real documents, so word-at-a-time scanning gets long runs to skip too.
        let plainOnly = below(3) == 0
        for _ in 0..<length {
            if plainOnly || below(4) != 0 {
                scalars.append(Unicode.Scalar(UInt8(0x20 + below(0x5F))).replacingQuoteAndBackslash)
            } else {
                scalars.append(Self.pool[below(Self.pool.count)])
            }
        }
        return String(scalars)
    }

    mutating func number() -> Double {
        switch below(5) {
        case 0: return Double(below(2_000_001) - 1_000_000)
        case 1: return Double(Int64(next() >> 11)) * (below(2) == 0 ? 1 : -1)  // up to 2^53
        case 2: return Double(below(1_000_000)) / 1000
        case 3: return Double(bitPattern: next() >> 2 | 0x3000_0000_0000_0000) * (below(2) == 0 ? 1 : -1)
        default: return [0.0, -0.0, 1e21, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude][below(6)]
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let kinds = depth >= 5 ? 4 : 6
        switch below(kinds) {
        case 0: return [.null, .bool(true), .bool(false)][below(3)]
        case 1: return .number(number())
        case 2, 3: return .string(string())
        case 4:
            return .array((0..<below(6)).map { _ in value(depth: depth + 1) })
        default:
            // Sometimes past the parser's linear duplicate check, so its hash-set path is exercised too.
            let count = below(4) == 0 ? 9 + below(20) : below(9)
            var object = JSONObject()
            for _ in 0..<count { object[string(maxLength: 10)] = value(depth: depth + 1) }
            return .object(object)
        }
    }
}

extension Unicode.Scalar {
    /// Plain ASCII stays plain: `"` and `\` come from the pool when wanted.
    fileprivate var replacingQuoteAndBackslash: Unicode.Scalar {
        self == "\"" || self == "\\" ? "x" : self
    }
}

/// RFC 8785 written out the slow way: names sorted as arrays of UTF-16 code units, strings escaped one byte at a
/// time, every member fetched by name.
enum ReferenceJCS {
    static func canonicalize(_ value: JSONValue) -> [UInt8] {
        switch value {
        case .null: return Array("null".utf8)
        case .bool(let flag): return Array((flag ? "true" : "false").utf8)
        case .number(let number):
            if number == number.rounded(), number.magnitude < 9_007_199_254_740_992 {
                return Array(String(Int64(number)).utf8)
            }
            return Array(ECMAScriptNumber.format(number).utf8)
        case .string(let string): return quoted(string)
        case .array(let elements):
            return Array("[".utf8) + elements.map(canonicalize).joined(separator: [UInt8(ascii: ",")]) + Array("]".utf8)
        case .object(let object):
            let names = object.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
            let members = names.map { quoted($0) + [UInt8(ascii: ":")] + canonicalize(object[$0]!) }
            return Array("{".utf8) + members.joined(separator: [UInt8(ascii: ",")]) + Array("}".utf8)
        }
    }

    static func quoted(_ string: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): output += Array("\\\\".utf8)
            case 0x08: output += Array("\\b".utf8)
            case 0x09: output += Array("\\t".utf8)
            case 0x0A: output += Array("\\n".utf8)
            case 0x0C: output += Array("\\f".utf8)
            case 0x0D: output += Array("\\r".utf8)
            case ..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                output += Array("\\u00".utf8) + [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return output
    }
}

/// JSON text for a value written differently from any canonical form: random whitespace, and characters
/// randomly written as `\u` escapes (surrogate pairs beyond U+FFFF) or `\/`, so the parser's escape path and its
/// plain-run path are both exercised.
enum LooseWriter {
    static func text(_ value: JSONValue, random: inout RandomDocuments) -> [UInt8] {
        var output: [UInt8] = []
        write(value, to: &output, random: &random)
        return output
    }

    private static func space(_ output: inout [UInt8], _ random: inout RandomDocuments) {
        if random.below(4) == 0 { output += Array([" ", "\n", "\t", "\r\n  "][random.below(4)].utf8) }
    }

    private static func write(_ value: JSONValue, to output: inout [UInt8], random: inout RandomDocuments) {
        space(&output, &random)
        switch value {
        case .null, .bool, .number:
            output += JSONWriter.serialize(value)
        case .string(let string):
            writeString(string, to: &output, random: &random)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output, random: &random)
            }
            space(&output, &random)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                space(&output, &random)
                writeString(member.key, to: &output, random: &random)
                space(&output, &random)
                output.append(UInt8(ascii: ":"))
                write(member.value, to: &output, random: &random)
            }
            space(&output, &random)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ string: String, to output: inout [UInt8], random: inout RandomDocuments) {
        output.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
            if mustEscape || random.below(6) == 0 {
                if scalar == "/" {
                    output += Array("\\/".utf8)
                    continue
                }
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: random.below(2) == 0)
                    output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
            } else {
                output += Array(String(scalar).utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// `JSONWriter` written out the slow way: members in stored order through `members`, strings escaped one byte
/// at a time, the indentation spelled out.
enum ReferenceWriter {
    static func serialize(_ value: JSONValue, pretty: Bool, indent: Int = 0) -> [UInt8] {
        let inner = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        let outer = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
        switch value {
        case .null: return Array("null".utf8)
        case .bool(let flag): return Array((flag ? "true" : "false").utf8)
        case .number(let number): return Array((number.isFinite ? ECMAScriptNumber.format(number) : "null").utf8)
        case .string(let string): return ReferenceJCS.quoted(string)
        case .array(let elements):
            if elements.isEmpty { return Array("[]".utf8) }
            let items = elements.map { Array(inner.utf8) + serialize($0, pretty: pretty, indent: indent + 1) }
            return Array("[".utf8) + items.joined(separator: [UInt8(ascii: ",")]) + Array((outer + "]").utf8)
        case .object(let object):
            if object.isEmpty { return Array("{}".utf8) }
            let items = object.members.map {
                Array(inner.utf8) + ReferenceJCS.quoted($0.key) + Array((pretty ? ": " : ":").utf8)
                    + serialize($0.value, pretty: pretty, indent: indent + 1)
            }
            return Array("{".utf8) + items.joined(separator: [UInt8(ascii: ",")]) + Array((outer + "}").utf8)
        }
    }
}
