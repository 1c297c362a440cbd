import Testing
@testable import BekalJSON

/// The fast paths (position sorting, word-at-a-time string scanning, linear duplicate checks, the two-array
/// object) compared with slow, obviously-correct reference code on seeded random documents.
@Suite("Fast paths agree with the reference")
struct FastPathPropertyTests {
    @Test("canonicalizes 1,000 random documents exactly as the reference does")
    func canonicalMatchesReference() throws {
        var random = RandomDocuments(seed: 8785)
        var compared = 0
        for _ in 0..<1_000 {
            let value = random.value()
            let fast = try JCS.canonicalize(value)
            let reference = ReferenceJCS.canonicalize(value)
            #expect(fast == reference, "document \(compared)")
            compared += 1
        }
        #expect(compared == 1_000)
    }

    @Test("appends into a buffer exactly what it would return, and leaves the buffer alone on error")
    func canonicalizeInto() throws {
        var random = RandomDocuments(seed: 42)
        var buffer = Array("prefix".utf8)
        var expected = buffer
        for _ in 0..<50 {
            let value = random.value()
            try JCS.canonicalize(value, into: &buffer)
            expected += ReferenceJCS.canonicalize(value)
        }
        #expect(buffer == expected)
        #expect(throws: JSONError(.nonFiniteNumber, "")) {
            try JCS.canonicalize(["a": "b", "z": [1, .number(.nan)]], into: &buffer)
        }
        #expect(buffer == expected)
    }

    @Test("parses loosely written random documents back to the values they were written from")
    func parsesLooseText() throws {
        var random = RandomDocuments(seed: 7493)
        for round in 0..<1_000 {
            let value = random.value()
            let text = LooseWriter.text(value, random: &random)
            let parsed = try JSONParser.parse(text)
            #expect(parsed == value, "document \(round)")
            // And the canonical form of what was read is the reference's canonical form of what was written.
            #expect(try JCS.canonicalize(parsed) == ReferenceJCS.canonicalize(value), "document \(round)")
        }
    }

    @Test("writes 500 random documents, compact and pretty, exactly as the reference writer does")
    func writerMatchesReference() {
        var random = RandomDocuments(seed: 8259)
        for round in 0..<500 {
            var value = random.value()
            if round % 50 == 0 { value = .array([value, .number(.nan), .number(-.infinity)]) }
            #expect(JSONWriter.serialize(value) == ReferenceWriter.serialize(value, pretty: false), "document \(round)")
            #expect(JSONWriter.serialize(value, pretty: true) == ReferenceWriter.serialize(value, pretty: true), "document \(round)")
        }
    }

    @Test("orders names by UTF-16 code units, not code points, e.g. U+1F600 before U+E000")
    func utf16OrderOfNames() throws {
        let object: JSONValue = ["\u{E000}": 1, "\u{1F600}": 2, "\u{FFFF}": 3, "\u{10000}": 4, "z": 5, "\u{D7FF}": 6]
        let canonical = String(decoding: try JCS.canonicalize(object), as: UTF8.self)
        #expect(canonical == "{\"z\":5,\"\u{D7FF}\":6,\"\u{10000}\":4,\"\u{1F600}\":2,\"\u{E000}\":1,\"\u{FFFF}\":3}")

        var random = RandomDocuments(seed: 16)
        for _ in 0..<5_000 {
            let lhs = random.string(maxLength: 6)
            let rhs = random.string(maxLength: 6)
            let reference = Array(lhs.utf16).lexicographicallyPrecedes(Array(rhs.utf16))
            #expect(UTF16Order.precedes(lhs, rhs) == reference)
        }
    }

    @Test("sorts objects of every size up to 60 members as the reference does")
    func sortsEverySize() throws {
        var random = RandomDocuments(seed: 3)
        for size in 0...60 {
            var object = JSONObject()
            while object.count < size { object[random.string(maxLength: 5)] = .number(Double(object.count)) }
            #expect(try JCS.canonicalize(.object(object)) == ReferenceJCS.canonicalize(.object(object)), "size \(size)")
        }
    }

    @Test("escapes a special character at every position around the eight-byte words")
    func escapesAtEveryPosition() throws {
        let specials: [Unicode.Scalar] = ["\"", "\\", "\u{00}", "\u{1F}", "\u{0A}", "\u{7F}", "\u{E9}", "\u{1F600}"]
        for special in specials {
            for length in 0..<20 {
                for position in 0...length {
                    var scalars = String.UnicodeScalarView(repeating: "k", count: length)
                    scalars.insert(special, at: scalars.index(scalars.startIndex, offsetBy: position))
                    let string = String(scalars)
                    let canonical = try JCS.canonicalize(.string(string))
                    #expect(canonical == ReferenceJCS.quoted(string))
                    // The parser reads the canonical form back, whichever word the escape or character falls in.
                    #expect(try JSONParser.parse(canonical) == .string(string))
                }
            }
        }
    }

    @Test("refuses a raw control character or a bad UTF-8 byte at every position of a string")
    func refusesBadBytesAtEveryPosition() {
        let cases: [([UInt8], JSONError.Code)] = [
            ([0x01], .controlCharacter), ([0x1F], .controlCharacter), ([0x80], .invalidUTF8), ([0xC0, 0xAF], .invalidUTF8),
            ([0xED, 0xA0, 0x80], .invalidUTF8), ([0xF5, 0x80, 0x80, 0x80], .invalidUTF8), ([0xFF], .invalidUTF8),
        ]
        for (bad, code) in cases {
            for length in 0..<20 {
                for position in 0...length {
                    var text = [UInt8](repeating: UInt8(ascii: "q"), count: length)
                    text.insert(contentsOf: bad, at: position)
                    let document = [UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")]
                    #expect(throws: JSONError(code, "")) { try JSONParser.parse(document) }
                }
            }
        }
    }

    @Test("finds a duplicate name in small and in large objects, canonical equivalents included")
    func duplicatesInEveryObjectSize() {
        for size in 1...30 {
            for duplicateOf in [0, size / 2, size - 1] {
                var members = (0..<size).map { "\"name\($0)\":\($0)" }
                members.append("\"name\(duplicateOf)\":true")
                let document = Array(("{" + members.joined(separator: ",") + "}").utf8)
                #expect(throws: JSONError(.duplicateKey, "")) { try JSONParser.parse(document) }
            }
            var members = (0..<size).map { "\"name\($0)\":\($0)" }
            members.append("\"\u{00C5}\":1")
            members.append("\"A\u{030A}\":2")
            #expect(throws: JSONError(.duplicateKey, "")) {
                try JSONParser.parse(Array(("{" + members.joined(separator: ",") + "}").utf8))
            }
        }
        #expect(throws: Never.self) { try JSONParser.parse(Array("{\"a\":{\"a\":1},\"b\":[{\"a\":2}]}".utf8)) }
    }

    @Test("reports the JSON path through nested containers, small and large objects alike", arguments: [
        ("{\"a\":[1,{\"b\":[true,{\"c\":x}]}]}", "$.a[1].b[1].c", 24),
        ("{\"m0\":0,\"m1\":0,\"m2\":0,\"m3\":0,\"m4\":0,\"m5\":0,\"m6\":0,\"m7\":0,\"m8\":0,\"m9\":0,\"z\":[1,2,",
         "$.z[2]", 80),
        ("{\"a\":[{\"k\":1},{\"k\":1,\"k\":2}]}", "$.a[1].k", 21),
        ("{\"m0\":0,\"m1\":0,\"m2\":0,\"m3\":0,\"m4\":0,\"m5\":0,\"m6\":0,\"m7\":0,\"m8\":0,\"m9\":{\"n\":[{}]},\"m3\":1}",
         "$.m3", 80),
        ("[[1,2],[3,{\"x\":[4,5,6,\"\\q\"]}]]", "$[1][1].x[3]", 23),
    ])
    func reportsNestedPaths(document: String, path: String, offset: Int) {
        #expect {
            try JSONParser.parse(Array(document.utf8))
        } throws: { error in
            guard let error = error as? JSONError else { return false }
            return error.message.hasSuffix("at \(path)") && error.offset == offset
        }
    }

    @Test("sets, replaces and removes members as an ordered list of pairs would, across the indexing threshold")
    func objectOperationsMatchModel() {
        var random = RandomDocuments(seed: 2119)
        var object = JSONObject()
        var model: [(String, JSONValue)] = []
        var snapshots: [(JSONObject, [(String, JSONValue)])] = []
        for step in 0..<3_000 {
            let name = "n\(random.below(60))"
            let existing = model.firstIndex { $0.0 == name }
            switch random.below(10) {
            case 0, 1:
                object[name] = nil
                if let existing { model.remove(at: existing) }
            default:
                let value = JSONValue.number(Double(step))
                let replaced = object.updateValue(value, forKey: name)
                #expect(replaced == existing.map { model[$0].1 })
                if let existing { model[existing].1 = value } else { model.append((name, value)) }
            }
            // Copies taken along the way must not see later changes (the name table is shared until written).
            if step % 97 == 0 { snapshots.append((object, model)) }
            #expect(object.keys == model.map(\.0), "step \(step)")
            #expect(object.count == model.count)
            let probe = "n\(random.below(60))"
            #expect(object[probe] == model.first { $0.0 == probe }?.1, "step \(step)")
        }
        for (copy, copyModel) in snapshots {
            #expect(copy.keys == copyModel.map(\.0))
            for (name, value) in copyModel { #expect(copy[name] == value) }
        }
        #expect(snapshots.contains { $0.1.count > MemberNames.indexThreshold })
        #expect(snapshots.contains { $0.1.count <= MemberNames.indexThreshold })
    }

    @Test("looks up every member of a 30,000-member parsed object")
    func largeObjectLookups() throws {
        let count = 30_000
        let text = "{" + (0..<count).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let object = try #require(try JSONParser.parse(Array(text.utf8)).objectValue)
        var found = 0
        for (position, name) in object.keys.enumerated() where object[name] == .number(Double(position)) {
            found += 1
        }
        #expect(found == count)
    }

    @Test("compares and hashes objects regardless of member order, at every size")
    func objectEqualityIgnoresOrder() {
        var random = RandomDocuments(seed: 99)
        for size in [0, 1, 2, 8, 9, 16, 17, 40] {
            var members: [(String, JSONValue)] = []
            while members.count < size {
                let name = "m\(random.below(1_000_000))"
                if !members.contains(where: { $0.0 == name }) { members.append((name, random.value(depth: 4))) }
            }
            let forward = JSONObject(members)
            let backward = JSONObject(members.reversed())
            #expect(forward == backward)
            #expect(forward.hashValue == backward.hashValue)
            #expect(forward.keys == members.map(\.0))
            if size > 0 {
                var changed = backward
                changed[members[0].0] = .string("changed")
                #expect(changed != forward)
                var fewer = backward
                fewer[members[size - 1].0] = nil
                #expect(fewer != forward)
                #expect(fewer.count == size - 1)
                #expect(fewer.keys == members.reversed().dropFirst().map(\.0))
            }
        }
    }
}
