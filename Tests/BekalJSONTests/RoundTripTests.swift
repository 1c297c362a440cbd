import Testing
@testable import BekalJSON

@Suite("Serialization round trips")
struct RoundTripTests {
    static let documents = [
        #"{"z":[1,2.5,-0.001,1e+30,"a/b",{"q":null}],"a":{"\u00e9\n":true,"":false},"m":"\ud83d\ude02\u0000\u001f"}"#,
        "[]", "{}", "\"\"", "0", "-1.5e-7", "[[[[[]]]]]", #"{"\u20ac":"Euro Sign","\r":"CR","1":"One"}"#,
    ]

    @Test("parse → serialize → parse gives the same value, compact and pretty", arguments: documents)
    func roundTrips(document: String) throws {
        let value = try JSONParser.parse(Array(document.utf8))
        for pretty in [false, true] {
            let written = JSONWriter.serialize(value, pretty: pretty)
            let reread = try JSONParser.parse(written)
            #expect(reread == value)
            #expect(try JCS.canonicalize(reread) == JCS.canonicalize(value))
        }
    }

    @Test("serializes in member order without escaping '/'")
    func serializesInOrder() {
        let value: JSONValue = .object(JSONObject([("z", 1), ("a", .string("https://example.org/x")), ("n", [1.5, nil])]))
        #expect(String(decoding: JSONWriter.serialize(value), as: UTF8.self) == #"{"z":1,"a":"https://example.org/x","n":[1.5,null]}"#)
        let pretty = String(decoding: JSONWriter.serialize(value, pretty: true), as: UTF8.self)
        #expect(pretty == "{\n  \"z\": 1,\n  \"a\": \"https://example.org/x\",\n  \"n\": [\n    1.5,\n    null\n  ]\n}")
        #expect(String(decoding: JSONWriter.serialize(.array([.number(.nan)])), as: UTF8.self) == "[null]")
    }

    @Test("canonical form is a fixed point")
    func canonicalFixedPoint() throws {
        for document in Self.documents {
            let canonical = try JCS.canonicalize(bytes: Array(document.utf8))
            #expect(try JCS.canonicalize(bytes: canonical) == canonical)
        }
    }
}
