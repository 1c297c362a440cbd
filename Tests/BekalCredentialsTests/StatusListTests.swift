@testable import BekalCredentials
import BekalJSON
import Foundation
import Testing

@Suite("Bitstring Status List")
struct StatusListTests {
    @Test("bit 0 is the most significant bit of byte 0, and the list round-trips through encodedList")
    func bitOrder() throws {
        var list = StatusList()
        #expect(list.bitCount == 131_072)
        try list.setBit(at: 0)
        try list.setBit(at: 9)
        try list.setBit(at: 131_071)
        #expect(list.bytes[0] == 0x80)
        #expect(list.bytes[1] == 0x40)
        #expect(list.bytes[16_383] == 0x01)
        let encoded = try list.encodedList()
        #expect(encoded.hasPrefix("u"))
        #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
        let decoded = try StatusList(encodedList: encoded)
        #expect(decoded == list)
        #expect(decoded.bit(at: 9) == true)
        #expect(decoded.bit(at: 10) == false)
        #expect(decoded.bit(at: 131_072) == nil)
    }

    @Test("the encoded list is real GZIP that Python's gzip module reads with the same bits")
    func pythonReadsIt() throws {
        var list = StatusList()
        try list.setBit(at: 5)
        try list.setBit(at: 1000)
        let encoded = try list.encodedList()
        let script = """
            import base64, gzip, sys
            s = sys.argv[1][1:]
            data = gzip.decompress(base64.urlsafe_b64decode(s + '=' * (-len(s) % 4)))
            bits = [i for i in range(len(data) * 8) if data[i // 8] & (0x80 >> (i % 8))]
            print(len(data) * 8, bits)
            """
        let run = try runProcess("/usr/bin/env", ["python3", "-c", script, encoded])
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines) == "131072 [5, 1000]")
    }

    @Test("a gzip bomb is refused without inflating it all")
    func gzipBomb() throws {
        // 64 MiB of zeros compresses to ~64 KiB; the limit is 1 MiB inflated.
        let script = "import gzip,base64,sys; sys.stdout.write('u' + base64.urlsafe_b64encode(gzip.compress(bytes(64 << 20))).decode().rstrip('='))"
        let bomb = try runProcess("/usr/bin/env", ["python3", "-c", script]).output
        #expect(bomb.count < 200_000)
        #expect(throws: CredentialError(.statusListTooLarge, "")) { try StatusList(encodedList: bomb) }
    }

    @Test("malformed encoded lists are refused with a named error", arguments: [
        "", "xH4sI", "u!!!!", "uAAAA", "uH4sIAAAAAAAA", "u" + Base64URL.encode(Array(repeating: 7, count: 40)),
    ])
    func malformed(_ text: String) {
        #expect(throws: CredentialError.self) { try StatusList(encodedList: text) }
    }

    @Test("a list shorter than 131,072 bits is refused")
    func tooShort() throws {
        let script = "import gzip,base64,sys; sys.stdout.write('u' + base64.urlsafe_b64encode(gzip.compress(bytes(100))).decode().rstrip('='))"
        let short = try runProcess("/usr/bin/env", ["python3", "-c", script]).output
        #expect(throws: CredentialError(.statusListMalformed, "")) { try StatusList(encodedList: short) }
    }

    @Test("indices are allocated once per credential id and the revoked bits follow the allocation")
    func allocation() throws {
        var allocation = StatusAllocation(listURL: "https://x.example/status/1", indices: ["urn:uuid:a": 7])
        #expect(try allocation.index(for: "urn:uuid:a") == 7)
        #expect(try allocation.index(for: "urn:uuid:b") == 8)
        #expect(try allocation.index(for: "urn:uuid:b") == 8)
        let list = try allocation.statusList(revoked: ["urn:uuid:b", "urn:uuid:unknown"])
        #expect(list.bit(at: 8) == true)
        #expect(list.bit(at: 7) == false)
        var full = StatusAllocation(listURL: "u", indices: ["x": 2], capacity: 3)
        #expect(throws: CredentialError(.exportFailed, "")) { try full.index(for: "y") }
    }

    @Test("the signed status list credential verifies and reads back")
    func credential() throws {
        var list = StatusList()
        try list.setBit(at: 3)
        let doc = try StatusListCredential.make(
            id: SamplePortfolio.listURL, issuer: SamplePortfolio.key.didKey.did, list: list, key: SamplePortfolio.key, now: SamplePortfolio.now)
        #expect(DataIntegrity.verifyProofs(in: doc).allVerified)
        let contents = try StatusListCredential.read(.object(doc))
        #expect(contents.list.bit(at: 3) == true)
        #expect(contents.statusPurpose == "revocation")
    }
}
