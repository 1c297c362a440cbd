import Foundation
import Testing
@testable import BekalJSON

@Suite("RFC 8785 canonicalization")
struct JCSTests {
    @Test("reproduces every input/output pair of the RFC 8785 test data", arguments: FixtureFiles.jcsCases)
    func reproducesReferenceOutput(name: String) throws {
        let input = try FixtureFiles.bytes("input/\(name).json")
        let expected = try FixtureFiles.bytes("output/\(name).json")
        let expectedHex = try FixtureFiles.hexBytes("outhex/\(name).txt")
        #expect(expected == expectedHex, "the fixture's output and outhex disagree")
        let canonical = try JCS.canonicalize(bytes: input)
        #expect(canonical == expected)
        #expect(canonical == expectedHex)
    }

    @Test("formats all 10,000 ECMAScript number cases")
    func formatsEveryNumberCase() throws {
        let lines = String(decoding: try FixtureFiles.bytes("es6numbers-10000.txt"), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == 10_000)
        var mismatches: [String] = []
        for line in lines {
            let fields = line.split(separator: ",", maxSplits: 1)
            let bits = try #require(UInt64(fields[0], radix: 16))
            let value = Double(bitPattern: bits)
            let expected = String(fields[1])
            if ECMAScriptNumber.format(value) != expected {
                mismatches.append("\(fields[0]): got \(ECMAScriptNumber.format(value)), want \(expected)")
            }
            // Through JCS too, wherever the value is an acceptable JSON number.
            let isUnsafeInteger = value.magnitude > 9_007_199_254_740_992 && value.magnitude < 1e21
                && value.rounded() == value
            if value.isFinite && !isUnsafeInteger, try JCS.canonicalize(.number(value)) != Array(expected.utf8) {
                mismatches.append("\(fields[0]) via JCS")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test("a JCS tool (acceptsInexactIntegers) canonicalizes every finite case read as text; the strict default refuses integers beyond 2^53")
    func toolCanonicalizesEveryFiniteNumber() throws {
        let lines = String(decoding: try FixtureFiles.bytes("es6numbers-10000.txt"), as: UTF8.self)
            .split(separator: "\n")
        var tool = JSONLimits.default
        tool.acceptsInexactIntegers = true
        var mismatches: [String] = []
        var unsafe = 0
        for line in lines {
            let fields = line.split(separator: ",", maxSplits: 1)
            let value = Double(bitPattern: try #require(UInt64(fields[0], radix: 16)))
            guard value.isFinite else { continue }
            // Swift writes the shortest text that reads back as the same double (JSON grammar but for "inf"/"nan").
            let text = Array("[\(value)]".utf8)
            // And the canonical text itself as input (a fixed point), often a long integer literal.
            let canonical = Array("[\(fields[1])]".utf8)
            for input in [text, canonical] where try JCS.canonicalize(bytes: input, limits: tool) != canonical {
                mismatches.append(String(fields[0]))
            }
            // Written as an integer literal beyond 2^53, the strict default (documents Bekal verifies) refuses it.
            if value.magnitude > 9_007_199_254_740_992, !fields[1].contains("e") {
                unsafe += 1
                #expect(throws: JSONError(.integerOutOfRange, "")) { try JCS.canonicalize(bytes: canonical) }
            }
        }
        #expect(unsafe > 50, "the cases include integers beyond 2^53")
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test("writes the number layouts of the standards table", arguments: [
        (56.0, "56"), (1e21, "1e+21"), (1e-7, "1e-7"), (-0.0, "0"), (1e20, "100000000000000000000"),
        (123e-20, "1.23e-18"), (0.000001, "0.000001"), (-1.5, "-1.5"), (9007199254740992, "9007199254740992"),
        (1152921504606846976, "1152921504606847000"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    ])
    func formatsNumberLayouts(value: Double, expected: String) {
        #expect(ECMAScriptNumber.format(value) == expected)
    }

    @Test("refuses NaN and infinities")
    func refusesNonFinite() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: JSONError(.nonFiniteNumber, "")) { try JCS.canonicalize(.array([.number(value)])) }
        }
        #expect(ECMAScriptNumber.format(.nan) == "NaN")
        #expect(ECMAScriptNumber.format(-.infinity) == "-Infinity")
    }

    @Test("refuses values whose canonical form would be an integer literal beyond 2^53")
    func refusesUnsafeIntegers() throws {
        for value in [1e20, -1e20, 9007199254740994, 123456789012345680] {
            #expect(throws: JSONError(.integerOutOfRange, "")) { try JCS.canonicalize(.number(value)) }
        }
        #expect(try JCS.canonicalize(.array([1e21, 9007199254740992, 1e30, -2.5e-7])) == Array("[1e+21,9007199254740992,1e+30,-2.5e-7]".utf8))
    }

    @Test("sorts member names by UTF-16 code units, not by scalars or Swift's String order")
    func sortsByUTF16() throws {
        // U+FB33 (one UTF-16 unit 0xFB33) sorts AFTER U+1F602 (surrogates 0xD83D 0xDE02) in UTF-16 order,
        // but before it in code point order.
        let value: JSONValue = ["\u{1F602}": 1, "\u{FB33}": 2, "\u{E000}": 3, "\u{10000}": 4, "z": 5, "\u{7F}": 6, "\u{80}": 7]
        let canonical = String(decoding: try JCS.canonicalize(value), as: UTF8.self)
        #expect(canonical == "{\"z\":5,\"\u{7F}\":6,\"\u{80}\":7,\"\u{10000}\":4,\"\u{1F602}\":1,\"\u{E000}\":3,\"\u{FB33}\":2}")
        let names = ["b", "a", "\u{FFFF}", "\u{10FFFF}", "ab", "", "\u{E9}", "e\u{301}x"]
        let expected = names.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        #expect(names.sorted(by: UTF16Order.precedes) == expected)
    }

    @Test("escapes only quote, backslash and control characters; keeps '/' and non-ASCII literal")
    func escapesStrings() throws {
        let value: JSONValue = .string("a/b\"c\\d\u{08}\u{09}\u{0A}\u{0C}\u{0D}\u{00}\u{1F}\u{7F}é😂")
        let canonical = String(decoding: try JCS.canonicalize(value), as: UTF8.self)
        #expect(canonical == "\"a/b\\\"c\\\\d\\b\\t\\n\\f\\r\\u0000\\u001f\u{7F}é😂\"")
    }

    @Test("does not depend on whitespace or member order in the input")
    func ignoresLayout() throws {
        let first = try JCS.canonicalize(bytes: Array(#"{"b":[1,2.50,{"y":null,"x":true}],"a":"\u00e9"}"#.utf8))
        let second = try JCS.canonicalize(bytes: Array("{ \"a\" : \"é\",\n\t\"b\" : [ 1 , 25e-1 , { \"x\":true , \"y\":null } ] }".utf8))
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self) == #"{"a":"é","b":[1,2.5,{"x":true,"y":null}]}"#)
    }

    @Test("keeps unnormalized Unicode as written")
    func keepsUnnormalizedText() throws {
        let canonical = try JCS.canonicalize(bytes: Array(#"["A\u030a","\u00c5"]"#.utf8))
        #expect(canonical == Array("[\"A\u{30A}\",\"\u{C5}\"]".utf8))
        #expect(canonical == [0x5B, 0x22, 0x41, 0xCC, 0x8A, 0x22, 0x2C, 0x22, 0xC3, 0x85, 0x22, 0x5D])
    }

    @Test("refuses values nested deeper than its recursion bound")
    func refusesDeepValues() {
        var value: JSONValue = .null
        for _ in 0..<(JCS.maxDepth + 1) { value = .array([value]) }
        #expect(throws: JSONError(.tooDeep, "")) { try JCS.canonicalize(value) }
    }
}
