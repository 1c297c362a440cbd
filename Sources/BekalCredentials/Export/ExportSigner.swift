import BekalJSON
import Foundation

/// Signs the credentials of one export with every suite, keeping each signed credential's RFC 8785 form when an
/// `eddsa-jcs-2022` proof needs it, so the outer `ClrCredential`'s form is assembled from them (JCS is
/// compositional) rather than canonicalizing every embedded credential a second time.
struct ExportSigner {
    var key: IssuerKey
    var now: Date
    var suites: [any Cryptosuite]

    /// Whether any suite signs canonical JSON bytes (only then are the forms worth computing).
    var signsJSON: Bool { suites.contains { $0.signsCanonicalJSON } }

    /// A signed credential and, when kept, its canonical form (proof included).
    struct Signed {
        var document: JSONObject
        var form: CanonicalObject?
    }

    /// Signs an embedded credential (it has no `proof` yet); its form is made at the depth where it sits in the
    /// `ClrCredential`.
    func signEmbedded(_ document: JSONObject) throws(CredentialError) -> Signed {
        try sign(document, form: signsJSON ? Self.form(document, depth: CanonicalObject.embeddedCredentialDepth) : nil)
    }

    /// Signs the `ClrCredential` around `embedded` (the same credentials, signed, in
    /// `credentialSubject.verifiableCredential`).
    func signOuter(_ document: JSONObject, embedded: [Signed]) throws(CredentialError) -> Signed {
        guard signsJSON else { return try sign(document, form: nil) }
        let forms = embedded.compactMap(\.form)
        guard forms.count == embedded.count, case .object(let subject)? = document["credentialSubject"] else {
            return try sign(document, form: Self.form(document, depth: 0))
        }
        let form: CanonicalObject
        do {
            form = try CanonicalObject.clrCredential(document, subject: subject, embedded: forms.map(\.bytes))
        } catch {
            throw Self.canonicalizationFailed
        }
        return try sign(document, form: form)
    }

    /// Adds one proof per suite as a proof set, as `DataIntegrity.sign(..., asProofSet: true)` does suite by suite:
    /// each proof covers the document without `proof`.
    private func sign(_ document: JSONObject, form: CanonicalObject?) throws(CredentialError) -> Signed {
        var proofs: [JSONValue] = []
        for suite in suites {
            let options = DataIntegrity.proofOptions(suite: suite, key: key, created: now)
            let canonical = suite.signsCanonicalJSON ? form?.bytes(without: "proof") : nil
            proofs.append(.object(try suite.createProof(
                document: document, canonicalDocument: canonical, options: options, key: key)))
        }
        var secured = document
        secured["proof"] = .array(proofs)
        guard var form else { return Signed(document: secured, form: nil) }
        do {
            try form.set("proof", value: .array(proofs))
        } catch {
            throw Self.canonicalizationFailed
        }
        return Signed(document: secured, form: form)
    }

    private static func form(_ document: JSONObject, depth: Int) throws(CredentialError) -> CanonicalObject {
        do {
            return try CanonicalObject(document, depth: depth)
        } catch {
            throw canonicalizationFailed
        }
    }

    private static var canonicalizationFailed: CredentialError {
        CredentialError(.canonicalizationFailed, "the document cannot be canonicalized (RFC 8785)")
    }
}
