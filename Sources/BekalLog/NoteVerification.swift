/// The outcome of verifying a signed note against the keys a party trusts.
public enum NoteVerification: Sendable {
    /// At least one trusted key signed the note and every signature from a trusted key verifies.
    case verified(VerifiedNote)
    /// The note must not be read.
    case rejected(NoteRejection)

    /// The verified note, or `nil`.
    public var verifiedNote: VerifiedNote? {
        if case .verified(let note) = self { note } else { nil }
    }
}

/// Why a note was rejected.
public struct NoteRejection: Sendable, Hashable, CustomStringConvertible {
    /// The class of rejection.
    public enum Reason: String, Sendable, Hashable {
        /// No signature line comes from a trusted key (by name and key ID).
        case noTrustedSignature = "no-trusted-signature"
        /// A signature line from a trusted key does not verify: the whole note is rejected.
        case invalidSignature = "invalid-signature"
    }

    /// The class of rejection.
    public var reason: Reason
    /// Names the key at fault, if any.
    public var message: String

    public var description: String { message }
}

/// A note whose signatures were checked; only `SignedNote.verify(with:)` makes one.
public struct VerifiedNote: Sendable, Hashable {
    /// The note as received, every signature line included.
    public let note: SignedNote
    /// The signature lines that verified against trusted keys (one per key).
    public let verifiedSignatures: [NoteSignature]

    fileprivate init(note: SignedNote, verifiedSignatures: [NoteSignature]) {
        self.note = note
        self.verifiedSignatures = verifiedSignatures
    }

    /// The verified text.
    public var text: String { note.text }
}

extension SignedNote {
    /// Verifies the note as C2SP signed-note says: signature lines from unknown keys (by name AND key ID) are
    /// ignored; a signature from a known key must verify, or the whole note is rejected; at least one must.
    public func verify(with verifiers: [any NoteVerifier]) -> NoteVerification {
        let textBytes = Array(text.utf8)
        var verified: [NoteSignature] = []
        var seen = Set<String>()
        for signature in signatures {
            guard let verifier = verifiers.first(where: { $0.name == signature.name && $0.keyID == signature.keyID })
            else { continue }
            let key = "\(signature.name)+\(signature.keyID)"
            if seen.contains(key) { continue }  // a repeated signature by one key counts once
            seen.insert(key)
            guard verifier.verify(text: textBytes, signature: signature.signature) else {
                return .rejected(NoteRejection(
                    reason: .invalidSignature,
                    message: "SignedNote: the signature of \(signature.name) does not verify"))
            }
            verified.append(signature)
        }
        guard !verified.isEmpty else {
            return .rejected(NoteRejection(
                reason: .noTrustedSignature, message: "SignedNote: no signature from a trusted key"))
        }
        return .verified(VerifiedNote(note: self, verifiedSignatures: verified))
    }
}
