import Foundation
import Testing
import BekalJSON

@Suite("Hex, the one lowercase hex encoder")
struct HexTests {
    /// The reference: C's printf, byte by byte, independent of Bekal's table-free digit arithmetic.
    static func reference(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func randomBytes(_ count: Int, _ generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    @Test("every byte value encodes as printf's %02x does")
    func everyByte() {
        let all = (0...255).map(UInt8.init)
        #expect(Hex.encode(all) == Self.reference(all))
    }

    @Test("contiguous and non-contiguous sequences give the same digits, appended after what the buffer held")
    func bothPaths() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 31, 32, 33, 1_000] {
            let bytes = Self.randomBytes(count, &generator)
            let expected = Self.reference(bytes)
            #expect(Hex.encode(bytes) == expected)
            #expect(Hex.encode(bytes.lazy.map { $0 }) == expected)
            #expect(Hex.encode(Data(bytes)) == expected)
            bytes.withUnsafeBytes { raw in #expect(Hex.encode(raw) == expected) }
            var buffer = Array("prefix:".utf8)
            Hex.append(bytes, to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == "prefix:" + expected)
            var viaIterator = Array("prefix:".utf8)
            Hex.append(AnySequence(bytes), to: &viaIterator)
            #expect(viaIterator == buffer)
            #expect(Hex.decode(expected) == bytes)
        }
    }
}
