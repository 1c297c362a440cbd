extension MerkleHash {
    /// Parses canonical standard base64 (RFC 4648 §4) of exactly 32 bytes from its UTF-8 bytes: 43 characters of
    /// the alphabet and one `=`, the last character carrying 4 bits with its low 2 bits zero (any other spelling
    /// of the same bytes is refused, so each hash has exactly one text), without a `Data` or a re-encoding per
    /// hash: an export's ledger log holds thousands.
    /// - Throws: `LogError.malformedHash`.
    public init(base64UTF8 text: UnsafeBufferPointer<UInt8>) throws {
        func refuse() -> LogError { LogError(.malformedHash, "a hash is not canonical base64 of 32 bytes") }
        guard text.count == 44, text[43] == UInt8(ascii: "=") else { throw refuse() }
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        try withUnsafeMutableBytes(of: &bytes) { out in
            var accumulator: UInt32 = 0
            var bits = 0
            var written = 0
            for index in 0..<43 {
                guard let value = MerkleHash.base64Value(text[index]) else { throw refuse() }
                accumulator = accumulator << 6 | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    out[written] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                    written += 1
                    accumulator &= (1 << UInt32(bits)) - 1
                }
            }
            // 43 × 6 = 258 bits: 256 of them are the bytes; the 2 left over must be zero in canonical base64.
            guard written == 32, accumulator == 0 else { throw refuse() }
        }
        self = Swift.withUnsafeBytes(of: &bytes) { MerkleHash(rawBytes: $0) }
    }

    private static func base64Value(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    /// The hashes of a space-separated list of canonical base64 hashes (an inclusion proof's text); `""` is none.
    /// - Throws: `LogError.malformedHash` for an empty item, a malformed hash or more than `limit` hashes.
    public static func list(base64: String, limit: Int) throws -> [MerkleHash] {
        var text = base64
        return try text.withUTF8 { buffer in
            guard !buffer.isEmpty else { return [] }
            var hashes: [MerkleHash] = []
            var start = 0
            for index in 0...buffer.count where index == buffer.count || buffer[index] == UInt8(ascii: " ") {
                guard hashes.count < limit else { throw LogError(.malformedHash, "more than \(limit) hashes in a list") }
                hashes.append(try MerkleHash(base64UTF8: UnsafeBufferPointer(rebasing: buffer[start..<index])))
                start = index + 1
            }
            return hashes
        }
    }
}
