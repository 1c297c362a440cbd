/// A log's tree held in arrays: every complete subtree's hash by level. For tests, for recomputing a ledger's
/// tree from its events during verification, and for anything small.
public struct InMemoryMerkleTree: MerkleHashReader, Sendable {
    /// `levels[l][i]` is the hash of `MerkleNode(level: l, index: i)`; level 0 holds the leaf hashes.
    private var levels: [[MerkleHash]] = [[]]

    /// An empty tree.
    public init() {}

    /// The number of leaves.
    public var size: UInt64 { UInt64(levels[0].count) }

    /// Appends a leaf by its leaf hash and the complete subtrees it closes.
    public mutating func append(leafHash: MerkleHash) {
        levels[0].append(leafHash)
        var level = 0
        var index = levels[0].count - 1
        while index & 1 == 1 {
            let parent = MerkleHashing.nodeHash(levels[level][index - 1], levels[level][index])
            level += 1
            if levels.count == level { levels.append([]) }
            levels[level].append(parent)
            index >>= 1
        }
    }

    /// Appends a leaf by its entry bytes (hashed as RFC 9162 says).
    public mutating func append(entry: some Sequence<UInt8>) {
        append(leafHash: MerkleHashing.leafHash(entry))
    }

    /// The hash of a complete subtree, or `nil` when the tree does not hold it (yet).
    public func hash(of node: MerkleNode) -> MerkleHash? {
        guard node.level < levels.count, node.index < UInt64(levels[node.level].count) else { return nil }
        return levels[node.level][Int(node.index)]
    }

    /// The hashes of complete subtrees, in the order asked.
    /// - Throws: `LogError.invalidArgument` when a node is not a complete subtree of the tree yet.
    public func hashes(of nodes: [MerkleNode]) throws -> [MerkleHash] {
        try nodes.map { node in
            guard let hash = hash(of: node) else {
                throw LogError(.invalidArgument, "\(node) is not a complete subtree of a tree of size \(size)")
            }
            return hash
        }
    }

    /// The proofs and roots of this tree.
    public var tree: MerkleTree { MerkleTree(reader: self, size: size) }
}
