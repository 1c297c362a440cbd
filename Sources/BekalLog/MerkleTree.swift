/// RFC 9162 §2.1 over a log of `size` leaves whose complete-subtree hashes `reader` serves: the root of any
/// prefix, inclusion proofs and consistency proofs. Each answer reads O(log n) node hashes in one call to the
/// reader and does O(log n) hashing.
public struct MerkleTree {
    /// Where the node hashes come from.
    public let reader: any MerkleHashReader
    /// The number of leaves the reader holds; every size below must not exceed it.
    public let size: UInt64

    /// A view of a log of `size` leaves.
    public init(reader: any MerkleHashReader, size: UInt64) {
        self.reader = reader
        self.size = size
    }

    /// MTH(D[0:n]), the root of the tree of the first `n` leaves (the empty-tree hash for 0).
    /// - Throws: `LogError.invalidArgument` when `n` exceeds the log's size; the reader's errors.
    public func root(size n: UInt64) throws -> MerkleHash {
        try check(n <= size, "the tree size \(n) exceeds the log's \(size) entries")
        guard n > 0 else { return MerkleHashing.emptyRoot }
        return try resolve([(UInt64(0), n)])[0]
    }

    /// MTH(D[start:end]) for a range as RFC 9162 splits trees: `start` a multiple of the largest power of two not
    /// above `end - start` (every left subtree, and every right part the recursion produces, is such a range).
    /// For walking down a tree to the first leaf that differs from another copy of it.
    /// - Throws: `LogError.invalidArgument` for an empty, out-of-tree or unaligned range.
    public func subtreeHash(from start: UInt64, to end: UInt64) throws -> MerkleHash {
        try check(start < end && end <= size, "the range \(start)..<\(end) is not inside the log's \(size) entries")
        let width = end - start
        let alignment = width.nonzeroBitCount == 1 ? width : MerkleHashing.split(width)
        try check(start % alignment == 0, "the range \(start)..<\(end) is not a subtree as RFC 9162 splits trees")
        return try resolve([(start, end)])[0]
    }

    /// PATH(index, D[0:n]) of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to the root.
    /// - Throws: `LogError.invalidArgument` unless index < n ≤ size.
    public func inclusionProof(index: UInt64, size n: UInt64) throws -> [MerkleHash] {
        try check(n <= size, "the tree size \(n) exceeds the log's \(size) entries")
        try check(index < n, "the leaf index \(index) is not inside a tree of size \(n)")
        var ranges: [(UInt64, UInt64)] = []
        var start: UInt64 = 0
        var end = n
        while end - start > 1 {
            let k = MerkleHashing.split(end - start)
            if index < start + k {
                ranges.append((start + k, end))
                end = start + k
            } else {
                ranges.append((start, start + k))
                start += k
            }
        }
        return try resolve(ranges.reversed())
    }

    /// PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: shows that the tree of size `m` is a prefix of the tree of size
    /// `n`. Empty when m = n.
    /// - Throws: `LogError.invalidArgument` unless 0 < m ≤ n ≤ size (a proof from the empty tree proves nothing).
    public func consistencyProof(from m: UInt64, to n: UInt64) throws -> [MerkleHash] {
        try check(n <= size, "the tree size \(n) exceeds the log's \(size) entries")
        try check(m <= n, "the older size \(m) exceeds the newer size \(n)")
        try check(m > 0, "a consistency proof from the empty tree proves nothing")
        guard m < n else { return [] }
        var ranges: [(UInt64, UInt64)] = []
        var start: UInt64 = 0
        var end = n
        var m = m
        var isWholeOldTree = true
        while true {
            if m == end - start {
                if !isWholeOldTree { ranges.append((start, end)) }
                break
            }
            let k = MerkleHashing.split(end - start)
            if m <= k {
                ranges.append((start + k, end))
                end = start + k
            } else {
                ranges.append((start, start + k))
                m -= k
                start += k
                isWholeOldTree = false
            }
        }
        return try resolve(ranges.reversed())
    }

    /// MTH of each range, with all the node hashes read in one call.
    private func resolve(_ ranges: some Sequence<(UInt64, UInt64)>) throws -> [MerkleHash] {
        let plans = ranges.map { MerkleNode.covering($0.0, $0.1) }
        var unique: [MerkleNode] = []
        var position: [MerkleNode: Int] = [:]
        for node in plans.joined() where position[node] == nil {
            position[node] = unique.count
            unique.append(node)
        }
        let hashes = try reader.hashes(of: unique)
        guard hashes.count == unique.count else {
            throw LogError(.invalidArgument, "the hash reader returned \(hashes.count) hashes for \(unique.count) nodes")
        }
        return plans.map { nodes in MerkleNode.fold(nodes.map { hashes[position[$0]!] }[...]) }
    }

    private func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw LogError(.invalidArgument, message()) }
    }
}
