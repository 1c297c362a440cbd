import BekalJSON

/// The RFC 8785 forms of a credential and of the credentials a `ClrCredential` embeds, each computed once.
///
/// An embedded credential is canonicalized for its own `eddsa-jcs-2022` proof, and the outer credential's form
/// contains it again; JCS is compositional, so the outer form is assembled from the embedded forms. Forms are
/// made only when an `eddsa-jcs-2022` proof will use them; where one cannot be made (a number JCS refuses, nesting
/// too deep), it is `nil` and the proof is checked the ordinary way, which reports the failure as before.
struct CanonicalForms {
    var outer: CanonicalObject?
    /// By index in `credentialSubject.verifiableCredential`.
    var embedded: [Int: CanonicalObject] = [:]

    init(_ document: JSONObject) {
        let items = document["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? []
        let outerNeeded = Self.hasJCSProof(document)
        for (index, item) in items.enumerated() {
            guard case .object(let credential) = item, outerNeeded || Self.hasJCSProof(credential) else { continue }
            embedded[index] = try? CanonicalObject(credential, depth: CanonicalObject.embeddedCredentialDepth)
        }
        guard outerNeeded else { return }
        guard embedded.count == items.count, case .object(let subject)? = document["credentialSubject"],
            case .array? = subject["verifiableCredential"]
        else {
            outer = try? CanonicalObject(document)
            return
        }
        outer = try? CanonicalObject.clrCredential(
            document, subject: subject, embedded: items.indices.compactMap { embedded[$0]?.bytes })
    }

    /// Whether `document` carries an `eddsa-jcs-2022` proof (a single proof or a proof set).
    static func hasJCSProof(_ document: JSONObject) -> Bool {
        switch document["proof"] {
        case .object(let proof)?: proof["cryptosuite"]?.stringValue == EddsaJcs2022.suiteName
        case .array(let proofs)?: proofs.contains { $0["cryptosuite"]?.stringValue == EddsaJcs2022.suiteName }
        default: false
        }
    }
}
