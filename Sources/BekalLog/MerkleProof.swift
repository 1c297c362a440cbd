/// Verification of RFC 9162 proofs, for anyone who holds a root: a witness, a parole officer's verifier, a test.
/// It needs no access to the log.
public enum MerkleProof {
    /// RFC 9162 §2.1.3.2: does `proof` show the leaf with `leafHash` at `index` in the tree of `size` with `root`?
    public static func verifyInclusion(
        leafHash: MerkleHash, index: UInt64, size: UInt64, proof: [MerkleHash], root: MerkleHash
    ) -> ProofVerification {
        guard index < size else {
            return failure(.impossibleSizes, "leaf index \(index) is not inside a tree of size \(size)")
        }
        // The path length is fixed by index and size: refusing any other length up front refuses padded proofs.
        guard proof.count == inclusionLength(index: index, size: size) else {
            return failure(.wrongLength, "an inclusion proof for leaf \(index) of \(size) has "
                + "\(inclusionLength(index: index, size: size)) hashes, not \(proof.count)")
        }
        var fn = index
        var sn = size - 1
        var result = leafHash
        for hash in proof {
            if sn == 0 { return failure(.wrongLength, "the inclusion proof is longer than the path") }
            if fn & 1 == 1 || fn == sn {
                result = MerkleHashing.nodeHash(hash, result)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                result = MerkleHashing.nodeHash(result, hash)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0, result == root else {
            return failure(.rootMismatch, "the inclusion proof for leaf \(index) does not lead to the root of size \(size)")
        }
        return .valid
    }

    /// RFC 9162 §2.1.4.2: does `proof` show that the tree of `oldSize` with `oldRoot` is a prefix of the tree of
    /// `newSize` with `newRoot`? Equal sizes need an empty proof and equal roots (and for size 0, the empty-tree
    /// root); a proof from the empty tree to a larger one proves nothing and is refused.
    public static func verifyConsistency(
        oldSize: UInt64, newSize: UInt64, oldRoot: MerkleHash, newRoot: MerkleHash, proof: [MerkleHash]
    ) -> ProofVerification {
        guard oldSize <= newSize else {
            return failure(.impossibleSizes, "the older size \(oldSize) exceeds the newer size \(newSize)")
        }
        if oldSize == newSize {
            guard proof.isEmpty else {
                return failure(.wrongLength, "a consistency proof between equal sizes is empty, not \(proof.count) hashes")
            }
            guard oldRoot == newRoot, oldSize > 0 || oldRoot == MerkleHashing.emptyRoot else {
                return failure(.rootMismatch, "two trees of size \(oldSize) have different roots")
            }
            return .valid
        }
        guard oldSize > 0 else {
            return failure(.impossibleSizes, "a consistency proof from the empty tree proves nothing")
        }
        guard proof.count == consistencyLength(oldSize: oldSize, newSize: newSize) else {
            return failure(.wrongLength, "a consistency proof from \(oldSize) to \(newSize) has "
                + "\(consistencyLength(oldSize: oldSize, newSize: newSize)) hashes, not \(proof.count)")
        }
        var path = proof
        // When the old tree is a complete subtree, its root is the proof's implicit first element.
        if oldSize.nonzeroBitCount == 1 { path.insert(oldRoot, at: 0) }
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldResult = path[0]
        var newResult = oldResult
        for hash in path.dropFirst() {
            if sn == 0 { return failure(.wrongLength, "the consistency proof is longer than the path") }
            if fn & 1 == 1 || fn == sn {
                oldResult = MerkleHashing.nodeHash(hash, oldResult)
                newResult = MerkleHashing.nodeHash(hash, newResult)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newResult = MerkleHashing.nodeHash(newResult, hash)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0, oldResult == oldRoot, newResult == newRoot else {
            return failure(.rootMismatch,
                           "the consistency proof does not lead from the root of size \(oldSize) to that of \(newSize)")
        }
        return .valid
    }

    /// The number of hashes in an inclusion proof: one per split on the way from the root down to the leaf.
    static func inclusionLength(index: UInt64, size: UInt64) -> Int {
        var length = 0
        var start: UInt64 = 0
        var end = size
        while end - start > 1 {
            let k = MerkleHashing.split(end - start)
            if index < start + k { end = start + k } else { start += k }
            length += 1
        }
        return length
    }

    /// The number of hashes in a consistency proof from `oldSize` to `newSize` (0 < old < new).
    static func consistencyLength(oldSize: UInt64, newSize: UInt64) -> Int {
        var length = 0
        var start: UInt64 = 0
        var end = newSize
        var m = oldSize
        var isWholeOldTree = true
        while m != end - start {
            let k = MerkleHashing.split(end - start)
            if m <= k {
                end = start + k
            } else {
                m -= k
                start += k
                isWholeOldTree = false
            }
            length += 1
        }
        return isWholeOldTree ? length : length + 1
    }

    private static func failure(_ reason: ProofFailure.Reason, _ message: String) -> ProofVerification {
        .invalid(ProofFailure(reason: reason, message: "MerkleProof: \(message)"))
    }
}
