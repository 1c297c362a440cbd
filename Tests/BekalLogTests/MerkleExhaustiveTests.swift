import Testing

@testable import BekalLog

/// Every tree size from 1 to 300: every inclusion proof and every consistency proof BekalLog generates equals the
/// naive recursive recomputation of RFC 9162 §2.1 (`NaiveMerkle`, independent of the production code), verifies,
/// and stops verifying when corrupted.
@Suite("Proofs for every tree size up to 300 against a naive recomputation")
struct MerkleExhaustiveTests {
    static let maximumSize = 300

    static func entries() -> [[UInt8]] {
        (0..<maximumSize).map { i in [UInt8(i & 0xff), UInt8(i >> 8), 0x42] }
    }

    @Test("roots of every prefix equal MTH computed naively")
    func roots() throws {
        let naive = NaiveMerkle(entries: Self.entries())
        var tree = InMemoryMerkleTree()
        for entry in Self.entries() { tree.append(entry: entry) }
        for size in 0...Self.maximumSize {
            #expect(try tree.tree.root(size: UInt64(size)).bytes == naive.mth(0, size), "size \(size)")
        }
    }

    @Test("every leaf's inclusion proof in every tree of size 1 to 300 is PATH(m, D[n]) and verifies")
    func inclusion() throws {
        let naive = NaiveMerkle(entries: Self.entries())
        var memory = InMemoryMerkleTree()
        for entry in Self.entries() { memory.append(entry: entry) }
        let tree = memory.tree
        var checked = 0
        for n in 1...Self.maximumSize {
            let root = try hash(naive.mth(0, n))
            for m in 0..<n {
                let proof = try tree.inclusionProof(index: UInt64(m), size: UInt64(n))
                guard proof.map(\.bytes) == naive.path(m, 0, n) else {
                    Issue.record("inclusion proof of leaf \(m) in size \(n) differs from PATH")
                    return
                }
                let leaf = try hash(naive.leaves[m])
                let result = MerkleProof.verifyInclusion(
                    leafHash: leaf, index: UInt64(m), size: UInt64(n), proof: proof, root: root)
                guard result.isValid else {
                    Issue.record("inclusion proof of leaf \(m) in size \(n) does not verify: \(result)")
                    return
                }
                // The same proof must not prove another leaf, another position, or a corrupted path.
                if n > 1 {
                    let other = try hash(naive.leaves[(m + 1) % n])
                    #expect(!MerkleProof.verifyInclusion(
                        leafHash: other, index: UInt64(m), size: UInt64(n), proof: proof, root: root).isValid)
                    var corrupted = proof
                    let flip = (m * 7 + n) % corrupted.count
                    var bytes = corrupted[flip].bytes
                    bytes[(m + n) % 32] ^= 0x01
                    corrupted[flip] = try hash(bytes)
                    #expect(!MerkleProof.verifyInclusion(
                        leafHash: leaf, index: UInt64(m), size: UInt64(n), proof: corrupted, root: root).isValid)
                    #expect(!MerkleProof.verifyInclusion(
                        leafHash: leaf, index: UInt64(m), size: UInt64(n), proof: proof + [root], root: root).isValid)
                }
                checked += 1
            }
        }
        #expect(checked == Self.maximumSize * (Self.maximumSize + 1) / 2)
    }

    @Test("every consistency proof between sizes 1 ≤ m ≤ n ≤ 300 is PROOF(m, D[n]) and verifies")
    func consistency() throws {
        let naive = NaiveMerkle(entries: Self.entries())
        var memory = InMemoryMerkleTree()
        for entry in Self.entries() { memory.append(entry: entry) }
        let tree = memory.tree
        var checked = 0
        for n in 1...Self.maximumSize {
            let newRoot = try hash(naive.mth(0, n))
            for m in 1...n {
                let oldRoot = try hash(naive.mth(0, m))
                let proof = try tree.consistencyProof(from: UInt64(m), to: UInt64(n))
                let expected = m == n ? [] : naive.subproof(m, 0, n, true)
                guard proof.map(\.bytes) == expected else {
                    Issue.record("consistency proof \(m) → \(n) differs from PROOF")
                    return
                }
                let result = MerkleProof.verifyConsistency(
                    oldSize: UInt64(m), newSize: UInt64(n), oldRoot: oldRoot, newRoot: newRoot, proof: proof)
                guard result.isValid else {
                    Issue.record("consistency proof \(m) → \(n) does not verify: \(result)")
                    return
                }
                if m < n {
                    // Another old root (a rewritten history) or a corrupted proof must fail.
                    let otherOld = try hash(naive.mth(0, m - 1 == 0 ? 2 : m - 1))
                    #expect(!MerkleProof.verifyConsistency(
                        oldSize: UInt64(m), newSize: UInt64(n), oldRoot: otherOld, newRoot: newRoot, proof: proof).isValid)
                    var corrupted = proof
                    let flip = (m + n) % corrupted.count
                    var bytes = corrupted[flip].bytes
                    bytes[m % 32] ^= 0x80
                    corrupted[flip] = try hash(bytes)
                    #expect(!MerkleProof.verifyConsistency(
                        oldSize: UInt64(m), newSize: UInt64(n), oldRoot: oldRoot, newRoot: newRoot, proof: corrupted).isValid)
                    #expect(!MerkleProof.verifyConsistency(
                        oldSize: UInt64(m), newSize: UInt64(n), oldRoot: oldRoot, newRoot: newRoot,
                        proof: Array(proof.dropLast())).isValid)
                }
                checked += 1
            }
        }
        #expect(checked == Self.maximumSize * (Self.maximumSize + 1) / 2)
    }

    @Test("sizes outside the tree are refused with a specific error")
    func outOfRange() throws {
        var memory = InMemoryMerkleTree()
        for entry in Self.entries().prefix(5) { memory.append(entry: entry) }
        let tree = memory.tree
        #expect(throws: LogError(.invalidArgument, "")) { try tree.root(size: 6) }
        #expect(throws: LogError(.invalidArgument, "")) { try tree.inclusionProof(index: 5, size: 5) }
        #expect(throws: LogError(.invalidArgument, "")) { try tree.consistencyProof(from: 0, to: 5) }
        #expect(throws: LogError(.invalidArgument, "")) { try tree.consistencyProof(from: 4, to: 3) }
        #expect(try tree.consistencyProof(from: 5, to: 5).isEmpty)
    }
}
