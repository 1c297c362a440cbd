import Testing
@testable import BekalJSON

/// `CanonicalText` may say yes only when its slices are byte for byte what `JCS.canonicalize` writes for the parsed
/// value; the property every test here checks is "confirmed ⇒ identical bytes", on JCS output, on loosely written
/// and on corrupted text.
@Suite("Canonical text: slices of a confirmed input equal JCS of the parsed value")
struct CanonicalTextTests {
    /// Whether every member name in `value` is plain ASCII without `"` or `\` (the names it can confirm).
    static func namesArePlain(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            object.keys.allSatisfy { $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C } }
                && object.members.allSatisfy { namesArePlain($0.value) }
        case .array(let elements): elements.allSatisfy(namesArePlain)
        default: true
        }
    }

    /// Every mapped value of `text` (and every object without each of its members) against JCS of `value`.
    static func expectSlicesMatch(_ text: CanonicalText, _ handle: CanonicalText.Value, _ value: JSONValue,
                                  _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(text.canonicalBytes(of: handle) == (try JCS.canonicalize(value)), "\(what)", sourceLocation: sourceLocation)
        switch value {
        case .object(let object):
            for (name, member) in object.members {
                var without = object
                without[name] = nil
                #expect(text.canonicalBytes(of: handle, without: name) == (try JCS.canonicalize(.object(without))),
                        "\(what) without a member", sourceLocation: sourceLocation)
                let child = try #require(text.member(name, of: handle), sourceLocation: sourceLocation)
                try expectSlicesMatch(text, child, member, what, sourceLocation: sourceLocation)
            }
            #expect(text.canonicalBytes(of: handle, without: "no such member") == (try JCS.canonicalize(value)))
        case .array(let elements):
            let handles = try #require(text.elements(of: handle), sourceLocation: sourceLocation)
            #expect(handles.count == elements.count, sourceLocation: sourceLocation)
            for (child, element) in zip(handles, elements) {
                try expectSlicesMatch(text, child, element, what, sourceLocation: sourceLocation)
            }
        default:
            break
        }
    }

    /// The safety property for any text: if it is confirmed, its top-level slice is JCS of what the parser reads.
    static func expectSafe(_ bytes: [UInt8], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let text = CanonicalText(confirming: bytes, mappedDepth: 2) else { return }
        let parsed = try? JSONParser.parse(bytes)
        #expect(parsed != nil, "\(what): confirmed but not parsed", sourceLocation: sourceLocation)
        guard let parsed else { return }
        #expect(text.canonicalBytes(of: text.root) == (try? JCS.canonicalize(parsed)), "\(what)",
                sourceLocation: sourceLocation)
    }

    @Test("confirms JCS output of 1,000 random documents whose names it can order, and every slice equals JCS")
    func confirmsJCSOutput() throws {
        var random = RandomDocuments(seed: 17)
        var confirmed = 0
        for number in 0..<1_000 {
            let value = random.value()
            let bytes = try JCS.canonicalize(value)
            let text = CanonicalText(confirming: bytes, mappedDepth: 8)
            // Names with escapes or beyond ASCII are refused by design: their byte order is not UTF-16 order.
            #expect((text != nil) == Self.namesArePlain(value), "document \(number)")
            guard let text else { continue }
            confirmed += 1
            try Self.expectSlicesMatch(text, text.root, value, "document \(number)")
        }
        #expect(confirmed > 500)
    }

    @Test("accepts what RFC 8785 writes and refuses every other way of writing the same value",
          arguments: [
            // (text, confirmed?)
            (#"{"a":1,"b":[true,false,null],"c":"x"}"#, true), (#"[]"#, true), (#"{}"#, true), (#"  {"a":1}\#n"#, true),
            (#"1e+21"#, true), (#"0.1"#, true), (#"-5"#, true), (#"1.5e-7"#, true), (#"123456789012345"#, true),
            (#"9007199254740992"#, true), (#"0"#, true), (#""\u001f\n\t\"\\é€😀""#, true), ("\"\u{7F}\"", true),
            (#"{"a": 1}"#, false), (#"{ "a":1}"#, false), (#"[1 ,2]"#, false), (#"[1,2 ]"#, false),
            (#"{"b":1,"a":2}"#, false), (#"{"a":1,"a":1}"#, false), (#"{"ab":1,"a":2}"#, false),
            (#"1.0"#, false), (#"1E3"#, false), (#"1e3"#, false), (#"1e21"#, false), (#"-0"#, false), (#"0.10"#, false),
            (#"01"#, false), (#"1e+0"#, false), (#"100e-2"#, false), (#"9007199254740993"#, false),
            (#""\u0041""#, false), (#""\/""#, false), (#""\u001F""#, false), (#""\u000a""#, false), (#""\u00e9""#, false),
            (#""\u007f""#, false), (#""\ud83d\ude00""#, false), (#"{"\u0061":1}"#, false), (#"{"é":1}"#, false),
            (#"{"a":1}x"#, false), (#"{"a":1"#, false), (#"tru"#, false), (#""abc"#, false), ("\"a\u{01}\"", false),
          ])
    func table(_ text: String, _ confirmed: Bool) {
        let bytes = Array(text.utf8)
        #expect((CanonicalText(confirming: bytes, mappedDepth: 4) != nil) == confirmed, "\(text)")
        Self.expectSafe(bytes, text)
    }

    @Test("refuses invalid UTF-8, and nesting as deep as JCS refuses while confirming one level less")
    func utf8AndDepth() throws {
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
            #expect(CanonicalText(confirming: [0x22] + bad + [0x22], mappedDepth: 1) == nil)
        }
        let deepest = Array(repeating: UInt8(ascii: "["), count: JCS.maxDepth) + Array(repeating: UInt8(ascii: "]"), count: JCS.maxDepth)
        let tooDeep = [UInt8(ascii: "[")] + deepest + [UInt8(ascii: "]")]
        let fits = try #require(CanonicalText(confirming: deepest, mappedDepth: 1))
        #expect(fits.canonicalBytes(of: fits.root) == deepest)
        #expect(CanonicalText(confirming: tooDeep, mappedDepth: 1) == nil)
        #expect(throws: JSONError.self) { try JCS.canonicalize(bytes: tooDeep, limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 1_000, maxStringBytes: 1 << 20)) }
    }

    @Test("loosely written and corrupted random documents: whatever it confirms is JCS of what the parser reads")
    func corruptedText() throws {
        var random = RandomDocuments(seed: 1_729)
        let noise: [UInt8] = Array(#" ,:{}[]"\.e0-+E1"#.utf8) + [0x7F, 0x80, 0xC3, 0xA9, 0x0A]
        for number in 0..<400 {
            let value = random.value()
            Self.expectSafe(JSONWriter.serialize(value), "compact \(number)")
            Self.expectSafe(JSONWriter.serialize(value, pretty: true), "pretty \(number)")
            let canonical = try JCS.canonicalize(value)
            for _ in 0..<8 {
                var corrupted = canonical
                let position = random.below(corrupted.count)
                switch random.below(3) {
                case 0: corrupted[position] = noise[random.below(noise.count)]
                case 1: corrupted.insert(noise[random.below(noise.count)], at: position)
                default: corrupted.remove(at: position)
                }
                Self.expectSafe(corrupted, "corrupted \(number)")
            }
        }
    }
}
