/// One signature line of a C2SP signed note: `— <key name> base64(key ID ‖ signature)`.
public struct NoteSignature: Sendable, Hashable {
    /// The key name (no spaces, no `+`).
    public var name: String
    /// The 32-bit key ID, the first four bytes of the signature field (big-endian).
    public var keyID: UInt32
    /// The signature bytes after the key ID (for Ed25519, 64 bytes; for a cosignature, 8 + 64).
    public var signature: [UInt8]

    /// A signature line's parts.
    public init(name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// The signature line, ending in a newline.
    public var line: String {
        var field = withUnsafeBytes(of: keyID.bigEndian) { Array($0) }
        field.append(contentsOf: signature)
        return "\u{2014} \(name) \(Base64Text.encode(field))\n"
    }

    /// Parses one signature line without its newline.
    /// - Throws: `LogError.malformedNote` naming what is wrong.
    init(parsingLine line: Substring) throws {
        guard line.hasPrefix("\u{2014} ") else {
            throw LogError(.malformedNote, "a signature line does not start with an em dash and a space")
        }
        let rest = line.dropFirst(2)
        guard let space = rest.firstIndex(of: " ") else {
            throw LogError(.malformedNote, "a signature line has no space between the key name and the signature")
        }
        let name = String(rest[..<space])
        try KeyName.check(name, error: .malformedNote)
        guard let field = Base64Text.decode(rest[rest.index(after: space)...]), field.count >= 5 else {
            throw LogError(.malformedNote, "a signature is not canonical base64 of a key ID and at least one byte")
        }
        self.name = name
        keyID = field.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
        signature = Array(field.dropFirst(4))
    }
}

/// Key names of C2SP signed-note: non-empty, no Unicode space, no plus sign.
enum KeyName {
    static func check(_ name: String, error code: LogError.Code) throws {
        guard !name.isEmpty else { throw LogError(code, "a key name is empty") }
        guard !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "+" }) else {
            throw LogError(code, "a key name contains a space or a plus sign")
        }
    }
}
