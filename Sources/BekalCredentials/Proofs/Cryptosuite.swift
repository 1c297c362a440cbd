import BekalJSON
import Foundation

/// A Data Integrity cryptosuite (`eddsa-jcs-2022`, `eddsa-rdfc-2022`): how a document and the proof options
/// become the bytes that are signed. Key resolution, proof sets and chains, and trust are the caller's business.
public protocol Cryptosuite: Sendable {
    /// The `cryptosuite` value of its proofs, e.g. `eddsa-jcs-2022`.
    var name: String { get }

    /// Returns the complete proof (the options, the proof `@context` rule applied, and `proofValue`).
    /// - Parameters:
    ///   - document: the document without `proof` (or, for a chained proof, with the previous proofs as `proof`).
    ///   - options: `type`, `cryptosuite`, `created`, `verificationMethod`, `proofPurpose`, and optional members.
    func createProof(document: JSONObject, options: JSONObject, key: IssuerKey) throws(CredentialError) -> JSONObject

    /// Checks one proof against the document it secures.
    /// - Parameters:
    ///   - document: the document without `proof` (or with the previous proofs of a chain as `proof`).
    ///   - proof: the proof as found, including `proofValue`.
    ///   - publicKey: the key its `verificationMethod` names.
    func verifyProof(document: JSONObject, proof: JSONObject, publicKey: DIDKey) -> ProofCheck

    /// Whether the suite signs the document's RFC 8785 canonical bytes (`eddsa-jcs-2022`). Only then is it worth a
    /// caller's while to keep those bytes (JCS is compositional: the exporter assembles an export's form from its
    /// credentials' forms instead of canonicalizing every credential twice).
    var signsCanonicalJSON: Bool { get }

    /// As `createProof(document:options:key:)`, with the document's canonical bytes (without `proof`) when the
    /// caller already holds them; a suite that does not sign canonical JSON ignores them.
    func createProof(document: JSONObject, canonicalDocument: [UInt8]?, options: JSONObject, key: IssuerKey)
        throws(CredentialError) -> JSONObject

    /// As `verifyProof(document:proof:publicKey:)`, with the document's canonical bytes (without `proof`) from
    /// `canonicalDocument` when the caller holds them, asked for only once the cheaper checks pass; a suite that
    /// does not sign canonical JSON ignores them.
    func verifyProof(
        document: JSONObject, proof: JSONObject, publicKey: DIDKey, canonicalDocument: () -> [UInt8]?
    ) -> ProofCheck
}

extension Cryptosuite {
    /// A suite signs its own serialization of the document unless it says otherwise.
    public var signsCanonicalJSON: Bool { false }

    /// Ignores `canonicalDocument`: the suite signs another serialization.
    public func createProof(document: JSONObject, canonicalDocument: [UInt8]?, options: JSONObject, key: IssuerKey)
        throws(CredentialError) -> JSONObject
    {
        try createProof(document: document, options: options, key: key)
    }

    /// Ignores `canonicalDocument`: the suite signs another serialization.
    public func verifyProof(
        document: JSONObject, proof: JSONObject, publicKey: DIDKey, canonicalDocument: () -> [UInt8]?
    ) -> ProofCheck {
        verifyProof(document: document, proof: proof, publicKey: publicKey)
    }
}

/// The Data Integrity proof configuration rule both suites share: a proof that carries an `@context` must carry a
/// prefix of the document's `@context` (a single value counts as a list of one).
enum ProofContext {
    /// Whether `proof`'s `@context`, if any, starts the document's.
    static func matches(proof: JSONObject, documentContext: JSONValue?) -> Bool {
        guard let proofContext = proof["@context"] else { return true }
        return list(documentContext).starts(with: list(proofContext))
    }

    /// An `@context` value as a list.
    static func list(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case nil: []
        case .array(let items)?: items
        case let single?: [single]
        }
    }
}

/// The outcome of checking one proof's cryptography.
public enum ProofCheck: Sendable, Hashable {
    /// The signature verifies with the given key.
    case verified
    /// The proof did not verify, and why.
    case failed(ProofFailure)
}

/// Why a proof did not verify; the `code` is stable, the `message` is for people.
public struct ProofFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable failure code, e.g. `signature-mismatch`, for tests and `--json` output.
    public var code: String
    /// An English sentence for people, naming no document content.
    public var message: String

    /// Creates a failure from its stable code and message.
    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The signature does not verify over the document: it was altered after signing, or signed by another key.
    public static let signatureMismatch = ProofFailure("signature-mismatch", "the signature does not match the document")
    /// The proof's `@context` is not a prefix of the document's, so the proof does not cover the terms the reader sees.
    public static let contextMismatch = ProofFailure(
        "context-mismatch", "the document's @context does not start with the proof's @context")
    /// The `proofValue` does not decode to a 64-byte Ed25519 signature.
    public static let proofValueMalformed = ProofFailure(
        "proof-value-malformed", "proofValue is not a base58-btc multibase Ed25519 signature (64 bytes)")

    /// The code and the message, e.g. `signature-mismatch: …`.
    public var description: String { "\(code): \(message)" }
}

/// The cryptosuites a verifier accepts, by name. A new suite plugs in with `register(_:)`.
public struct CryptosuiteRegistry: Sendable {
    private var suites: [String: any Cryptosuite]

    /// Creates a registry of `suites`; of two suites with one name, the later wins.
    public init(_ suites: [any Cryptosuite]) {
        self.suites = Dictionary(suites.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The suites Bekal implements: `eddsa-rdfc-2022` (safe mode, bundled contexts) and `eddsa-jcs-2022`.
    public static let standard = CryptosuiteRegistry([EddsaRdfc2022(), EddsaJcs2022()])

    /// Adds `suite`, replacing any suite of the same name.
    public mutating func register(_ suite: any Cryptosuite) { suites[suite.name] = suite }

    /// The suite a proof's `cryptosuite` names, or `nil` when the verifier does not accept it.
    public func suite(named name: String) -> (any Cryptosuite)? { suites[name] }

    /// The accepted suite names, sorted, for messages.
    public var names: [String] { suites.keys.sorted() }
}
