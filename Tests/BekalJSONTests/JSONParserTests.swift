import Testing
@testable import BekalJSON

@Suite("Strict JSON parser")
struct JSONParserTests {
    private func parse(_ text: String, limits: JSONLimits = .default) throws(JSONError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), limits: limits)
    }

    private func parseError(_ bytes: [UInt8], limits: JSONLimits = .default) -> JSONError? {
        do {
            _ = try JSONParser.parse(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test("reads every kind of value")
    func readsValues() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null, "x\ty"], "b": {}, "c": [], "d": -0} "#)
        #expect(value["a"] == [1, -2500, true, false, nil, "x\ty"])
        #expect(value["b"] == .object(JSONObject()))
        #expect(value["c"] == [])
        let zero = try #require(value["d"]?.numberValue)
        #expect(zero == 0 && zero.sign == .minus)
        #expect(value.objectValue?.keys == ["a", "b", "c", "d"])
    }

    @Test("keeps members in document order")
    func keepsOrder() throws {
        #expect(try parse(#"{"z":1,"a":2,"m":3}"#).objectValue?.keys == ["z", "a", "m"])
    }

    @Test("decodes escapes and surrogate pairs")
    func decodesEscapes() throws {
        let value = try parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude02", "\u0000", "plain é"]"#)
        #expect(value == ["\"\\/\u{08}\u{0C}\n\r\t", "é€😂", "\u{0}", "plain é"])
    }

    @Test("rounds decimal numbers correctly")
    func roundsNumbers() throws {
        #expect(try parse("0.1") == .number(0.1))
        #expect(try parse("333333333.33333329") == .number(333333333.33333329))
        #expect(try parse("2.2250738585072011e-308") == .number(Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)))
        #expect(try parse("9007199254740992") == .number(9007199254740992))
        #expect(try parse("-9007199254740992") == .number(-9007199254740992))
        #expect(try parse("123456789012345") == .number(123456789012345))
        #expect(try parse("1E30") == .number(1e30))
        #expect(try parse("1e-400") == .number(0))
    }

    @Test("gives each kind of bad input its own error code", arguments: [
        (#"{"a":1,"a":2}"#, JSONError.Code.duplicateKey),
        (#"{"a":{"b":1},"a":1}"#, .duplicateKey),
        (#"{"\u00c5":1,"A\u030a":2}"#, .duplicateKey),
        (#""\ud83d""#, .loneSurrogate),
        (#""\ude02""#, .loneSurrogate),
        (#""\ud83dx""#, .loneSurrogate),
        (#""\ud83d\u0041""#, .loneSurrogate),
        (#""\x""#, .invalidEscape),
        (#""\u12g4""#, .invalidEscape),
        ("\"a\u{01}b\"", .controlCharacter),
        ("\"a\nb\"", .controlCharacter),
        ("01", .invalidNumber),
        ("-", .invalidNumber),
        ("-a", .invalidNumber),
        ("1.", .invalidNumber),
        ("1.e5", .invalidNumber),
        ("1e", .invalidNumber),
        ("1e+", .invalidNumber),
        ("+1", .unexpectedCharacter),
        (".5", .unexpectedCharacter),
        ("1e309", .nonFiniteNumber),
        ("-1e309", .nonFiniteNumber),
        ("9007199254740993", .integerOutOfRange),
        ("-9007199254740993", .integerOutOfRange),
        ("12345678901234567890", .integerOutOfRange),
        ("NaN", .unexpectedCharacter),
        ("Infinity", .unexpectedCharacter),
        ("tru", .unexpectedEnd),
        ("trux", .unexpectedCharacter),
        ("[1,]", .unexpectedCharacter),
        ("{\"a\" 1}", .unexpectedCharacter),
        ("{1:2}", .unexpectedCharacter),
        ("[1 2]", .unexpectedCharacter),
        ("", .unexpectedEnd),
        ("   ", .unexpectedEnd),
        ("[1,", .unexpectedEnd),
        ("{\"a\":", .unexpectedEnd),
        ("\"abc", .unexpectedEnd),
        ("[", .unexpectedEnd),
        ("{}{}", .trailingData),
        ("1 2", .trailingData),
        ("null x", .trailingData),
    ])
    func reportsErrorCodes(text: String, code: JSONError.Code) {
        #expect(parseError(Array(text.utf8))?.code == code)
    }

    @Test("rejects invalid UTF-8 as RFC 3629 defines it", arguments: [
        [0xC0, 0xAF],  // overlong '/'
        [0xE0, 0x80, 0xAF],  // overlong
        [0xF0, 0x80, 0x80, 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // U+D800 encoded in UTF-8
        [0xED, 0xBF, 0xBF],  // U+DFFF encoded in UTF-8
        [0xF4, 0x90, 0x80, 0x80],  // U+110000
        [0xF5, 0x80, 0x80, 0x80],
        [0xFF],
        [0x80],  // stray continuation byte
        [0xC3],  // truncated
        [0xE2, 0x82],  // truncated
        [0xE2, 0x28, 0xA1],  // bad continuation
    ] as [[UInt8]])
    func rejectsInvalidUTF8(sequence: [UInt8]) {
        let document = [UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")]
        #expect(parseError(document)?.code == .invalidUTF8)
    }

    @Test("accepts the boundary characters of each UTF-8 length")
    func acceptsBoundaryUTF8() throws {
        let document: [UInt8] = [0x22, 0x7F, 0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF,
                                 0xEE, 0x80, 0x80, 0xEF, 0xBF, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]
        let value = try JSONParser.parse(document)
        #expect(value.stringValue?.unicodeScalars.map(\.value) == [0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF])
    }

    @Test("rejects a byte order mark and bytes outside strings")
    func rejectsStrayBytes() {
        #expect(parseError([0xEF, 0xBB, 0xBF] + Array("{}".utf8))?.code == .unexpectedCharacter)
        #expect(parseError([0x5B, 0xC3, 0xA9, 0x5D])?.code == .unexpectedCharacter)
    }

    @Test("refuses a million opening brackets with tooDeep, not a crash")
    func refusesDeepNesting() {
        let document = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        let error = parseError(document)
        #expect(error?.code == .tooDeep)
        #expect(error?.offset == JSONLimits.default.maxDepth)
        let objects = Array(String(repeating: "{\"a\":", count: 100_000).utf8)
        #expect(parseError(objects)?.code == .tooDeep)
    }

    @Test("accepts exactly the depth limit and refuses one more")
    func depthBoundary() throws {
        let limits = JSONLimits(maxBytes: 1 << 20, maxDepth: 5, maxStringBytes: 100)
        #expect(throws: Never.self) { try parse("[[[[[]]]]]", limits: limits) }
        #expect(parseError(Array("[[[[[[]]]]]]".utf8), limits: limits)?.code == .tooDeep)
        #expect(parseError(Array(#"{"a":{"b":{"c":{"d":{"e":{}}}}}}"#.utf8), limits: limits)?.code == .tooDeep)
    }

    @Test("refuses an oversized document before reading it")
    func refusesLargeDocuments() {
        let limits = JSONLimits(maxBytes: 10, maxDepth: 8, maxStringBytes: 100)
        #expect(parseError(Array("[1,2,3,4,5]".utf8), limits: limits)?.code == .tooLarge)
        #expect(throws: Never.self) { try parse("[1,2,3,45]", limits: limits) }
        // Garbage beyond the limit still reports the size, proving it is checked first.
        #expect(parseError([UInt8](repeating: 0xFF, count: 11), limits: limits)?.code == .tooLarge)
        let big = [UInt8](repeating: UInt8(ascii: " "), count: JSONLimits.default.maxBytes + 1)
        #expect(parseError(big)?.code == .tooLarge)
    }

    @Test("refuses an overlong string, escapes counted as written")
    func refusesLongStrings() throws {
        let limits = JSONLimits(maxBytes: 1000, maxDepth: 8, maxStringBytes: 6)
        #expect(try parse(#"["abcdef"]"#, limits: limits) == ["abcdef"])
        #expect(parseError(Array(#"["abcdefg"]"#.utf8), limits: limits)?.code == .stringTooLarge)
        #expect(parseError(Array(#"["\u0041bc"]"#.utf8), limits: limits)?.code == .stringTooLarge)
        #expect(parseError(Array(#"{"abcdefg":1}"#.utf8), limits: limits)?.code == .stringTooLarge)
    }

    @Test("reports byte offset and path, never string contents")
    func describesWhereNotWhat() {
        let secret = "Budi Santoso 1234/2026"
        let error = parseError(Array(#"{"subject":{"name":"\#(secret)","list":[1,2,"\#(secret)\u12"]}}"#.utf8))
        #expect(error?.code == .invalidEscape)
        #expect(error?.message.contains("$.subject.list[2]") == true)
        #expect(error?.description.contains(secret) == false)
        #expect(error?.description.contains("Budi") == false)

        let duplicate = parseError(Array(#"{"registerNumber":1,"registerNumber":2}"#.utf8))
        #expect(duplicate?.message.contains("\"registerNumber\"") == true)
        #expect(duplicate?.offset == 20)
        let personalName = parseError(Array(#"{"Budi Santoso – 1234":1,"Budi Santoso – 1234":2}"#.utf8))
        #expect(personalName?.code == .duplicateKey)
        #expect(personalName?.description.contains("Budi") == false)
    }

    @Test("parses any byte collection, contiguous or not")
    func parsesCollections() throws {
        let text = #"{"a":[1,"é"]}"#
        let expected: JSONValue = ["a": [1, "é"]]
        #expect(try JSONParser.parse(text.utf8) == expected)
        #expect(try JSONParser.parse(Array(text.utf8)[...]) == expected)
        #expect(try JSONParser.parse(text.utf8.lazy.map { $0 }) == expected)
    }
}
