import Crypto

/// A 32-byte SHA-256 value in the log's Merkle tree: a leaf hash, a node hash or a root. Held as four words
/// (no heap allocation), so that recomputing a tree of millions of leaves allocates nothing per hash.
public struct MerkleHash: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes as four words in memory order (not numbers: only their bytes mean anything).
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The number of bytes of a hash.
    public static let byteCount = 32

    /// A hash from exactly 32 bytes; `nil` for any other length.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == MerkleHash.byteCount else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { target in
            let copied: Void? = bytes.withContiguousStorageIfAvailable {
                target.copyMemory(from: UnsafeRawBufferPointer($0))
            }
            if copied == nil {
                for (offset, byte) in bytes.enumerated() { target[offset] = byte }
            }
        }
        self.words = words
    }

    /// A hash from 32 bytes in memory.
    init(rawBytes: UnsafeRawBufferPointer) {
        precondition(rawBytes.count == MerkleHash.byteCount)
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: rawBytes) }
        self.words = words
    }

    /// The value of a SHA-256 digest.
    public init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { MerkleHash(rawBytes: $0) }
    }

    /// Parses canonical standard base64 (RFC 4648 §4) of exactly 32 bytes, the form of a checkpoint's root line.
    /// - Throws: `LogError.malformedHash`.
    public init(base64: some StringProtocol) throws {
        var text = String(base64)
        self = try text.withUTF8 { try MerkleHash(base64UTF8: $0) }
    }

    /// Parses 64 lowercase hex digits.
    /// - Throws: `LogError.malformedHash`.
    public init(hex: some StringProtocol) throws {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { throw LogError(.malformedHash, "a hash is not 64 lowercase hex digits") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = MerkleHash.nibble(digits[pair]), let low = MerkleHash.nibble(digits[pair + 1]) else {
                throw LogError(.malformedHash, "a hash is not 64 lowercase hex digits")
            }
            bytes.append(high << 4 | low)
        }
        self = MerkleHash(bytes)!
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Calls `body` with the 32 bytes.
    public func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// The 32 bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Standard base64 with padding, as in checkpoints and proofs on the wire.
    public var base64: String { Base64Text.encode(bytes) }

    /// Lowercase hex.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        withUnsafeBytes { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    public static func == (lhs: MerkleHash, rhs: MerkleHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
            && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
