import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalJSON
import Crypto
import Foundation

/// Bekal's in-process verifier over export files, next to the crypto floor: SHA-256 of the canonical bytes
/// and one Ed25519 verification for every proof in the files, in the same process, which no verifier beats.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Times CredentialVerifier and the crypto floor on export files.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "A directory of export files.") var dir: String
    @Option(help: "Use only the first N files (0: all).") var limit = 0

    func run() throws {
        let files = try ExportFiles.load(dir, limit: limit)
        let key = try BenchFixture.issuerKey()
        let context = VerificationContext(
            at: BenchFixture.now.addingTimeInterval(86_400), trust: TrustAnchors(selfSigningIssuers: [key.didKey.did]))
        let verifier = CredentialVerifier()
        for file in files {
            let verification = verifier.verify(bytes: file.bytes, context: context)
            guard case .valid = verification.result else {
                throw BenchFailure("\(file.name) does not verify: \(verification.result)")
            }
        }
        let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
        let samples = Sampling.measure(repetition.repetitions) {
            for file in files { _ = verifier.verify(bytes: file.bytes, context: context) }
        }
        Figure(id: "verify.bekal", samples: samples, items: files.count, bytes: totalBytes,
               note: "parse + every policy, outer and embedded proofs").emit()

        let proofs = try files.flatMap { try FloorProof.all(in: $0.bytes) }
        var failed = 0
        let floor = Sampling.measure(repetition.repetitions) {
            for proof in proofs where !proof.verify() { failed += 1 }
        }
        guard failed == 0 else { throw BenchFailure("\(failed) proofs failed the floor check") }
        Figure(id: "verify.floor", samples: floor, items: files.count, bytes: totalBytes,
               note: "\(proofs.count) proofs: SHA-256 x2 + Ed25519 verify each").emit()
    }
}

/// One proof reduced to what any verifier must compute: the two canonical byte strings, the signature
/// and the public key.
struct FloorProof {
    var canonicalProofConfig: [UInt8]
    var canonicalDocument: [UInt8]
    var signature: [UInt8]
    var publicKey: Curve25519.Signing.PublicKey

    func verify() -> Bool {
        let hash = Array(SHA256.hash(data: canonicalProofConfig)) + Array(SHA256.hash(data: canonicalDocument))
        return publicKey.isValidSignature(signature, for: hash)
    }

    /// Every proof of the outer credential and of each embedded credential.
    static func all(in bytes: [UInt8]) throws -> [FloorProof] {
        guard case .object(let outer) = try JSONParser.parse(bytes) else { throw BenchFailure("not an object") }
        var documents = [outer]
        for item in outer["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? [] {
            if case .object(let embedded) = item { documents.append(embedded) }
        }
        return try documents.flatMap(proofs(of:))
    }

    static func proofs(of document: JSONObject) throws -> [FloorProof] {
        var unsecured = document
        unsecured["proof"] = nil
        let list: [JSONValue] = switch document["proof"] {
        case .array(let items)?: items
        case let single?: [single]
        case nil: []
        }
        return try list.map { item in
            guard case .object(var config) = item, let value = config["proofValue"]?.stringValue,
                let method = config["verificationMethod"]?.stringValue
            else { throw BenchFailure("a proof without proofValue or verificationMethod") }
            config["proofValue"] = nil
            let hash = try EddsaJcs2022.hashData(document: unsecured, proofConfig: config)
            let did = try DIDKey(method)
            return FloorProof(
                canonicalProofConfig: hash.canonicalProofConfig, canonicalDocument: hash.canonicalDocument,
                signature: try Multibase.decodeBase58(value),
                publicKey: try Curve25519.Signing.PublicKey(rawRepresentation: did.publicKey))
        }
    }
}
