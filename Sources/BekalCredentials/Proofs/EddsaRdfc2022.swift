import BekalJSON
import BekalLinkedData
import Crypto
import Foundation

/// W3C vc-di-eddsa `eddsa-rdfc-2022` behind the `Cryptosuite` seam: JSON-LD 1.1 to RDF, RDFC-1.0, SHA-256,
/// Ed25519, all from BekalLinkedData's `RDFCProofAlgorithms`, with the contexts bundled (never fetched).
///
/// Safe mode is on by default, for signing and for verifying: a document part of which JSON-LD would drop (an
/// undefined term, a relative type) is refused, because a signature over it would not cover what a reader sees.
public struct EddsaRdfc2022: Cryptosuite {
    /// The suite's name as proofs state it: `eddsa-rdfc-2022`.
    public let name = RDFCProofAlgorithms.cryptosuite
    /// The JSON-LD implementation of the suite that does the canonicalization and signing.
    public let suite: RDFCProofAlgorithms

    /// Creates the suite; contexts come from the bundled copies (never fetched) and safe mode is on by default.
    public init(
        loader: any DocumentLoader = BundledContexts(), safeMode: Bool = true,
        canonicalizer: RDFCanonicalizer = RDFCanonicalizer()
    ) {
        suite = RDFCProofAlgorithms(loader: loader, safeMode: safeMode, canonicalizer: canonicalizer)
    }

    /// Signs `document` as given: for a chained proof its `proof` holds the previous proofs, which JSON-LD turns
    /// into named graphs and so are signed along. The proof carries no `@context` (the document's covers it).
    public func createProof(document: JSONObject, options: JSONObject, key: IssuerKey) throws(CredentialError)
        -> JSONObject
    {
        var proof = options
        proof["proofValue"] = nil
        let configuration = suite.proofConfiguration(proof, documentContext: document["@context"])
        let data: [UInt8]
        do {
            data = try suite.hashData(unsecuredDocument: .object(document), proofConfiguration: configuration)
        } catch {
            throw Self.signingError(error)
        }
        proof["proofValue"] = .string(Multibase.encodeBase58(try key.sign(data)))
        return proof
    }

    /// Checks `proof` over the document's RDF canonical form (RDFC-1.0) with `publicKey`.
    public func verifyProof(document: JSONObject, proof: JSONObject, publicKey: DIDKey) -> ProofCheck {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey.publicKey) else {
            return .failed(ProofFailure("verification-method-unsupported", "the key is not an Ed25519 public key"))
        }
        // The proof configuration's @context rule, checked here for both suites alike, so that the JSON-LD side's
        // `invalidProof` below can only mean a malformed proof.
        guard ProofContext.matches(proof: proof, documentContext: document["@context"]) else {
            return .failed(.contextMismatch)
        }
        do {
            let holds = try suite.verifyProof(unsecuredDocument: .object(document), proof: proof, publicKey: key)
            return holds ? .verified : .failed(.signatureMismatch)
        } catch {
            return .failed(Self.failure(error))
        }
    }

    /// Checks that `document` can be signed without losing anything: every term and type expands to an absolute
    /// IRI (JSON-LD safe mode) and the contexts are bundled. It expands the whole document, so the exporter does not
    /// run it on every export (see `ExportCoverage`); tests use it to prove what the exporter writes is covered.
    public func checkCoverage(_ document: JSONObject) throws(CredentialError) {
        do {
            _ = try suite.jsonld.toRDF(.object(document))
        } catch {
            throw Self.signingError(error)
        }
    }

    /// A verification failure named after the JSON-LD or RDFC fault; messages name terms, never values.
    static func failure(_ error: LinkedDataError) -> ProofFailure {
        let code: String
        switch error.code {
        case .undefinedTerm: code = "undefined-term"
        case .unknownContext: code = "unknown-context"
        case .canonicalizationWorkLimit, .canonicalizationDepthLimit: code = "canonicalization-limit"
        case .invalidProof:
            // The @context rule was checked before (`ProofContext`): what is left is the proof's type or value.
            return .proofValueMalformed
        case .emptyExpansion: code = "empty-expansion"
        default: code = "canonicalization-failed"
        }
        return ProofFailure(code, error.message)
    }

    static func signingError(_ error: LinkedDataError) -> CredentialError {
        switch error.code {
        case .undefinedTerm:
            CredentialError(
                .termNotCovered, "eddsa-rdfc-2022 would not sign part of the document: \(error.message)", cause: error)
        default:
            CredentialError(
                .canonicalizationFailed, "the document cannot be canonicalized (RDFC-1.0): \(error.message)", cause: error)
        }
    }
}
