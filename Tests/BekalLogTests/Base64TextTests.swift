import Foundation
import Testing

@testable import BekalLog

/// `Base64Text.decode` reads bytes itself; what it accepts must stay exactly what the Foundation definition it
/// replaced accepted: text that decodes and re-encodes to itself (one spelling per value).
@Suite("Canonical base64: the byte decoder accepts exactly the texts that re-encode to themselves")
struct Base64TextTests {
    /// The definition before: Foundation decodes, and the text must be the encoding of the result.
    static func reference(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }

    @Test("agrees with the Foundation definition on encodings of random bytes and on 20,000 near-miss texts")
    func agreesWithReference() {
        var state: UInt64 = 4648
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var texts: [String] = ["", "=", "==", "A===", "AA==", "AB==", "AAA=", "AAB=", "AAAA", "====", "AA=A", "A\nAA", "AA AA"]
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            texts.append(Data(bytes).base64EncodedString())
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n.é")
        for _ in 0..<20_000 {
            var valid = Array(texts[Int(next() % UInt64(texts.count))])
            if next() % 2 == 0, !valid.isEmpty {
                valid[Int(next() % UInt64(valid.count))] = alphabet[Int(next() % UInt64(alphabet.count))]
                texts.append(String(valid))
            } else {
                texts.append(String((0..<Int(next() % 13)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }))
            }
        }
        var accepted = 0
        for text in texts {
            let decoded = Base64Text.decode(text)
            #expect(decoded == Self.reference(text), "\(text.debugDescription)")
            if decoded != nil { accepted += 1 }
            #expect(Base64Text.decode(Substring(text)) == decoded)
        }
        #expect(accepted > 100)
    }
}
