import BekalLog
import Crypto

/// What a ledger event is in the Merkle log: its leaf.
///
/// **The leaf entry** (RFC 9162's "entry", the bytes a leaf hash covers) of an event is 32 bytes: the SHA-256 of
/// the same length-prefixed column encoding as `EventDigest` (sequence, event id, type, person id, payload,
/// actor, facility code, recorded at, natural key), WITHOUT `prev_hash`. The leaf hash is then
/// SHA-256(0x00 ‖ entry), as for any RFC 9162 leaf.
///
/// Why not the whole row, or the chained digest:
/// - The tree, not the linear chain, is what outsiders check. A leaf that does not depend on `prev_hash` lets
///   the chain be stored differently or dropped later (issue 17's schema rewrite) without changing a single leaf,
///   root or checkpoint a witness already holds; and an edited event shows as exactly one changed leaf, even
///   when the chain after it was recomputed.
/// - A fixed 32-byte entry lets an inclusion proof travel (in an export) without the event's content: whoever
///   holds the event recomputes the entry, nobody else learns it.
/// - The encoding covers every stored column a reader relies on, including `sequence` (a leaf is bound to its
///   position) and `actor` (so an append is attributable).
///
/// This definition is frozen: changing it changes every root, so every checkpoint outsiders hold would stop
/// matching. The `v5-log-tree` migration computes existing ledgers' leaves with it.
enum LogLeaf {
    /// The leaf entry of an event from its stored columns (`previousHash` is not read).
    static func entry(_ columns: EventDigest.Columns) -> MerkleHash {
        MerkleHash(SHA256.hash(data: EventDigest.contentInput(columns).bytes))
    }

    /// The leaf hash of an event from its stored columns.
    static func leafHash(_ columns: EventDigest.Columns) -> MerkleHash {
        MerkleHashing.leafHash(entry: entry(columns))
    }
}

extension EventDigest.Input {
    /// The size of the `prev_hash` field that ends the chain digest's input: an 8-byte length and 64 hex digits.
    static let previousHashField = 8 + 64

    /// Both digests of an event from ONE pass over its encoding, for the bulk append: writes the chain hash (hex)
    /// into `hex` and returns the leaf entry. The input must end with the 64-digit `prev_hash` field; the leaf
    /// entry is the digest of everything before it, taken from a copy of the hasher's state.
    func digests(into hex: inout [UInt8]) -> MerkleHash {
        precondition(bytes.count >= Self.previousHashField)
        let split = bytes.count - Self.previousHashField
        var hasher = SHA256()
        let leaf: SHA256.Digest = bytes.withUnsafeBytes { raw in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[..<split]))
            let leaf = hasher.finalize()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[split...]))
            return leaf
        }
        hex.removeAll(keepingCapacity: true)
        hasher.finalize().withUnsafeBytes { EventDigest.appendHex($0, to: &hex) }
        return MerkleHash(leaf)
    }
}
