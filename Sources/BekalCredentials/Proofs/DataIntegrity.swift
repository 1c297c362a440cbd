import BekalJSON
import Foundation

/// Adds and verifies Data Integrity proofs (`DataIntegrityProof`) on JSON documents, including proof sets
/// (`proof` as an array) and proof chains (`previousProof`).
public enum DataIntegrity {
    /// Signs `document` with `key`: the result carries the new proof, made with the key's own `did:key`
    /// verification method; an existing proof makes a proof set.
    /// - Parameters:
    ///   - created: the proof's creation time (injected; the clock is the caller's).
    ///   - suite: `eddsa-jcs-2022` unless given.
    public static func sign(
        _ document: JSONObject, key: IssuerKey, created: Date, suite: any Cryptosuite = EddsaJcs2022()
    ) throws(CredentialError) -> JSONObject {
        try sign(document, key: key, created: created, suite: suite, verificationMethod: nil)
    }

    /// `sign` with the choices only tests make (Bekal itself signs proof sets through `ExportSigner` and never
    /// chains proofs; the verifier checks chains others make):
    /// - Parameters:
    ///   - verificationMethod: defaults to the key's own `did:key` verification method.
    ///   - asProofSet: write a single proof as a one-element array, as the 1EdTech OB 3.0 / CLR 2.0 schemas expect.
    ///   - id: the proof's own id, needed when a later proof chains to it.
    ///   - previousProof: ids of existing proofs this one endorses (a proof chain); they are signed along.
    static func sign(
        _ document: JSONObject, key: IssuerKey, created: Date, suite: any Cryptosuite = EddsaJcs2022(),
        verificationMethod: String? = nil, asProofSet: Bool = false, id: String? = nil, previousProof: [String] = []
    ) throws(CredentialError) -> JSONObject {
        var unsecured = document
        let existing = unsecured["proof"]
        unsecured["proof"] = nil
        var options = proofOptions(suite: suite, key: key, created: created, verificationMethod: verificationMethod)
        if let id { options["id"] = .string(id) }
        var input = unsecured
        if !previousProof.isEmpty {
            let all = existing?.arrayValue ?? existing.map { [$0] } ?? []
            let matching = previousProof.compactMap { wanted in all.first { $0["id"]?.stringValue == wanted } }
            guard matching.count == previousProof.count else {
                throw CredentialError(.proofMalformed, "a previousProof id names no existing proof")
            }
            options["previousProof"] = previousProof.count == 1 ? .string(previousProof[0]) : .array(previousProof.map { .string($0) })
            input["proof"] = .array(matching)
        }
        let proof = try suite.createProof(document: input, options: options, key: key)
        var secured = unsecured
        switch existing {
        case nil: secured["proof"] = asProofSet ? .array([.object(proof)]) : .object(proof)
        case .array(let proofs)?: secured["proof"] = .array(proofs + [.object(proof)])
        case let single?: secured["proof"] = .array([single, .object(proof)])
        }
        return secured
    }

    /// The options of a new proof (everything but `proofValue` and the suite's own additions).
    static func proofOptions(suite: any Cryptosuite, key: IssuerKey, created: Date, verificationMethod: String? = nil)
        -> JSONObject
    {
        JSONObject([
            ("type", "DataIntegrityProof"),
            ("cryptosuite", .string(suite.name)),
            ("created", .string(Timestamp.format(created))),
            ("verificationMethod", .string(verificationMethod ?? key.didKey.verificationMethodID)),
            ("proofPurpose", "assertionMethod"),
        ])
    }

    /// Verifies every proof on `document` against the document without `proof` (and, for a chained proof, with
    /// the proofs it names as `proof`). Never throws: each proof gets a result.
    public static func verifyProofs(
        in document: JSONObject, registry: CryptosuiteRegistry = .standard,
        maxProofs: Int = VerificationLimits.standard.maxProofsPerDocument
    ) -> ProofSetResult {
        var keys = VerificationMethodKeys()
        return verifyProofs(in: document, registry: registry, canonical: nil, keys: &keys, maxProofs: maxProofs)
    }

    /// As `verifyProofs(in:registry:canonical:keys:maxProofs:)` with a fresh key memo and the standard limit.
    static func verifyProofs(in document: JSONObject, registry: CryptosuiteRegistry, canonical: CanonicalDocument?)
        -> ProofSetResult
    {
        var keys = VerificationMethodKeys()
        return verifyProofs(in: document, registry: registry, canonical: canonical, keys: &keys)
    }

    /// As `verifyProofs(in:registry:)`; `canonical`, when given, is `document`'s RFC 8785 form (assembled member by
    /// member, or a slice of a canonical input), and an unchained `eddsa-jcs-2022` proof is checked against it instead of canonicalizing the document again.
    /// Verification methods are read through `keys`, which the caller keeps for all the documents of one
    /// verification. A proof set of more than `maxProofs` proofs is refused
    /// whole (`tooMany`), before any proof is checked.
    static func verifyProofs(
        in document: JSONObject, registry: CryptosuiteRegistry, canonical: CanonicalDocument?,
        keys: inout VerificationMethodKeys, maxProofs: Int = VerificationLimits.standard.maxProofsPerDocument
    ) -> ProofSetResult {
        guard let proofValue = document["proof"] else { return ProofSetResult(structure: .missing, proofs: []) }
        let candidates: [JSONValue]
        switch proofValue {
        case .object: candidates = [proofValue]
        case .array(let items) where items.count > maxProofs:
            return ProofSetResult(structure: .tooMany(count: items.count, limit: maxProofs), proofs: [])
        case .array(let items) where !items.isEmpty: candidates = items
        case .array: return ProofSetResult(structure: .missing, proofs: [])
        default: return ProofSetResult(structure: .notAnObject, proofs: [])
        }
        var unsecured = document
        unsecured["proof"] = nil
        var results: [ProofResult] = []
        results.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() {
            results.append(
                verify(
                    candidate, index: index, all: candidates, unsecured: unsecured, registry: registry,
                    canonical: canonical, keys: &keys))
        }
        return ProofSetResult(structure: .present, proofs: results)
    }

    private static func verify(
        _ candidate: JSONValue, index: Int, all: [JSONValue], unsecured: JSONObject, registry: CryptosuiteRegistry,
        canonical: CanonicalDocument?, keys: inout VerificationMethodKeys
    ) -> ProofResult {
        var result = ProofResult(index: index)
        guard case .object(let proof) = candidate else {
            result.outcome = .failed(ProofFailure("proof-not-object", "a proof is not a JSON object"))
            return result
        }
        result.cryptosuite = proof["cryptosuite"]?.stringValue
        result.verificationMethod = proof["verificationMethod"]?.stringValue
        guard proof["type"]?.stringValue == "DataIntegrityProof" else {
            result.outcome = .failed(ProofFailure("unsupported-proof-type", "the proof type is not DataIntegrityProof"))
            return result
        }
        guard let suiteName = result.cryptosuite else {
            result.outcome = .failed(ProofFailure("proof-malformed", "the proof has no cryptosuite"))
            return result
        }
        guard let suite = registry.suite(named: suiteName) else {
            result.outcome = .failed(
                ProofFailure("unsupported-cryptosuite", "cryptosuite \(String(suiteName.prefix(40))) is not supported"))
            return result
        }
        guard proof["proofPurpose"]?.stringValue == "assertionMethod" else {
            result.outcome = .failed(ProofFailure("wrong-proof-purpose", "the proof purpose is not assertionMethod"))
            return result
        }
        guard let createdText = proof["created"]?.stringValue, let created = Timestamp.parse(createdText) else {
            result.outcome = .failed(ProofFailure("proof-malformed", "the proof has no valid created time"))
            return result
        }
        result.created = created
        if let expiresValue = proof["expires"] {
            guard let text = expiresValue.stringValue, let expires = Timestamp.parse(text) else {
                result.outcome = .failed(ProofFailure("proof-malformed", "the proof's expires is not a date-time with a time zone"))
                return result
            }
            result.expires = expires
        }
        guard let method = result.verificationMethod, let resolved = keys.resolved(method) else {
            result.outcome = .failed(
                ProofFailure("verification-method-unsupported", "the verificationMethod is not an Ed25519 did:key method"))
            return result
        }
        let key = resolved.key
        result.key = key
        result.keyDID = resolved.did
        var input = unsecured
        switch previousProofs(of: proof, in: all) {
        case .none: break
        case .some(.success(let previous)): input["proof"] = .array(previous)
        case .some(.failure(let failure)):
            result.outcome = .failed(failure)
            return result
        }
        if let canonical, input["proof"] == nil, suite.signsCanonicalJSON {
            result.outcome = suite.verifyProof(document: input, proof: proof, publicKey: key) {
                canonical.bytes(without: "proof")
            }
        } else {
            result.outcome = suite.verifyProof(document: input, proof: proof, publicKey: key)
        }
        return result
    }

    /// The proofs a chained proof names in `previousProof`, or why they cannot be found.
    private static func previousProofs(of proof: JSONObject, in all: [JSONValue])
        -> Result<[JSONValue], ProofFailure>?
    {
        guard let previous = proof["previousProof"] else { return nil }
        let ids: [String]
        switch previous {
        case .string(let id): ids = [id]
        case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): ids = items.compactMap(\.stringValue)
        default: return .failure(ProofFailure("proof-malformed", "previousProof is not an id or a list of ids"))
        }
        var matching: [JSONValue] = []
        for id in ids {
            guard let found = all.first(where: { $0["id"]?.stringValue == id }) else {
                return .failure(ProofFailure("previous-proof-missing", "a proof named in previousProof is not in the proof set"))
            }
            matching.append(found)
        }
        return .success(matching)
    }
}

/// The proofs found on a document and how each one fared.
public struct ProofSetResult: Sendable, Hashable {
    /// Whether the document's `proof` member could be checked at all.
    public enum Structure: Sendable, Hashable {
        /// The document has one or more proof objects, and they were checked.
        case present
        /// No `proof` member (or an empty list).
        case missing
        /// `proof` is a string, number or other non-object.
        case notAnObject
        /// More proofs than a verifier checks on one document (`VerificationLimits.maxProofsPerDocument`); none
        /// was checked.
        case tooMany(count: Int, limit: Int)
    }

    /// Whether proofs were present, missing, malformed or too many to check.
    public var structure: Structure
    /// Each proof's result, in document order; empty unless `structure` is `present`.
    public var proofs: [ProofResult]

    /// True when there is at least one proof and every one verified.
    public var allVerified: Bool { structure == .present && proofs.allSatisfy { $0.outcome == .verified } }
}

/// One proof's result, with what the verifier learned from it (key, creation time).
public struct ProofResult: Sendable, Hashable {
    /// The proof's position in the document's proof set, from 0.
    public var index: Int
    /// The proof's `cryptosuite`, e.g. `eddsa-rdfc-2022`, when it names one.
    public var cryptosuite: String?
    /// The proof's `verificationMethod`, e.g. `did:key:z6Mk…#z6Mk…`, when it names one.
    public var verificationMethod: String?
    /// The public key the verification method resolved to, when it did.
    public var key: DIDKey?
    /// `key`'s `did:key` identifier (`key?.did`), written once per verification rather than by every reader.
    public var keyDID: String?
    /// The proof's `created` time, which the trust list's key windows are checked against.
    public var created: Date?
    /// The proof's `expires`, when it has one.
    public var expires: Date?
    /// Whether the proof verified, and if not why; a proof not yet checked counts as failed.
    public var outcome: ProofCheck = .failed(ProofFailure("not-checked", "the proof was not checked"))

    /// Creates the result of proof `index`, failed until checked.
    public init(index: Int) { self.index = index }
}
