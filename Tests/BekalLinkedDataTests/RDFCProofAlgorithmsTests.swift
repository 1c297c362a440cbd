import BekalJSON
import Crypto
import Foundation
import Testing

@testable import BekalLinkedData

@Suite("eddsa-rdfc-2022 against the W3C vc-di-eddsa vectors")
struct RDFCProofAlgorithmsTests {
    let suite = RDFCProofAlgorithms()
    static let folder = "vc-di-eddsa/eddsa-rdfc-2022/"

    func privateKey() throws -> Curve25519.Signing.PrivateKey {
        let keyPair = try TestFiles.json("vc-di-eddsa/keyPair.json")
        let multibase = try #require(keyPair["privateKeyMultibase"]?.stringValue)
        let bytes = try #require(Base58.decode(String(multibase.dropFirst())))
        #expect(bytes.prefix(2) == [0x80, 0x26])  // multicodec ed25519-priv
        return try Curve25519.Signing.PrivateKey(rawRepresentation: bytes.dropFirst(2))
    }

    @Test("the unsigned credential canonicalizes to canonDocDataInt.txt byte for byte")
    func canonicalDocument() throws {
        let canonical = try suite.canonicalize(try TestFiles.json("vc-di-eddsa/unsigned.json"))
        #expect(canonical == (try TestFiles.text(Self.folder + "canonDocDataInt.txt")))
        #expect(TestFiles.hex(SHA256.hash(data: Array(canonical.utf8))) == (try TestFiles.text(Self.folder + "docHashDataInt.txt")))
    }

    @Test("the proof configuration canonicalizes to proofCanonDataInt.txt and hashes to proofHashDataInt.txt")
    func canonicalProofConfiguration() throws {
        let configuration = try TestFiles.json(Self.folder + "proofConfigDataInt.json")
        let canonical = try suite.canonicalize(configuration)
        #expect(canonical == (try TestFiles.text(Self.folder + "proofCanonDataInt.txt")))
        #expect(TestFiles.hex(SHA256.hash(data: Array(canonical.utf8))) == (try TestFiles.text(Self.folder + "proofHashDataInt.txt")))
    }

    @Test("hashData is the proof hash followed by the document hash")
    func combinedHash() throws {
        let document = try TestFiles.json("vc-di-eddsa/unsigned.json")
        let options = try #require(try TestFiles.json(Self.folder + "proofConfigDataInt.json").objectValue)
        let configuration = suite.proofConfiguration(options, documentContext: document["@context"])
        let data = try suite.hashData(unsecuredDocument: document, proofConfiguration: configuration)
        #expect(data.count == 64)
        #expect(TestFiles.hex(data) == (try TestFiles.text(Self.folder + "combinedHashDataInt.txt")))
    }

    @Test("a proof configuration met again reuses its digest; a different one is canonicalized, never served stale")
    func proofConfigurationDigestReuse() throws {
        let suite = RDFCProofAlgorithms()
        let document = try TestFiles.json("vc-di-eddsa/unsigned.json")
        let options = try #require(try TestFiles.json(Self.folder + "proofConfigDataInt.json").objectValue)
        let vectorHash = try TestFiles.text(Self.folder + "proofHashDataInt.txt")
        let configuration = suite.proofConfiguration(options, documentContext: document["@context"])
        var later = options
        later["created"] = "2020-01-01T00:00:00Z"
        let laterConfiguration = suite.proofConfiguration(later, documentContext: document["@context"])
        // The later configuration's digest as a suite that never saw the vector's computes it.
        let laterHash = try RDFCProofAlgorithms().hashData(unsecuredDocument: document, proofConfiguration: laterConfiguration)
        #expect(TestFiles.hex(laterHash.prefix(32)) != vectorHash)

        for _ in 0..<3 {
            let data = try suite.hashData(unsecuredDocument: document, proofConfiguration: configuration)
            #expect(TestFiles.hex(data.prefix(32)) == vectorHash)
        }
        #expect(suite.proofDigest.computations == 1)
        let data = try suite.hashData(unsecuredDocument: document, proofConfiguration: laterConfiguration)
        #expect(data == laterHash)
        let again = try suite.hashData(unsecuredDocument: document, proofConfiguration: configuration)
        #expect(TestFiles.hex(again.prefix(32)) == vectorHash)
        #expect(suite.proofDigest.computations == 3)

        // Changing what the digest depends on starts afresh rather than serving a digest made under other settings.
        var changed = suite
        changed.canonicalizer = RDFCanonicalizer(hashAlgorithm: .sha384)
        #expect(changed.proofDigest.computations == 0)
        _ = try changed.hashData(unsecuredDocument: document, proofConfiguration: configuration)
        #expect(changed.proofDigest.computations == 1)
        changed.jsonld.options.safeMode = false
        #expect(changed.proofDigest.computations == 0)
        #expect(suite.proofDigest.computations == 3)
    }

    @Test("signing with the vector key reproduces the signature and proofValue (Ed25519 is deterministic here)")
    func signatureAndProofValue() throws {
        let document = try TestFiles.json("vc-di-eddsa/unsigned.json")
        var options = try #require(try TestFiles.json(Self.folder + "proofConfigDataInt.json").objectValue)
        options["@context"] = nil
        let proof = try suite.createProof(document: document, proofOptions: options, privateKey: try privateKey())
        let proofValue = try #require(proof["proofValue"]?.stringValue)
        #expect(proofValue == (try TestFiles.text(Self.folder + "sigBTC58DataInt.txt")))
        let signature = try #require(Base58.decode(String(proofValue.dropFirst())))
        #expect(TestFiles.hex(signature) == (try TestFiles.text(Self.folder + "sigHexDataInt.txt")))
        var secured = try #require(document.objectValue)
        secured["proof"] = .object(proof)
        let signed = try #require(try TestFiles.json(Self.folder + "signedDataInt.json").objectValue)
        #expect(secured == signed)
    }

    @Test("signedDataInt.json verifies, and fails once its name is changed")
    func verifySigned() throws {
        let signed = try TestFiles.json(Self.folder + "signedDataInt.json")
        #expect(try TestFiles.verifyAll(signed, suite: suite))
        var altered = try #require(signed.objectValue)
        altered["name"] = "Alumni Credentiak"
        #expect(try !TestFiles.verifyAll(.object(altered), suite: suite))
    }

    @Test("base58-btc round-trips and keeps leading zero bytes")
    func base58() throws {
        let bytes: [UInt8] = [0, 0, 1, 2, 255, 128, 7]
        #expect(Base58.decode(Base58.encode(bytes)) == bytes)
        #expect(Base58.encode([0, 0]) == "11")
        #expect(Base58.decode("0OIl") == nil)
    }
}
