import BekalJSON

/// The RFC 8785 forms of a credential and of the credentials a `ClrCredential` embeds, each obtained once.
///
/// When the verifier was handed the document's bytes and they are already canonical (Bekal writes exports as the
/// bytes it signed), each form is a slice of them: `CanonicalText` confirms that every byte is what JCS would write,
/// and refuses anything it cannot prove. Otherwise they are assembled from the parsed value: an embedded credential
/// is canonicalized for its own `eddsa-jcs-2022` proof, and the outer credential's form contains it again; JCS is
/// compositional, so the outer form is assembled from the embedded forms. Forms are made only when an
/// `eddsa-jcs-2022` proof will use them; where one cannot be made (a number JCS refuses, nesting too deep), it is
/// `nil` and the proof is checked the ordinary way, which reports the failure as before.
struct CanonicalForms {
    var outer: CanonicalDocument?
    /// By index in `credentialSubject.verifiableCredential`.
    var embedded: [Int: CanonicalDocument] = [:]

    /// How deep `CanonicalText` maps an export: the credential (0), `credentialSubject` (1), `verifiableCredential`
    /// (2), an embedded credential (3) and its members (4), among them the `proof` that is cut out.
    static let mappedDepth = 4

    /// The forms of `document`, sliced from `bytes` (the text `document` was parsed from) when they are canonical.
    init(_ document: JSONObject, parsedFrom bytes: [UInt8]? = nil) {
        let items = document["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? []
        let outerNeeded = Self.hasJCSProof(document)
        guard outerNeeded || items.contains(where: { $0.objectValue.map(Self.hasJCSProof) ?? false }) else { return }
        if let bytes, let text = CanonicalText(confirming: bytes, mappedDepth: Self.mappedDepth),
            text.isObject(text.root)
        {
            slice(text, items: items, outerNeeded: outerNeeded)
        } else {
            assemble(document, items: items, outerNeeded: outerNeeded)
        }
    }

    /// Slices of a text confirmed canonical, for the same credentials the assembled forms would cover.
    private mutating func slice(_ text: CanonicalText, items: [JSONValue], outerNeeded: Bool) {
        let subject = text.member("credentialSubject", of: text.root)
        let elements = subject.flatMap { text.member("verifiableCredential", of: $0) }.flatMap { text.elements(of: $0) }
        for (index, item) in items.enumerated() {
            guard case .object(let credential) = item, outerNeeded || Self.hasJCSProof(credential),
                let elements, index < elements.count, text.isObject(elements[index])
            else { continue }
            embedded[index] = .slice(text, elements[index])
        }
        if outerNeeded { outer = .slice(text, text.root) }
    }

    /// Forms assembled from the parsed value.
    private mutating func assemble(_ document: JSONObject, items: [JSONValue], outerNeeded: Bool) {
        for (index, item) in items.enumerated() {
            guard case .object(let credential) = item, outerNeeded || Self.hasJCSProof(credential) else { continue }
            embedded[index] = (try? CanonicalObject(credential, depth: CanonicalObject.embeddedCredentialDepth))
                .map(CanonicalDocument.assembled)
        }
        guard outerNeeded else { return }
        let assembled: [[UInt8]] = items.indices.compactMap {
            if case .assembled(let object)? = embedded[$0] { object.bytes } else { nil }
        }
        guard assembled.count == items.count, case .object(let subject)? = document["credentialSubject"],
            case .array? = subject["verifiableCredential"]
        else {
            outer = (try? CanonicalObject(document)).map(CanonicalDocument.assembled)
            return
        }
        outer = (try? CanonicalObject.clrCredential(document, subject: subject, embedded: assembled))
            .map(CanonicalDocument.assembled)
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
