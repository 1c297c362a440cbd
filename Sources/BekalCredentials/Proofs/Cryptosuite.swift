import BekalJSON
import Foundation

/// A Data Integrity cryptosuite (`eddsa-jcs-2022`, later `eddsa-rdfc-2022`): how a document and the proof options
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
}

/// The outcome of checking one proof's cryptography.
public enum ProofCheck: Sendable, Hashable {
    case verified
    case failed(ProofFailure)
}

/// Why a proof did not verify; the `code` is stable, the `message` is for people.
public struct ProofFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public static let signatureMismatch = ProofFailure("signature-mismatch", "the signature does not match the document")
    public static let contextMismatch = ProofFailure(
        "context-mismatch", "the document's @context does not start with the proof's @context")
    public static let proofValueMalformed = ProofFailure(
        "proof-value-malformed", "proofValue is not a base58-btc multibase Ed25519 signature (64 bytes)")

    public var description: String { "\(code): \(message)" }
}

/// The cryptosuites a verifier accepts, by name. A new suite plugs in with `register(_:)`.
public struct CryptosuiteRegistry: Sendable {
    private var suites: [String: any Cryptosuite]

    public init(_ suites: [any Cryptosuite]) {
        self.suites = Dictionary(suites.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The suites Bekal implements today: `eddsa-jcs-2022`.
    public static let standard = CryptosuiteRegistry([EddsaJcs2022()])

    public mutating func register(_ suite: any Cryptosuite) { suites[suite.name] = suite }

    public func suite(named name: String) -> (any Cryptosuite)? { suites[name] }

    public var names: [String] { suites.keys.sorted() }
}
