import ArgumentParser
import BekalCredentials
import BekalDomain
import BekalJSON
import Crypto
import BekalLinkedData
import Foundation

/// Bekal's in-process verifier over export files, next to the crypto floor: SHA-256 of the canonical bytes
/// and one Ed25519 verification for every proof in the files, in the same process, which no verifier beats.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Times CredentialVerifier and the crypto floor on export files.")

    @OptionGroup var repetition: RepetitionOptions
    @Option(help: "A directory of export files.") var dir: String
    @Option(help: "Use only the first N files (0: all).") var limit = 0
    @Option(help: "A suffix for the figure ids, e.g. rdfc for a directory of eddsa-rdfc-2022 exports.")
    var label: String?
    @Option(help: "The issuer's did:key to trust (default: the bench key of `bekal-bench generate`), e.g. for files `bekal export` wrote from another data directory.")
    var issuer: String?

    func run() throws {
        let files = try ExportFiles.load(dir, limit: limit)
        let key = try BenchFixture.issuerKey()
        let context = VerificationContext(
            at: BenchFixture.now.addingTimeInterval(86_400), trust: TrustAnchors(selfSigningIssuers: [issuer ?? key.didKey.did]))
        let verifier = CredentialVerifier()
        for file in files {
            let verification = verifier.verify(bytes: file.bytes, context: context)
            // VALID WITH EXCEPTIONS counts: every proof and policy ran, and only an embedded item's own dates or
            // status set it apart (a certificate of the generated facility may expire before the fixed check date).
            guard case .invalid(let failures) = verification.result else { continue }
            throw BenchFailure("\(file.name) does not verify: \(failures.map(\.description).joined(separator: "; "))")
        }
        let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
        let proofs = try files.flatMap { try FloorProof.all(in: $0.bytes) }
        var failed = 0
        // The verifier and the floor alternate run by run, so their ratio is taken pair by pair (see
        // `Sampling.measureAlternating`); the report divides the i-th samples of the two.
        let (bekal, floor) = Sampling.measureAlternating(
            repetition.repetitions,
            { for file in files { _ = verifier.verify(bytes: file.bytes, context: context) } },
            { for proof in proofs where !proof.verify() { failed += 1 } })
        guard failed == 0 else { throw BenchFailure("\(failed) proofs failed the floor check") }
        Figure(id: figureID("verify.bekal"), samples: bekal.samples, cpu: bekal.cpu, items: files.count,
               bytes: totalBytes, note: "parse + every policy, outer and embedded proofs",
               pairedWith: figureID("verify.floor")).emit()
        Figure(id: figureID("verify.floor"), samples: floor.samples, cpu: floor.cpu, items: files.count,
               bytes: totalBytes, note: "\(proofs.count) proofs: SHA-256 x2 + Ed25519 verify each",
               pairedWith: figureID("verify.bekal")).emit()

        // Two of the verifier's own steps on their own, so a report can say what sits between it and the floor.
        let parse = Sampling.measure(repetition.repetitions) {
            for file in files { _ = try? JSONParser.parse(file.bytes) }
        }
        Figure(id: figureID("verify.part.parse"), samples: parse, items: files.count, bytes: totalBytes,
               note: "the strict parse alone (tree built and freed)").emit()
        // Mapped as deep as the verifier maps an export (`CanonicalForms.mappedDepth`). Only over files in RFC 8785
        // form (eddsa-rdfc-2022 exports are not): elsewhere the confirmation stops at the first byte it cannot
        // prove, and its time would say nothing.
        if files.allSatisfy({ CanonicalText(confirming: $0.bytes, mappedDepth: 4) != nil }) {
            let confirm = Sampling.measure(repetition.repetitions) {
                for file in files { _ = CanonicalText(confirming: file.bytes, mappedDepth: 4) }
            }
            Figure(id: figureID("verify.part.confirm"), samples: confirm, items: files.count, bytes: totalBytes,
                   note: "the RFC 8785 confirmation alone").emit()
        }
    }

    private func figureID(_ base: String) -> String { label.map { "\(base).\($0)" } ?? base }
}

/// One proof reduced to what any verifier must compute: the two canonical byte strings, the signature
/// and the public key. The canonical bytes are made once, outside the timing, by the proof's own suite (JCS for
/// eddsa-jcs-2022; JSON-LD → RDF → RDFC-1.0 N-Quads for eddsa-rdfc-2022), so the floor is the same for both.
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
            let canonical = try canonicalForms(document: unsecured, proofConfig: config)
            let did = try DIDKey(method)
            return FloorProof(
                canonicalProofConfig: canonical.proofConfig, canonicalDocument: canonical.document,
                signature: try Multibase.decodeBase58(value),
                publicKey: try Curve25519.Signing.PublicKey(rawRepresentation: did.publicKey))
        }
    }

    static func canonicalForms(document: JSONObject, proofConfig: JSONObject) throws
        -> (proofConfig: [UInt8], document: [UInt8])
    {
        switch proofConfig["cryptosuite"]?.stringValue {
        case RDFCProofAlgorithms.cryptosuite:
            let suite = RDFCProofAlgorithms(loader: BundledContexts())
            let configuration = suite.proofConfiguration(proofConfig, documentContext: document["@context"])
            return (
                Array(try suite.canonicalize(configuration).utf8), Array(try suite.canonicalize(.object(document)).utf8)
            )
        default:
            let hash = try EddsaJcs2022.hashData(document: document, proofConfig: proofConfig)
            return (hash.canonicalProofConfig, hash.canonicalDocument)
        }
    }
}
