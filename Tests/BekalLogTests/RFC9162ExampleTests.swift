import Crypto
import Foundation
import Testing

@testable import BekalLog

/// RFC 9162 §2.1.5, "Example": the tree of seven leaves d0 … d6 and its named nodes,
///
///                 hash
///                /    \
///               k      l
///              / \    / \
///             g   h  i   j
///            / \ / \ / \ |
///            a b c d e f d6
///            | | | | | |
///           d0 d1 d2 d3 d4 d5
///
/// computed here by hand with SHA-256 (leaf: 0x00 ‖ d, node: 0x01 ‖ left ‖ right), and the inclusion and
/// consistency proofs the RFC lists, from BekalLog's tree and checked by its verifier.
@Suite("RFC 9162 §2.1.5 worked examples")
struct RFC9162ExampleTests {
    static let data: [[UInt8]] = (0..<7).map { Array("d\($0)".utf8) }

    static func leaf(_ d: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: [0x00] + d)) }
    static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: [0x01] + left + right)) }

    /// The RFC's named nodes.
    struct Named {
        typealias T = RFC9162ExampleTests
        let a = T.leaf(T.data[0]), b = T.leaf(T.data[1]), c = T.leaf(T.data[2]), d = T.leaf(T.data[3])
        let e = T.leaf(T.data[4]), f = T.leaf(T.data[5]), j = T.leaf(T.data[6])
        var g: [UInt8] { T.node(a, b) }
        var h: [UInt8] { T.node(c, d) }
        var i: [UInt8] { T.node(e, f) }
        var k: [UInt8] { T.node(g, h) }
        var l: [UInt8] { T.node(i, j) }
        var root: [UInt8] { T.node(k, l) }
    }

    static func tree() -> InMemoryMerkleTree {
        var tree = InMemoryMerkleTree()
        for d in data { tree.append(entry: d) }
        return tree
    }

    func hashes(_ nodes: [[UInt8]]) throws -> [MerkleHash] { try nodes.map { try hash($0) } }

    @Test("the root of the seven leaves is node(k, l); hash0, hash1 and hash2 are the roots of sizes 3, 4 and 6")
    func roots() throws {
        let n = Named()
        let tree = Self.tree().tree
        #expect(try tree.root(size: 7) == hash(n.root))
        #expect(try tree.root(size: 3) == hash(Self.node(n.g, n.c)))  // hash0
        #expect(try tree.root(size: 4) == hash(n.k))  // hash1
        #expect(try tree.root(size: 6) == hash(Self.node(n.k, n.i)))  // hash2
    }

    @Test("inclusion proofs: a is [b, h, l]; d is [c, g, l]; e is [f, j, k]; each verifies against the root")
    func inclusion() throws {
        let n = Named()
        let tree = Self.tree().tree
        let root = try hash(n.root)
        for (index, leafHash, expected) in [(0, n.a, [n.b, n.h, n.l]), (3, n.d, [n.c, n.g, n.l]), (4, n.e, [n.f, n.j, n.k])]
            as [(UInt64, [UInt8], [[UInt8]])]
        {
            let proof = try tree.inclusionProof(index: index, size: 7)
            let want = try hashes(expected)
            #expect(proof == want, "leaf \(index)")
            #expect(MerkleProof.verifyInclusion(
                leafHash: try hash(leafHash), index: index, size: 7, proof: proof, root: root).isValid, "leaf \(index)")
        }
    }

    @Test("consistency proofs to the tree of 7: from 3 is [c, d, g, l]; from 4 is [l]; from 6 is [i, j, k]; each verifies")
    func consistency() throws {
        let n = Named()
        let tree = Self.tree().tree
        let newRoot = try hash(n.root)
        let cases: [(UInt64, [UInt8], [[UInt8]])] = [
            (3, Self.node(n.g, n.c), [n.c, n.d, n.g, n.l]),
            (4, n.k, [n.l]),
            (6, Self.node(n.k, n.i), [n.i, n.j, n.k]),
        ]
        for (size, oldRoot, expected) in cases {
            let proof = try tree.consistencyProof(from: size, to: 7)
            let want = try hashes(expected)
            #expect(proof == want, "from \(size)")
            #expect(MerkleProof.verifyConsistency(
                oldSize: size, newSize: 7, oldRoot: try hash(oldRoot), newRoot: newRoot, proof: proof).isValid,
                "from \(size)")
        }
    }
}
