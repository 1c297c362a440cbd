import Crypto
import Foundation
import Testing

@testable import BekalLog

/// The byte-level base64 reader of hashes (behind `init(base64:)` and `list(base64:limit:)`) accepts exactly what
/// Foundation's decoder accepts in canonical form (base64 of 32 bytes, RFC 4648 §4), with the same value.
@Suite("Hashes read from base64 bytes")
struct HashTextTests {
    /// Foundation's reader, made canonical by re-encoding: the reference the byte-level reader must agree with.
    static func reference(_ text: String) -> MerkleHash? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return MerkleHash(Array(data))
    }

    static func fast(_ text: String) -> MerkleHash? {
        guard let list = try? MerkleHash.list(base64: text, limit: 1), list.count == 1 else { return nil }
        return list[0]
    }

    @Test("every value of the last data character: only those with their 2 low bits zero are canonical, as Foundation's round trip says")
    func lastCharacter() throws {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let prefix = String(Data(SHA256.hash(data: Data("bekal".utf8))).base64EncodedString().prefix(42))
        var accepted = 0
        for character in alphabet {
            let text = prefix + String(character) + "="
            #expect(Self.fast(text) == Self.reference(text), "\(text)")
            #expect((try? MerkleHash(base64: text)) == Self.reference(text), "\(text)")
            if Self.fast(text) != nil { accepted += 1 }
        }
        #expect(accepted == 16)
    }

    @Test("random hashes read back equal; malformed texts are refused by both readers")
    func agreement() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Data(bytes).base64EncodedString()
            #expect(Self.fast(text) == MerkleHash(bytes))
            #expect(Self.fast(text) == Self.reference(text))
        }
        let good = Data(repeating: 7, count: 32).base64EncodedString()
        for bad in ["", good.replacingOccurrences(of: "=", with: ""), good + "=", String(good.dropFirst()),
                    "-" + good.dropFirst(), good.replacingOccurrences(of: "=", with: "A"), " " + good, good + " ",
                    Data(repeating: 7, count: 31).base64EncodedString(), Data(repeating: 7, count: 33).base64EncodedString(),
                    String(good.dropLast(2)) + "==", "é" + good.dropFirst(2)] {
            #expect(Self.fast(bad) == nil, "\(bad)")
            #expect(Self.reference(bad) == nil, "\(bad)")
        }
    }

    @Test("a list: space-separated, no empty item, no more than its limit")
    func lists() throws {
        let hashes = (0..<5).map { MerkleHash(Array(SHA256.hash(data: Data([UInt8($0)]))))! }
        let texts = hashes.map { Data($0.bytes).base64EncodedString() }
        #expect(try MerkleHash.list(base64: texts.joined(separator: " "), limit: 64) == hashes)
        #expect(try MerkleHash.list(base64: "", limit: 64).isEmpty)
        #expect(throws: LogError.self) { try MerkleHash.list(base64: texts.joined(separator: "  "), limit: 64) }
        #expect(throws: LogError.self) { try MerkleHash.list(base64: texts.joined(separator: " ") + " ", limit: 64) }
        #expect(throws: LogError.self) { try MerkleHash.list(base64: texts.joined(separator: " "), limit: 4) }
    }
}
