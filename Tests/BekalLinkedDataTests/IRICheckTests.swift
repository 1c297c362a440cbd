import Testing

@testable import BekalLinkedData

/// `IRI.isWellFormed` reads the bytes once through a pointer; the two-pass form it replaced is the reference.
@Suite("The IRI check agrees with its two-pass reference")
struct IRICheckTests {
    /// The earlier definition: `isAbsolute` (a scheme and `:`), then no character N-Quads cannot carry and at most one `#`.
    static func reference(_ value: String, asciiOnly: Bool) -> Bool {
        guard IRI.isAbsolute(value) else { return false }
        if asciiOnly && value.utf8.contains(where: { $0 >= 0x80 }) { return false }
        let forbidden = Set("<>\"{}|\\^`".utf8)
        return value.utf8.allSatisfy { $0 > 0x20 && !forbidden.contains($0) } && value.utf8.filter { $0 == 35 }.count <= 1
    }

    static let samples: [String] = [
        "", ":", "a:", "a", "1a:b", "+a:b", "a+b-c.d:x", "http://example.org/p", "https://w3id.org/security#proof",
        "urn:uuid:1f0e", "urn:bekal:certificate:lsp-batik", "did:key:z6Mk#z6Mk", "a:b#c#d", "a:b c", "a:b\tc", "a:b<c",
        "a:b>c", "a:b\"c", "a:{c}", "a:b|c", "a:b\\c", "a:b^c", "a:b`c", "a:b\u{7F}", "a:caf\u{E9}", "caf\u{E9}:x",
        "a_b:c", "a/b:c", "_:b0", "mailto:x@y", "HTTP://EXAMPLE.ORG", "z:😀", "a:\u{0}", "ab", "ab/", "#a:b",
        String(decoding: [0x61, 0x3A, 0x62], as: UTF8.self), "a:" + String(repeating: "x", count: 300),
    ]

    @Test("isWellFormed, with and without asciiOnly, answers as the reference on every sample")
    func agreesWithReference() {
        for sample in Self.samples {
            #expect(IRI.isWellFormed(sample) == Self.reference(sample, asciiOnly: false), "\(sample.debugDescription)")
            #expect(IRI.isWellFormed(sample, asciiOnly: true) == Self.reference(sample, asciiOnly: true),
                "\(sample.debugDescription)")
        }
        // A bridged or substring-built string may not be contiguous; both kinds take the same answer.
        let built = String("http://example.org/p#x".reversed().reversed())
        #expect(IRI.isWellFormed(built))
        #expect(!IRI.isWellFormed("a:caf\u{E9}", asciiOnly: true) && IRI.isWellFormed("a:caf\u{E9}"))
    }
}
