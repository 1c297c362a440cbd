import BekalJSON

/// A document's RFC 8785 bytes, kept so that a proof check can take them instead of canonicalizing the document:
/// either assembled member by member from the parsed value, or a slice of an input confirmed to be canonical.
enum CanonicalDocument: Sendable {
    /// Assembled from the parsed value (`CanonicalObject`).
    case assembled(CanonicalObject)
    /// The document's own bytes in a text `CanonicalText` confirmed to be in RFC 8785 form.
    case slice(CanonicalText, CanonicalText.Value)

    /// The canonical bytes without member `excluded` (e.g. the document without its `proof`).
    func bytes(without excluded: String?) -> [UInt8] {
        switch self {
        case .assembled(let object): object.bytes(without: excluded)
        case .slice(let text, let value): text.canonicalBytes(of: value, without: excluded)
        }
    }
}
