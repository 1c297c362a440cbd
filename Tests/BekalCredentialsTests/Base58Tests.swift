import BekalCredentials
import BekalLinkedData
import Foundation
import Testing

/// Base58-btc in limbs against published vectors and against the digit-by-digit algorithm it replaced.
@Suite("Base58-btc")
struct Base58Tests {
    /// The textbook quadratic conversion (one base-58 digit at a time), kept here as the reference.
    static func referenceEncode(_ input: [UInt8]) -> String {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
        let zeros = input.prefix { $0 == 0 }.count
        var digits: [Int] = []  // least significant first
        for byte in input[zeros...] {
            var carry = Int(byte)
            for index in digits.indices {
                carry += digits[index] * 256
                digits[index] = carry % 58
                carry /= 58
            }
            while carry > 0 {
                digits.append(carry % 58)
                carry /= 58
            }
        }
        return String(repeating: "1", count: zeros) + String(decoding: digits.reversed().map { alphabet[$0] }, as: UTF8.self)
    }

    @Test("published vectors encode and decode", arguments: [
        ([UInt8](), ""), ([0], "1"), ([0, 0, 0], "111"), ([0, 0, 0x28, 0x7f, 0xb4, 0xcd], "11233QC4"),
        (Array("Hello World!".utf8), "2NEpo7TZRRrLZSi2U"),
        (Array("The quick brown fox jumps over the lazy dog.".utf8), "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"),
        ([0xff], "5Q"), ([0xff, 0xff, 0xff, 0xff], "7YXq9G"), ([0xff, 0xff, 0xff, 0xff, 0xff], "VtB5VXc"),
    ])
    func vectors(_ bytes: [UInt8], _ text: String) throws {
        #expect(Base58.encode(bytes) == text)
        #expect(try Base58.checkedDecode(text) == bytes)
    }

    @Test("every length from 0 to 100 bytes, with and without leading zeros, matches the reference and round-trips")
    func matchesReference() throws {
        var random = SeededRandom(state: 58)
        for length in 0...100 {
            for leadingZeros in [0, 1, 3] where leadingZeros <= length {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
                for index in 0..<leadingZeros { bytes[index] = 0 }
                if leadingZeros < length, bytes[leadingZeros] == 0 { bytes[leadingZeros] = 1 }
                let text = Base58.encode(bytes)
                #expect(text == Self.referenceEncode(bytes), "length \(length)")
                #expect(try Base58.checkedDecode(text) == bytes, "length \(length)")
            }
        }
        // The extremes of a 64-byte signature: all 0xff and a single low bit.
        for bytes in [[UInt8](repeating: 0xff, count: 64), [UInt8](repeating: 0, count: 63) + [1]] {
            #expect(Base58.encode(bytes) == Self.referenceEncode(bytes))
            #expect(try Base58.checkedDecode(Base58.encode(bytes)) == bytes)
        }
    }

    @Test("a character outside the alphabet is refused wherever it falls, in the first or a later five-digit chunk",
        arguments: ["0abc", "abcdef0", "abcdefghijkI", "2NEpo7TZRRrLZSi2l", "é"])
    func badCharacters(_ text: String) {
        #expect(throws: CredentialError(.invalidBase58, "")) { try Base58.checkedDecode(text) }
    }
}

/// Base64url (RFC 4648 §5, no padding), as evidence ids and status lists use it.
@Suite("Base64url")
struct Base64URLTests {
    @Test("RFC 4648 vectors, and every length up to 70 bytes equals Foundation's base64 made url-safe")
    func matchesFoundation() throws {
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (text, encoded) in vectors { #expect(Base64URL.encode(Array(text.utf8)) == encoded) }
        var random = SeededRandom(state: 64)
        for length in 0...70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let reference = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == reference, "length \(length)")
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.encode([0xfb, 0xff, 0xfe]) == "-__-")
    }
}
