import BekalJSON
import Crypto
import Foundation

@testable import BekalLinkedData

/// Fixture access and small decoders shared by the cryptosuite tests.
enum TestFiles {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func text(_ path: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: fixtures.appendingPathComponent(path)))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String { Hex.encode(bytes) }

    /// The Ed25519 public key of a `did:key:z6Mk…` verification method.
    static func publicKey(verificationMethod: String) throws -> Curve25519.Signing.PublicKey {
        let did = verificationMethod.split(separator: "#").first.map(String.init) ?? ""
        guard did.hasPrefix("did:key:z"), let bytes = Base58.decode(String(did.dropFirst("did:key:z".count))),
            bytes.count == 34, bytes[0] == 0xED, bytes[1] == 0x01
        else { throw LinkedDataError(.invalidProof, "not an Ed25519 did:key") }
        return try Curve25519.Signing.PublicKey(rawRepresentation: bytes.dropFirst(2))
    }

    /// Verifies every proof of a secured document: proof sets, and proof chains through `previousProof`.
    static func verifyAll(_ document: JSONValue, suite: RDFCProofAlgorithms) throws -> Bool {
        guard case .object(let secured) = document, let proofValue = secured["proof"] else { return false }
        let proofs = (proofValue.arrayValue ?? [proofValue]).compactMap(\.objectValue)
        var unsecured = secured
        unsecured["proof"] = nil
        for proof in proofs {
            var input = unsecured
            if let previous = proof["previousProof"] {
                let ids = (previous.arrayValue ?? [previous]).compactMap(\.stringValue)
                let matching = proofs.filter { ids.contains($0["id"]?.stringValue ?? "") }
                guard matching.count == ids.count else { return false }
                input["proof"] = matching.count == 1 ? .object(matching[0]) : .array(matching.map { .object($0) })
            }
            let key = try publicKey(verificationMethod: proof["verificationMethod"]?.stringValue ?? "")
            guard try suite.verifyProof(unsecuredDocument: .object(input), proof: proof, publicKey: key) else { return false }
        }
        return true
    }
}
