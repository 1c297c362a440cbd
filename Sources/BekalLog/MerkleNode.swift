/// A complete subtree of the log: the 2^level leaves from `index · 2^level`. Level 0 nodes are the leaves.
/// Complete subtrees never change once the log has grown past them, which is what lets a store keep their hashes.
public struct MerkleNode: Sendable, Hashable, CustomStringConvertible {
    /// The height above the leaves (0 for a leaf).
    public var level: Int
    /// The position among the nodes of this level, from 0.
    public var index: UInt64

    /// A node by level and index.
    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }

    /// The index of the first leaf under the node.
    public var firstLeaf: UInt64 { index << UInt64(level) }
    /// One past the last leaf under the node.
    public var endLeaf: UInt64 { (index + 1) << UInt64(level) }

    public var description: String { "node(\(level), \(index))" }

    /// The complete subtrees whose hashes make MTH(D[start:end]) as RFC 9162 §2.1.1 splits it, largest first.
    /// The range must be one that the RFC's recursion produces: `start` a multiple of the largest power of two
    /// not above `end - start`. MTH is then the right fold `node(n0, node(n1, … nk))` of their hashes.
    static func covering(_ start: UInt64, _ end: UInt64) -> [MerkleNode] {
        precondition(start < end)
        var nodes: [MerkleNode] = []
        var start = start
        while start < end {
            let size = end - start
            let width = size.nonzeroBitCount == 1 ? size : MerkleHashing.split(size)
            let level = width.trailingZeroBitCount
            precondition(start % width == 0, "range not aligned as RFC 9162 splits it")
            nodes.append(MerkleNode(level: level, index: start >> UInt64(level)))
            start += width
        }
        return nodes
    }

    /// The right fold of `covering`'s hashes into MTH of the range.
    static func fold(_ hashes: ArraySlice<MerkleHash>) -> MerkleHash {
        var result = hashes[hashes.endIndex - 1]
        for hash in hashes.dropLast().reversed() { result = MerkleHashing.nodeHash(hash, result) }
        return result
    }
}

/// Reads the hashes of complete subtrees of a log: the one thing the proof algorithms need from storage.
/// The ledger serves it from its stored subtree hashes (a handful of rows per call); `InMemoryMerkleTree`
/// serves it from arrays.
public protocol MerkleHashReader {
    /// The hashes of `nodes`, in the order asked. The caller asks only for nodes inside the tree it was given.
    /// - Throws: whatever the storage throws; a node outside the tree is an error too.
    func hashes(of nodes: [MerkleNode]) throws -> [MerkleHash]
}
