import BekalJSON
import Crypto
import Foundation

/// The algorithms of the Data Integrity cryptosuite `eddsa-rdfc-2022` (W3C vc-di-eddsa): JSON-LD to RDF,
/// RDFC-1.0, SHA-256, Ed25519. BekalCredentials' `EddsaRdfc2022` is the cryptosuite itself (its `Cryptosuite`
/// conformance) and calls these; proof-set and policy checks live there.
///
/// Safe mode is on by default: a document part of which JSON-LD would drop (so the signature would not
/// cover it) is refused with ``LinkedDataError/Code/undefinedTerm`` rather than signed or accepted.
public struct RDFCProofAlgorithms: Sendable {
    /// The cryptosuite name a proof carries in its `cryptosuite` member.
    public static let cryptosuite = "eddsa-rdfc-2022"

    /// The JSON-LD processor that turns documents into RDF; changing it forgets the cached proof-configuration digest.
    public var jsonld: JSONLD {
        didSet { proofDigest = ProofConfigurationDigest() }
    }
    /// The RDFC-1.0 canonicalizer; changing it forgets the cached proof-configuration digest.
    public var canonicalizer: RDFCanonicalizer {
        didSet { proofDigest = ProofConfigurationDigest() }
    }
    /// The last proof configuration's digest: the same configuration recurs at every credential of an export.
    private(set) var proofDigest = ProofConfigurationDigest()

    /// The algorithms with contexts from `loader` (the bundled ones by default), safe mode on unless `safeMode`
    /// is `false`, and `canonicalizer`.
    public init(
        loader: any DocumentLoader = BundledContexts(), safeMode: Bool = true,
        canonicalizer: RDFCanonicalizer = RDFCanonicalizer()
    ) {
        self.jsonld = JSONLD(loader: loader, options: JSONLDOptions(safeMode: safeMode))
        self.canonicalizer = canonicalizer
    }

    /// Canonical N-Quads of a JSON-LD document: expansion, deserialization to RDF, RDFC-1.0.
    public func canonicalize(_ document: JSONValue) throws(LinkedDataError) -> String {
        String(decoding: try canonicalBytes(document), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``canonicalize(_:)``, which is what gets hashed.
    func canonicalBytes(_ document: JSONValue) throws(LinkedDataError) -> [UInt8] {
        let dataset = try jsonld.datasetForCanonicalization(document)
        if dataset.isEmpty { throw LinkedDataError(.emptyExpansion, "document expands to no RDF statements") }
        return try canonicalizer.canonicalBytes(dataset)
    }

    /// The proof configuration: the proof options without `proofValue`, with the document's `@context`
    /// (section 3.3.5, "Proof Configuration").
    public func proofConfiguration(_ proofOptions: JSONObject, documentContext: JSONValue?) -> JSONValue {
        var configuration = proofOptions
        configuration["proofValue"] = nil
        if let documentContext { configuration["@context"] = documentContext }
        return .object(configuration)
    }

    /// SHA-256(canonical proof configuration) ‖ SHA-256(canonical document): the 64 bytes that are signed.
    public func hashData(unsecuredDocument: JSONValue, proofConfiguration: JSONValue) throws(LinkedDataError) -> [UInt8] {
        let proofHash = try proofDigest.digest(of: proofConfiguration) { configuration throws(LinkedDataError) in
            Array(SHA256.hash(data: try canonicalBytes(configuration)))
        }
        let documentHash = SHA256.hash(data: try canonicalBytes(unsecuredDocument))
        return proofHash + Array(documentHash)
    }

    /// Signs `document` (its `proof`, if any, is left out of what is signed) and returns the proof object
    /// with its `proofValue`. `proofOptions` carries `type`, `cryptosuite`, `created`, `verificationMethod`
    /// and `proofPurpose`.
    public func createProof(
        document: JSONValue, proofOptions: JSONObject, privateKey: Curve25519.Signing.PrivateKey
    ) throws(LinkedDataError) -> JSONObject {
        guard case .object(var unsecured) = document else {
            throw LinkedDataError(.invalidDocument, "a document to sign must be a JSON object")
        }
        unsecured["proof"] = nil
        guard proofOptions["cryptosuite"] == .string(Self.cryptosuite), proofOptions["type"] == "DataIntegrityProof" else {
            throw LinkedDataError(.invalidProof, "proof options are not a DataIntegrityProof with \(Self.cryptosuite)")
        }
        let configuration = proofConfiguration(proofOptions, documentContext: unsecured["@context"])
        let data = try hashData(unsecuredDocument: .object(unsecured), proofConfiguration: configuration)
        let signature: Data
        do {
            signature = try privateKey.signature(for: data)
        } catch {
            throw LinkedDataError(.invalidProof, "Ed25519 signing failed")
        }
        var proof = proofOptions
        proof["proofValue"] = .string("z" + Base58.encode(Array(signature)))
        return proof
    }

    /// Checks one proof over `unsecuredDocument` (the document without `proof`, or with the previous proofs
    /// of a proof chain). Returns whether the signature holds.
    /// - Throws: ``LinkedDataError/Code/invalidProof`` for a malformed proof, and any expansion or
    ///   canonicalization error (unknown context, safe mode, poison graph).
    public func verifyProof(
        unsecuredDocument: JSONValue, proof: JSONObject, publicKey: Curve25519.Signing.PublicKey
    ) throws(LinkedDataError) -> Bool {
        guard case .object(var unsecured) = unsecuredDocument else {
            throw LinkedDataError(.invalidDocument, "a signed document must be a JSON object")
        }
        guard proof["type"] == "DataIntegrityProof", proof["cryptosuite"] == .string(Self.cryptosuite) else {
            throw LinkedDataError(.invalidProof, "proof is not a DataIntegrityProof with \(Self.cryptosuite)")
        }
        guard case .string(let proofValue)? = proof["proofValue"], proofValue.hasPrefix("z"),
            let signature = Base58.decode(String(proofValue.dropFirst())), signature.count == 64
        else {
            throw LinkedDataError(.invalidProof, "proofValue is not a base58-btc Ed25519 signature")
        }
        if let proofContext = proof["@context"] {
            let required = proofContext.arrayValue ?? [proofContext]
            let actual = unsecured["@context"].map { $0.arrayValue ?? [$0] } ?? []
            guard actual.count >= required.count, Array(actual.prefix(required.count)) == required else {
                throw LinkedDataError(.invalidProof, "proof @context is not a prefix of the document's @context")
            }
            unsecured["@context"] = proofContext
        }
        let configuration = proofConfiguration(proof, documentContext: unsecured["@context"])
        let data = try hashData(unsecuredDocument: .object(unsecured), proofConfiguration: configuration)
        return publicKey.isValidSignature(signature, for: data)
    }
}
