// libFuzzer entry for the verifier, compiled by scripts/fuzz-verify.sh together with BekalCredentials' sources
// (linked against the release build of BekalJSON, BekalLinkedData, BekalDomain and swift-crypto). Not part of the
// package. Both cryptosuites are in the verifier's registry: eddsa-jcs-2022 (JCS) and eddsa-rdfc-2022 (JSON-LD →
// RDF → RDFC-1.0, safe mode, bundled contexts).
//
// Invariants on every input:
//  1. parse → canonicalize (JCS and RDFC) → verify never crashes or hangs, whatever the bytes;
//  2. a verdict of VALID implies every proof on the document verified and the issuer is the fuzz key;
//  3. the verdict does not change when the document is re-serialized (neither suite depends on formatting);
//  4. a VALID document with an eddsa-rdfc-2022 proof is fully covered: safe-mode JSON-LD drops nothing from it,
//     and plain and safe mode canonicalize it to the same N-Quads.
import BekalDomain
import BekalJSON
import BekalLinkedData
import Foundation

private let fuzzKey = try! IssuerKey(seed: Array(repeating: 7, count: 32))
private let context = VerificationContext(
    at: Date(timeIntervalSince1970: 1_800_000_000),
    trust: TrustAnchors(selfSigningIssuers: [fuzzKey.didKey.did]),
    registerNumber: RegisterNumber("BI.2024.0117"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVerify(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let verifier = CredentialVerifier()
    let verdict = verifier.verify(bytes: input, context: context)
    guard let value = try? JSONParser.parse(input) else { return 0 }
    _ = try? JCS.canonicalize(value)
    if case .object(let object) = value {
        _ = DataIntegrity.verifyProofs(in: object)
        _ = try? StatusListCredential.read(value)
        _ = try? TrustList(json: value)
        _ = try? VerifiedTrustList(json: value, at: Date(timeIntervalSince1970: 1_795_000_000))
        var unsecured = object
        unsecured["proof"] = nil
        let safe = try? RDFCProofAlgorithms(safeMode: true).canonicalize(.object(unsecured))
        if verdict.result.isValid, hasRdfcProof(object) {
            if (try? EddsaRdfc2022().checkCoverage(unsecured)) == nil { fatalError("VALID rdfc document drops a term") }
            if safe == nil || safe != (try? RDFCProofAlgorithms(safeMode: false).canonicalize(.object(unsecured))) {
                fatalError("VALID rdfc document canonicalizes differently in plain mode")
            }
        }
    }
    let again = verifier.verify(bytes: JSONWriter.serialize(value, pretty: true), context: context)
    if verdict.result.verdict != again.result.verdict { fatalError("verdict depends on formatting") }
    if let verified = verdict.result.verified, verified.issuerID != fuzzKey.didKey.did {
        fatalError("VALID for an untrusted issuer")
    }
    return 0
}

private func hasRdfcProof(_ document: JSONObject) -> Bool {
    let proofs = document["proof"]?.arrayValue ?? document["proof"].map { [$0] } ?? []
    return proofs.contains { $0["cryptosuite"]?.stringValue == RDFCProofAlgorithms.cryptosuite }
}
