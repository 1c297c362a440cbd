import Foundation
import Testing

@testable import BekalDomain

@Suite("Framework files")
struct FrameworkDocumentTests {
    /// The error each invalid fixture must produce, and where. `decoder-only-*` files break a rule JSON Schema
    /// cannot express, so the schema accepts them and the decoder alone refuses them.
    static let expectedErrors: [String: (DomainError.Code, String)] = [
        "invalid-unknown-top-key.json": (.unknownKey, "tittle"),
        "invalid-unknown-unit-key.json": (.unknownKey, "units[0].level"),
        "invalid-unknown-title-key.json": (.unknownKey, "title.jv"),
        "invalid-missing-id.json": (.missingField, "id"),
        "invalid-missing-units.json": (.missingField, "units"),
        "invalid-missing-unit-title-en.json": (.missingField, "units[0].title.en"),
        "invalid-no-units.json": (.noUnits, "units"),
        "invalid-blank-unit-title.json": (.emptyText, "units[0].title.en"),
        "invalid-empty-version.json": (.invalidIdentifier, "version"),
        "invalid-code-with-space.json": (.invalidIdentifier, "units[0].code"),
        "invalid-code-starts-with-dot.json": (.invalidIdentifier, "units[0].code"),
        "invalid-id-trailing-newline.json": (.invalidIdentifier, "id"),
        "invalid-kkni-zero.json": (.kkniLevelOutOfRange, "units[0].kkniLevel"),
        "invalid-kkni-ten.json": (.kkniLevelOutOfRange, "units[0].kkniLevel"),
        "invalid-kkni-fraction.json": (.kkniLevelOutOfRange, "units[0].kkniLevel"),
        "invalid-kkni-string.json": (.wrongType, "units[0].kkniLevel"),
        "invalid-core-number.json": (.wrongType, "units[0].isCore"),
        "invalid-sample-string.json": (.wrongType, "isSample"),
        "invalid-title-null.json": (.wrongType, "title"),
        "invalid-source-null.json": (.wrongType, "source"),
        "invalid-units-object.json": (.wrongType, "units"),
        "invalid-element-missing-en.json": (.missingField, "units[0].elements[0].en"),
        "invalid-code-too-long.json": (.textTooLong, "units[0].code"),
        "invalid-title-too-long.json": (.textTooLong, "title.id"),
        "invalid-schema-key-number.json": (.wrongType, "$schema"),
        "invalid-top-level-array.json": (.wrongType, ""),
        "invalid-not-json.json": (.malformedDocument, ""),
        "invalid-kkni-nan.json": (.malformedDocument, ""),
        "invalid-kkni-overflow.json": (.malformedDocument, ""),
        "decoder-only-duplicate-unit-code.json": (.duplicateUnitCode, "units[1].code"),
        "decoder-only-repeated-member.json": (.duplicateKey, "id"),
    ]

    static func fixtureNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: try TestSupport.fixturesDirectory("frameworks").path)
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("every fixture is either expected valid or has an expected error")
    func fixturesAreAllClassified() throws {
        let names = try Self.fixtureNames()
        #expect(names.count >= 30)
        for name in names where !name.hasPrefix("valid-") {
            #expect(Self.expectedErrors[name] != nil, "no expectation for \(name)")
        }
    }

    @Test("the decoder refuses each invalid fixture with the named error and path")
    func decoderErrors() throws {
        for (name, (code, path)) in Self.expectedErrors {
            let data = try TestSupport.fixture("frameworks", name)
            let error = #expect(throws: DomainError.self, "\(name)") { try FrameworkDocument.decode(json: data) }
            #expect(error?.code == code, "\(name): \(String(describing: error))")
            #expect(error?.path == path, "\(name): \(String(describing: error))")
        }
    }

    @Test("the decoder and Python jsonschema agree on every fixture")
    func decoderAndSchemaAgree() throws {
        let directory = try TestSupport.fixturesDirectory("frameworks")
        let names = try Self.fixtureNames()
        let verdicts = try TestSupport.jsonSchemaAccepts(
            schema: TestSupport.frameworkSchema, files: names.map { directory.appendingPathComponent($0) })
        for name in names {
            guard let schemaAccepts = verdicts[directory.appendingPathComponent(name).path] else {
                Issue.record("jsonschema gave no verdict for \(name)")
                continue
            }
            let decoderAccepts = (try? FrameworkDocument.decode(json: try TestSupport.fixture("frameworks", name))) != nil
            if name.hasPrefix("decoder-only-") {
                #expect(schemaAccepts && !decoderAccepts, "\(name): schema \(schemaAccepts), decoder \(decoderAccepts)")
            } else {
                #expect(schemaAccepts == decoderAccepts, "\(name): schema \(schemaAccepts), decoder \(decoderAccepts)")
                #expect(decoderAccepts == name.hasPrefix("valid-"), "\(name)")
            }
        }
    }

    @Test("a full file decodes to the values written in it, with defaults for absent members")
    func fullFileValues() throws {
        let full = try FrameworkDocument.decode(json: try TestSupport.fixture("frameworks", "valid-full.json"))
        #expect(full.id == "TEST.FULL")
        #expect(full.version == "2026.1-rc_2")
        #expect(full.isSample)
        #expect(full.units.map(\.code) == ["TEST.001", "TEST.002"])
        #expect(full.units[0].elements == [
            LocalizedText(id: "Memilih mori", en: "Choose mori"), LocalizedText(id: "Mencuci mori", en: "Wash the mori"),
        ])
        #expect(full.units[1].kkniLevel == 9)
        #expect(full.units[1].isCore == false)
        let minimal = try FrameworkDocument.decode(json: try TestSupport.fixture("frameworks", "valid-minimal.json"))
        #expect(minimal.isSample == false)
        #expect(minimal.source == nil)
        #expect(minimal.units[0].isCore)
        #expect(minimal.units[0].elements.isEmpty)
        #expect(minimal.units[0].kkniLevel == nil)
    }

    @Test("escapes, surrogate pairs and exponents are read exactly")
    func escapes() throws {
        let f = try FrameworkDocument.decode(json: try TestSupport.fixture("frameworks", "valid-escapes-and-exponent.json"))
        #expect(f.title.id == "Kerangka uji \u{E9}\u{1F600}")
        #expect(f.title.en == "Test \"framework\"\t/")
        #expect(f.units[0].kkniLevel == 2)
    }

    @Test("JSON that is not strictly well formed is refused as a malformed document")
    func strictGrammar() {
        let unit = #"{"code":"X","title":{"id":"a","en":"b"}}"#
        func document(_ title: String, _ units: String = "[\(unit)]") -> String {
            #"{"id":"T","version":"1","title":{"id":"a","en":\#(title)},"units":\#(units)}"#
        }
        let texts = [
            document(#""\ud800""#), document(#""\u12""#), document(#""\x41""#), document("\"a\u{01}\""),
            document(#""b""#, "[\(unit),]"), document(#""b""#) + " x", "\u{FEFF}" + document(#""b""#),
            document(#""b""#).replacingOccurrences(of: #""en":"b""#, with: #""en":'b'"#),
            #"{"id":"T","version":"1","title":{"id":"a","en":"b"},"units":[{"code":"X","title":{"id":"a","en":"b"},"kkniLevel":01}]}"#,
            #"{"id":"T","version":"1","title":{"id":"a","en":"b"},"units":[{"code":"X","title":{"id":"a","en":"b"},"kkniLevel":1.}]}"#,
            #"{"id":"T","version":"1","title":{"id":"a","en":"b"},"units":[{"code":"X","title":{"id":"a","en":"b"},"kkniLevel":+1}]}"#,
            String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "",
        ]
        for text in texts {
            let error = #expect(throws: DomainError.self, "\(text)") { try FrameworkDocument.decode(json: Data(text.utf8)) }
            #expect(error?.code == .malformedDocument, "\(text)")
        }
        #expect((try? FrameworkDocument.decode(json: Data(document(#""b""#).utf8))) != nil)
    }

    @Test("encoding then decoding a framework gives it back unchanged")
    func roundTrip() throws {
        let full = try FrameworkDocument.decode(json: try TestSupport.fixture("frameworks", "valid-full.json"))
        #expect(try FrameworkDocument.decode(json: FrameworkDocument.encode(full)) == full)
    }

    @Test("error messages never repeat the offending value")
    func errorsDoNotEchoValues() throws {
        let data = Data(#"{"id":"RAHASIA-1234","version":"1","title":{"id":"a","en":"b"},"units":[{"code":"X 1","title":{"id":"a","en":"b"}}]}"#.utf8)
        let error = #expect(throws: DomainError.self) { try FrameworkDocument.decode(json: data) }
        #expect(error?.description.contains("X 1") == false)
        #expect(error?.description.contains("RAHASIA") == false)
    }
}
