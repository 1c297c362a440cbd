import BekalJSON
import BekalCredentials
import Foundation
import Testing

@Suite("Issuer keys on disk")
struct KeyRingTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bekal-keys-\(UUID().uuidString)/keys")
        return url
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("create writes a 0600 key file and load returns the same key")
    func createAndLoad() throws {
        let dir = try temporaryDirectory()
        let created = try KeyRing.create(at: dir, now: SamplePortfolio.now)
        let file = dir.appendingPathComponent(KeyRing.fileName)
        #expect(try mode(file) == 0o600)
        let loaded = try KeyRing.load(from: dir)
        #expect(loaded.current.didKey == created.current.didKey)
        #expect(loaded.currentValidFrom == SamplePortfolio.now)
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [KeyRing.fileName])
        // Signing with the loaded key verifies under the created key's public key.
        let message: [UInt8] = Array("hello".utf8)
        #expect(created.current.didKey.isValidSignature(try loaded.current.sign(message), for: message))
    }

    @Test("create refuses to overwrite an existing key ring")
    func noOverwrite() throws {
        let dir = try temporaryDirectory()
        try KeyRing.create(at: dir, now: SamplePortfolio.now)
        #expect(throws: CredentialError(.keyFileWrite, "")) { try KeyRing.create(at: dir, now: SamplePortfolio.now) }
    }

    @Test("loading refuses a key file that group or others may read or write", arguments: [0o640, 0o604, 0o644, 0o660, 0o602])
    func insecureMode(_ permissions: Int) throws {
        let dir = try temporaryDirectory()
        try KeyRing.create(at: dir, now: SamplePortfolio.now)
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: dir.appendingPathComponent(KeyRing.fileName).path)
        #expect(throws: CredentialError(.keyFileInsecure, "")) { try KeyRing.load(from: dir) }
    }

    @Test("loading refuses garbage, a wrong-length seed and a seed that does not match its public key")
    func malformed() throws {
        let dir = try temporaryDirectory()
        let ring = try KeyRing.create(at: dir, now: SamplePortfolio.now)
        let file = dir.appendingPathComponent(KeyRing.fileName)
        let original = try String(contentsOf: file, encoding: .utf8)
        let seedHex = try #require(original.split(separator: "\"").first { $0.count == 64 && Hex.decode(String($0)) != nil })
        let variants = [
            "not json at all",
            original.replacingOccurrences(of: String(seedHex), with: String(seedHex.dropLast(2))),
            original.replacingOccurrences(of: String(seedHex), with: String(repeating: "ab", count: 32)),
            original.replacingOccurrences(of: "bekal-issuer-keys/1", with: "bekal-issuer-keys/9"),
            "",
        ]
        for text in variants {
            try Data(text.utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            #expect(throws: CredentialError(.keyFileMalformed, "")) { try KeyRing.load(from: dir) }
        }
        _ = ring
    }

    @Test("a missing key file is keyFileMissing")
    func missing() throws {
        #expect(throws: CredentialError(.keyFileMissing, "")) { try KeyRing.load(from: try temporaryDirectory()) }
    }

    @Test("rotation keeps the old public key with its window and survives a save and load")
    func rotate() throws {
        let dir = try temporaryDirectory()
        var ring = try KeyRing.create(at: dir, now: SamplePortfolio.now)
        let old = ring.current.didKey
        let later = SamplePortfolio.now.addingTimeInterval(86_400)
        ring.rotate(now: later)
        try ring.save(at: dir)
        let loaded = try KeyRing.load(from: dir)
        #expect(loaded.current.didKey != old)
        // The old key keeps the second of the rotation (it may have signed in it), and not one more.
        let end = later.addingTimeInterval(1)
        #expect(loaded.retired == [KeyValidity(didKey: old, validFrom: SamplePortfolio.now, validUntil: end)])
        #expect(loaded.keys.count == 2)
        #expect(loaded.retired[0].covers(SamplePortfolio.now.addingTimeInterval(10)))
        #expect(loaded.retired[0].covers(later))
        #expect(!loaded.retired[0].covers(end))
        #expect(try mode(dir.appendingPathComponent(KeyRing.fileName)) == 0o600)
    }
}
