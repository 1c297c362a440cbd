@testable import BekalCredentials
import BekalJSON
import Foundation
import Testing

/// The verifier reads each verification method once per verification; these compare the remembered answers with
/// reading every method afresh, so a memo that mixes keys up or forgets a refusal fails here.
@Suite("Verification method keys, read once per verification")
struct VerificationMethodKeysTests {
    static let first = try! IssuerKey(seed: Array(repeating: 1, count: 32))
    static let second = try! IssuerKey(seed: Array(repeating: 2, count: 32))

    /// The reading the verifier used before the memo: `DIDKey(_:)` and a `#` in the method.
    static func reference(_ method: String) -> DIDKey? {
        guard let key = try? DIDKey(method), method.contains("#") else { return nil }
        return key
    }

    static var methods: [String] {
        let a = first.didKey, b = second.didKey
        return [
            a.verificationMethodID, b.verificationMethodID, a.did, b.did,
            a.did + "#" + b.publicKeyMultibase, "did:web:lapas.example#key-1", "did:key:", "did:key:zzzz#zzzz",
            // An X25519 key (0xec01), not Ed25519.
            "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",
            "https://lapas.example/keys/1", "",
        ]
    }

    @Test("each method gets the key (or the refusal) a fresh reading gives, asked once, twice and interleaved")
    func sameAsFreshReading() {
        var keys = VerificationMethodKeys()
        let methods = Self.methods
        #expect(methods.compactMap(Self.reference).count == 2)
        for method in methods + methods.reversed() + methods {
            #expect(keys.key(for: method) == Self.reference(method), "\(method)")
            #expect(keys.resolved(method)?.did == Self.reference(method)?.did, "\(method)")
        }
        #expect(keys.key(for: Self.first.didKey.verificationMethodID) == Self.first.didKey)
        #expect(keys.key(for: Self.second.didKey.verificationMethodID) == Self.second.didKey)
    }

    @Test("past the bound on remembered methods, answers are still read correctly")
    func beyondTheBound() throws {
        var keys = VerificationMethodKeys()
        let many = try (1...80).map { try IssuerKey(seed: Array(repeating: UInt8($0), count: 32)).didKey }
        for key in many + many.reversed() {
            #expect(keys.key(for: key.verificationMethodID) == key)
            #expect(keys.key(for: key.did) == nil)
        }
    }

    @Test("in one proof set, a proof naming the other signer's method fails while the honest one verifies")
    func proofSetWithSwappedMethod() throws {
        let unsigned = try Fixture.object("vc-di-eddsa/unsigned.json")
        let one = try DataIntegrity.sign(unsigned, key: Self.first, created: SamplePortfolio.now)
        let both = try DataIntegrity.sign(one, key: Self.second, created: SamplePortfolio.now)
        var keys = VerificationMethodKeys()
        let honest = DataIntegrity.verifyProofs(in: both, registry: .standard, canonical: nil, keys: &keys)
        #expect(honest.allVerified)
        #expect(honest.proofs.map(\.key) == [Self.first.didKey, Self.second.didKey])
        #expect(honest.proofs.map(\.keyDID) == [Self.first.didKey.did, Self.second.didKey.did])

        var swapped = both
        var proofs = try #require(both["proof"]?.arrayValue)
        var last = try #require(proofs[1].objectValue)
        last["verificationMethod"] = .string(Self.first.didKey.verificationMethodID)
        proofs[1] = .object(last)
        swapped["proof"] = .array(proofs)
        // The same memo, already holding both methods, as within one verification of a portfolio.
        let result = DataIntegrity.verifyProofs(in: swapped, registry: .standard, canonical: nil, keys: &keys)
        #expect(result.proofs.map(\.outcome) == [.verified, .failed(.signatureMismatch)])
        #expect(result.proofs.map(\.key) == [Self.first.didKey, Self.first.didKey])
    }
}
