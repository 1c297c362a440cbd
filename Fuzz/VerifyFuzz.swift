// libFuzzer entry for the verifier, compiled by scripts/fuzz-verify.sh together with BekalCredentials' sources
// (linked against the release build of BekalJSON, BekalDomain and swift-crypto). Not part of the package.
//
// Invariants on every input:
//  1. parse → canonicalize → verify never crashes, whatever the bytes;
//  2. a verdict of VALID implies every proof on the document verified and the issuer is the fuzz key;
//  3. the verdict does not change when the document is re-serialized (JCS makes formatting irrelevant).
import BekalDomain
import BekalJSON
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
    }
    let again = verifier.verify(bytes: JSONWriter.serialize(value, pretty: true), context: context)
    if verdict.result.isValid != again.result.isValid { fatalError("verdict depends on formatting") }
    if case .valid(let verified) = verdict.result, verified.issuerID != fuzzKey.didKey.did {
        fatalError("VALID for an untrusted issuer")
    }
    return 0
}
