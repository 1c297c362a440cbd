import BekalJSON
import Crypto
import Foundation

/// W3C vc-di-eddsa `eddsa-jcs-2022`: JCS (RFC 8785), SHA-256, Ed25519.
public struct EddsaJcs2022: Cryptosuite {
    /// The suite's name as proofs state it: `eddsa-jcs-2022`.
    public let name = Self.suiteName
    static let suiteName = "eddsa-jcs-2022"

    /// Creates the suite; it holds no state.
    public init() {}

    /// The intermediate values of the hashing step, exposed so tests can compare them with the W3C vectors.
    public struct HashData: Sendable, Hashable {
        /// The proof configuration's RFC 8785 bytes.
        public var canonicalProofConfig: [UInt8]
        /// The document's RFC 8785 bytes, without its `proof`.
        public var canonicalDocument: [UInt8]
        /// SHA-256 of the canonical proof configuration (32 bytes).
        public var proofConfigHash: [UInt8]
        /// SHA-256 of the canonical document (32 bytes).
        public var documentHash: [UInt8]
        /// proof hash ‖ document hash (64 bytes): what is signed.
        public var combined: [UInt8] { proofConfigHash + documentHash }
    }

    /// Canonicalizes and hashes the proof configuration (no `proofValue`) and the document (no `proof`).
    public static func hashData(document: JSONObject, proofConfig: JSONObject) throws(CredentialError) -> HashData {
        let proofCanon = try canonicalize(.object(proofConfig))
        let docCanon = try canonicalize(.object(document))
        return HashData(
            canonicalProofConfig: proofCanon, canonicalDocument: docCanon,
            proofConfigHash: Array(SHA256.hash(data: proofCanon)), documentHash: Array(SHA256.hash(data: docCanon)))
    }

    static func canonicalize(_ value: JSONValue) throws(CredentialError) -> [UInt8] {
        do {
            return try JCS.canonicalize(value)
        } catch {
            throw CredentialError(.canonicalizationFailed, "the document cannot be canonicalized (RFC 8785)")
        }
    }

    /// Signs the document's RFC 8785 bytes with `key` and returns the proof with its `proofValue`.
    public func createProof(document: JSONObject, options: JSONObject, key: IssuerKey) throws(CredentialError)
        -> JSONObject
    {
        try createProof(
            canonicalDocument: Self.canonicalize(.object(document)), documentContext: document["@context"],
            options: options, key: key)
    }

    /// It signs the document's RFC 8785 bytes.
    public var signsCanonicalJSON: Bool { true }

    /// Signs `canonicalDocument` when given (the exporter assembles an export's bytes from its parts), else the
    /// document's canonical form.
    public func createProof(document: JSONObject, canonicalDocument: [UInt8]?, options: JSONObject, key: IssuerKey)
        throws(CredentialError) -> JSONObject
    {
        guard let canonicalDocument else { return try createProof(document: document, options: options, key: key) }
        return try createProof(
            canonicalDocument: canonicalDocument, documentContext: document["@context"], options: options, key: key)
    }

    /// Checks the proof over `canonicalDocument()`'s bytes (`nil`: the document cannot be canonicalized).
    public func verifyProof(
        document: JSONObject, proof: JSONObject, publicKey: DIDKey, canonicalDocument: () -> [UInt8]?
    ) -> ProofCheck {
        verifyProof(
            documentContext: document["@context"], proof: proof, publicKey: publicKey,
            canonicalDocument: canonicalDocument)
    }

    /// Signs a document whose canonical bytes are already known.
    private func createProof(
        canonicalDocument: [UInt8], documentContext: JSONValue?, options: JSONObject, key: IssuerKey
    ) throws(CredentialError) -> JSONObject {
        var config = options
        config["proofValue"] = nil
        // Proof configuration rule: the proof carries the document's @context.
        if let documentContext { config["@context"] = documentContext }
        let proofCanon = try Self.canonicalize(.object(config))
        let signature = try key.sign(Array(SHA256.hash(data: proofCanon)) + Array(SHA256.hash(data: canonicalDocument)))
        config["proofValue"] = .string(Multibase.encodeBase58(signature))
        return config
    }

    /// Checks `proof` over the document's RFC 8785 bytes with `publicKey`.
    public func verifyProof(document: JSONObject, proof: JSONObject, publicKey: DIDKey) -> ProofCheck {
        verifyProof(documentContext: document["@context"], proof: proof, publicKey: publicKey) {
            try? Self.canonicalize(.object(document))
        }
    }

    /// The check itself, with the document's canonical bytes from `canonicalDocument` (`nil`: the document cannot
    /// be canonicalized), asked for only once the cheaper checks pass.
    private func verifyProof(
        documentContext: JSONValue?, proof: JSONObject, publicKey: DIDKey, canonicalDocument: () -> [UInt8]?
    ) -> ProofCheck {
        guard case .string(let proofValue)? = proof["proofValue"],
            let signature = try? Multibase.decodeBase58(proofValue), signature.count == 64
        else { return .failed(.proofValueMalformed) }
        var options = proof
        options["proofValue"] = nil
        guard ProofContext.matches(proof: options, documentContext: documentContext) else {
            return .failed(.contextMismatch)
        }
        guard let proofCanon = try? Self.canonicalize(.object(options)), let documentCanon = canonicalDocument() else {
            return .failed(ProofFailure("canonicalization-failed", "the document cannot be canonicalized"))
        }
        let combined = Array(SHA256.hash(data: proofCanon)) + Array(SHA256.hash(data: documentCanon))
        return publicKey.isValidSignature(signature, for: combined) ? .verified : .failed(.signatureMismatch)
    }
}
