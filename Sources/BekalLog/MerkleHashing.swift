import Crypto

/// The hashing of RFC 9162 §2.1.1 (the same as RFC 6962 §2.1): domain-separated SHA-256 so that a leaf can never
/// be passed off as an interior node or the other way round.
public enum MerkleHashing {
    /// The root of the empty tree: SHA-256 of no bytes.
    public static let emptyRoot = MerkleHash(SHA256.hash(data: [UInt8]()))

    /// The hash of a leaf: SHA-256(0x00 ‖ entry).
    public static func leafHash(_ entry: some Sequence<UInt8>) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(entry))
        return MerkleHash(hasher.finalize())
    }

    /// The hash of a leaf whose entry is a 32-byte value (Bekal's ledger leaves): one 33-byte input on the stack.
    public static func leafHash(entry: MerkleHash) -> MerkleHash {
        withUnsafeTemporaryAllocation(byteCount: 33, alignment: 8) { buffer in
            buffer[0] = 0x00
            entry.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[1...]).copyMemory(from: $0) }
            return digest(UnsafeRawBufferPointer(buffer))
        }
    }

    /// The hash of an interior node: SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { buffer in
            buffer[0] = 0x01
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[33..<65]).copyMemory(from: $0) }
            return digest(UnsafeRawBufferPointer(buffer))
        }
    }

    private static func digest(_ bytes: UnsafeRawBufferPointer) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return MerkleHash(hasher.finalize())
    }

    /// The largest power of two strictly less than `n` (n ≥ 2): where RFC 9162 splits a tree of n leaves.
    public static func split(_ n: UInt64) -> UInt64 {
        precondition(n >= 2)
        return 1 << (63 - (n - 1).leadingZeroBitCount)
    }
}
