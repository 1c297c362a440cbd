/// Lowercase hexadecimal: the one encoder for digests, seeds and salts across Bekal's modules.
///
/// It lives in BekalJSON because that is the lowest module every user shares (JSON error messages name bytes in
/// hex too). BekalLog keeps its own two lines for `MerkleHash.hex` on purpose: it is a standalone C2SP/RFC 9162
/// library (a witness can use it without the rest of Bekal) and depends on nothing but swift-crypto.
public enum Hex {
    /// The bytes as lowercase hex text, two digits per byte.
    @inlinable
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the lowercase hex digits of `bytes` to `out`, for hot paths that build UTF-8 byte buffers
    /// (the import hashes every row into a reused buffer without making a `String`). Inlinable so that callers
    /// in other modules get it specialized: unspecialized, the per-byte generic iteration was ≈ 9% of an import.
    @inlinable
    public static func append(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        if bytes.withContiguousStorageIfAvailable({ appendContiguous($0, to: &out) }) != nil { return }
        for byte in bytes {
            out.append(digit(byte >> 4))
            out.append(digit(byte & 0x0f))
        }
    }

    /// Appends the hex of contiguous bytes, writing the digits into space grown once.
    @usableFromInline
    static func appendContiguous(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bytes.count * 2))
        out.withUnsafeMutableBufferPointer { buffer in
            var index = start
            for byte in bytes {
                buffer[index] = digit(byte >> 4)
                buffer[index + 1] = digit(byte & 0x0f)
                index += 2
            }
        }
    }

    /// The lowercase digit of a value from 0 to 15.
    @inlinable
    static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") - 10 + value
    }

    /// The bytes of hex text (either case), or nil when the text has an odd length or a non-hex character.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let high = value(chars[index]), let low = value(chars[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
