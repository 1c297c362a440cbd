import Testing
@testable import BekalJSON

/// LeakSanitizer finds leaks by scanning memory for pointers to live allocations. A reference stored with an enum
/// tag in its high bits does not look like a pointer, so everything behind it is reported as leaked once it is held
/// by something long-lived (the bundled JSON-LD contexts), and the fuzzers stop (issue 18). These tests read the
/// bits of parsed values and require every reference in them to be a plain address.
@Suite("JSON values hold plain references")
struct JSONObjectLayoutTests {
    /// Every word of `value`'s bytes that is not zero must look like a user-space address: its top 16 bits clear.
    /// (The last byte of a `JSONValue` is its own tag, outside the references, and is not a word.)
    private func taggedWords<T>(in value: T) -> [UInt64] {
        withUnsafeBytes(of: value) { raw in
            stride(from: 0, to: raw.count - raw.count % 8, by: 8).compactMap { offset in
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                return word != 0 && word >> 48 != 0 ? word : nil
            }
        }
    }

    private func object(members: Int) throws -> JSONValue {
        let text = "{" + (0..<members).map { "\"member\($0)\": [\($0), \"x\"]" }.joined(separator: ",") + "}"
        return try JSONParser.parse(Array(text.utf8))
    }

    @Test("a parsed object above the name-table threshold holds no tagged reference", arguments: [
        MemberNames.indexThreshold + 1, 40,
    ])
    func largeObject(members: Int) throws {
        let value = try object(members: members)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.names.positions != nil, "the object should have its name table")
        #expect(taggedWords(in: value) == [])
        #expect(taggedWords(in: object) == [])
    }

    // Strings are left out: a `String`'s first word is its count and flags, not a reference.
    @Test("a small object and an array hold no tagged reference")
    func otherValues() throws {
        let small = try object(members: 3)
        #expect(taggedWords(in: small) == [])
        #expect(taggedWords(in: JSONValue.array([small, small])) == [])
    }

    @Test("an object that grows past the threshold by insertion gets its table and still holds plain references")
    func grownObject() throws {
        var object = JSONObject()
        for index in 0...MemberNames.indexThreshold { object["m\(index)"] = .number(Double(index)) }
        #expect(object.names.positions?.count == MemberNames.indexThreshold + 1)
        #expect(object["m\(MemberNames.indexThreshold)"] == .number(Double(MemberNames.indexThreshold)))
        object["m0"] = nil
        #expect(object["m1"] == .number(1) && object["m0"] == nil && object.count == MemberNames.indexThreshold)
        #expect(taggedWords(in: JSONValue.object(object)) == [])
    }
}
