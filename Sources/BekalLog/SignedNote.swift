import Foundation

/// A C2SP signed note as received: its text and signature lines, nothing verified yet. Only `verify(with:)`
/// makes a `VerifiedNote`, and only a verified note's text should be read.
///
/// The text is kept as the exact bytes that were signed; it is never re-encoded.
public struct SignedNote: Sendable, Hashable {
    /// The note text, ending in a newline; what the signatures sign.
    public let text: String
    /// The signature lines, in order, duplicates included.
    public let signatures: [NoteSignature]

    /// At most this many signature lines are read (C2SP requires accepting at least 16).
    public static let maximumSignatures = 100
    /// At most this many bytes are read: a checkpoint with a few signatures is a few hundred.
    public static let maximumBytes = 1 << 20

    /// A note from its text and signatures.
    /// - Throws: `LogError.malformedNote` if the text is not a note text: empty, without a final newline, or
    ///   with a control character other than newline.
    public init(text: String, signatures: [NoteSignature]) throws {
        try SignedNote.checkCharacters(Array(text.utf8))
        guard text.hasSuffix("\n") else { throw LogError(.malformedNote, "the note text does not end in a newline") }
        self.text = text
        self.signatures = signatures
    }

    /// Parses a signed note (C2SP signed-note, "Format").
    /// - Throws: `LogError.malformedNote` naming what is wrong.
    public init(parsing message: some StringProtocol) throws {
        try self.init(parsing: Array(message.utf8))
    }

    /// Parses a signed note from its bytes, which must be UTF-8.
    /// - Throws: `LogError.malformedNote` naming what is wrong.
    public init(parsing bytes: [UInt8]) throws {
        guard bytes.count <= SignedNote.maximumBytes else {
            throw LogError(.malformedNote, "the note is larger than \(SignedNote.maximumBytes) bytes")
        }
        guard String(bytes: bytes, encoding: .utf8) != nil else {
            throw LogError(.malformedNote, "the note is not valid UTF-8")
        }
        try SignedNote.checkCharacters(bytes)
        // The text is separated from the signatures by the LAST blank line.
        guard let split = SignedNote.lastBlankLine(bytes) else {
            throw LogError(.malformedNote, "the note has no blank line before its signatures")
        }
        let block = bytes[(split + 2)...]
        guard block.last == 0x0A else {
            throw LogError(.malformedNote, "the note has no signature lines, or its last line lacks a newline")
        }
        let lines = block.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count <= SignedNote.maximumSignatures else {
            throw LogError(.malformedNote, "the note has more than \(SignedNote.maximumSignatures) signatures")
        }
        text = String(decoding: bytes[...split], as: UTF8.self)
        signatures = try lines.map { try NoteSignature(parsingLine: Substring(String(decoding: $0, as: UTF8.self))) }
    }

    private init(checkedText: String, signatures: [NoteSignature]) {
        text = checkedText
        self.signatures = signatures
    }

    /// The note as text: the note text, a blank line, the signature lines.
    public var serialized: String { text + "\n" + signatures.map(\.line).joined() }

    /// The same note with one more signature line (a witness's cosignature).
    public func adding(_ signature: NoteSignature) -> SignedNote {
        SignedNote(checkedText: text, signatures: signatures + [signature])
    }

    /// The index of the first newline of the last "\n\n".
    private static func lastBlankLine(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == 0x0A && bytes[index + 1] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    /// No control character other than newline (C2SP: "MUST NOT contain any ASCII control characters").
    private static func checkCharacters(_ bytes: [UInt8]) throws {
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x0A }) {
            throw LogError(.malformedNote, "the note contains a control character other than newline")
        }
    }
}
