import Crypto
import Foundation
import Testing

@testable import BekalLog

/// The transparency-dev/merkle test data (the vectors Go's Trillian and sumdb are checked against), copied into
/// Fixtures/merkle: roots of sizes 0–8, every inclusion and consistency case, valid ones pass, corrupted ones fail.
@Suite("RFC 9162 hashing and proofs against the transparency-dev vectors")
struct MerkleVectorTests {
    /// The leaf inputs the vectors' trees are built from (Fixtures/merkle/README.md).
    static let entries: [[UInt8]] = [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ]
    /// The roots of the trees of size 0 … 8 (Fixtures/merkle/README.md).
    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    static func tree() -> InMemoryMerkleTree {
        var tree = InMemoryMerkleTree()
        for entry in entries { tree.append(entry: entry) }
        return tree
    }

    struct InclusionCase: Decodable {
        var leafIdx: UInt64
        var treeSize: UInt64
        var root: String
        var leafHash: String
        /// `null` in a few files: no proof.
        var proof: [String]?
        var desc: String
        var wantErr: Bool
    }

    struct ConsistencyCase: Decodable {
        var size1: UInt64
        var size2: UInt64
        var root1: String
        var root2: String
        /// `null` in a few files: no proof.
        var proof: [String]?
        var desc: String
        var wantErr: Bool
    }

    static func bytes(_ base64: String) throws -> [UInt8] {
        Array(try #require(Data(base64Encoded: base64), "not base64: \(base64)"))
    }

    /// A value that is not 32 bytes cannot be a `MerkleHash`: such a leaf hash or proof element is refused before
    /// any hashing (Go's verifier refuses a wrong-sized leaf hash, and a wrong-sized proof element never matches).
    static func exact(_ base64: String) throws -> MerkleHash? { MerkleHash(try bytes(base64)) }

    /// The "additional" consistency cases use short placeholder roots ("don't care 1") and only test equality, so
    /// a root that is not 32 bytes stands for the SHA-256 of its bytes: equal placeholders stay equal, different
    /// ones stay different, and none equals a real root.
    static func root(_ base64: String) throws -> MerkleHash {
        let value = try bytes(base64)
        return MerkleHash(value) ?? MerkleHash(SHA256.hash(data: value))
    }

    @Test("the roots of the trees of size 0 to 8 are the vectors'")
    func roots() throws {
        let tree = Self.tree()
        for size in 0...8 {
            #expect(try tree.tree.root(size: UInt64(size)).hex == Self.roots[size], "size \(size)")
        }
        #expect(MerkleHashing.emptyRoot.hex == Self.roots[0])
    }

    @Test("every inclusion vector: the happy paths verify, every corrupted case is refused")
    func inclusionVectors() throws {
        let files = try Fixture.files(under: "merkle/inclusion")
        #expect(files.count >= 90)
        var happy = 0
        for file in files {
            let vector = try JSONDecoder().decode(InclusionCase.self, from: Data(contentsOf: file))
            let name = file.pathComponents.suffix(2).joined(separator: "/")
            guard let leaf = try Self.exact(vector.leafHash), let root = try Self.exact(vector.root),
                case let proof = try (vector.proof ?? []).map(Self.exact), !proof.contains(nil)
            else {
                #expect(vector.wantErr, "\(name): a case with a malformed hash must be an error case")
                continue
            }
            let result = MerkleProof.verifyInclusion(
                leafHash: leaf, index: vector.leafIdx, size: vector.treeSize, proof: proof.compactMap { $0 }, root: root)
            #expect(result.isValid == !vector.wantErr, "\(name): \(vector.desc) gave \(result)")
            if !vector.wantErr { happy += 1 }
        }
        #expect(happy == 6)
    }

    @Test("every consistency vector: the happy paths verify, every corrupted case is refused")
    func consistencyVectors() throws {
        let files = try Fixture.files(under: "merkle/consistency")
        #expect(files.count >= 90)
        var happy = 0
        for file in files {
            let vector = try JSONDecoder().decode(ConsistencyCase.self, from: Data(contentsOf: file))
            let name = file.pathComponents.suffix(2).joined(separator: "/")
            let proof = try (vector.proof ?? []).map(Self.exact)
            guard !proof.contains(nil) else {
                #expect(vector.wantErr, "\(name): a case with a malformed proof hash must be an error case")
                continue
            }
            let result = MerkleProof.verifyConsistency(
                oldSize: vector.size1, newSize: vector.size2, oldRoot: try Self.root(vector.root1),
                newRoot: try Self.root(vector.root2), proof: proof.compactMap { $0 })
            #expect(result.isValid == !vector.wantErr, "\(name): \(vector.desc) gave \(result)")
            if !vector.wantErr { happy += 1 }
        }
        #expect(happy == 6)
    }

    @Test("the proofs BekalLog generates for the vectors' happy paths are the vectors' proofs")
    func generatedProofsMatch() throws {
        let tree = Self.tree().tree
        var checked = 0
        for file in try Fixture.files(under: "merkle/inclusion") where file.lastPathComponent == "happy-path.json" {
            let vector = try JSONDecoder().decode(InclusionCase.self, from: Data(contentsOf: file))
            guard try Self.root(vector.root) == (try tree.root(size: vector.treeSize)) else { continue }
            let proof = try tree.inclusionProof(index: vector.leafIdx, size: vector.treeSize)
            #expect(proof.map(\.base64) == (vector.proof ?? []), "\(file.path)")
            checked += 1
        }
        for file in try Fixture.files(under: "merkle/consistency") where file.lastPathComponent == "happy-path.json" {
            let vector = try JSONDecoder().decode(ConsistencyCase.self, from: Data(contentsOf: file))
            let proof = try tree.consistencyProof(from: vector.size1, to: vector.size2)
            #expect(proof.map(\.base64) == (vector.proof ?? []), "\(file.path)")
            checked += 1
        }
        #expect(checked == 10)
    }

    @Test("leaf and node hashing are domain-separated SHA-256 as RFC 9162 §2.1.1 says")
    func hashing() throws {
        let entry: [UInt8] = [1, 2, 3]
        #expect(MerkleHashing.leafHash(entry).bytes == Array(SHA256.hash(data: [0x00] + entry)))
        let left = MerkleHashing.leafHash([1]), right = MerkleHashing.leafHash([2])
        #expect(MerkleHashing.nodeHash(left, right).bytes == Array(SHA256.hash(data: [0x01] + left.bytes + right.bytes)))
        let digest = try hash(Array(SHA256.hash(data: entry)))
        #expect(MerkleHashing.leafHash(entry: digest) == MerkleHashing.leafHash(digest.bytes))
    }

    @Test("a hash parses only from canonical base64 or lowercase hex of exactly 32 bytes")
    func hashParsing() throws {
        let value = MerkleHashing.leafHash([7])
        #expect(try MerkleHash(base64: value.base64) == value)
        #expect(try MerkleHash(hex: value.hex) == value)
        #expect(throws: LogError(.malformedHash, "")) { try MerkleHash(base64: "ZG9uJ3QgY2FyZSAx") }
        #expect(throws: LogError(.malformedHash, "")) { try MerkleHash(base64: String(value.base64.dropLast())) }
        #expect(throws: LogError(.malformedHash, "")) { try MerkleHash(hex: value.hex.uppercased()) }
        // The last character of a 32-byte value carries 2 padding bits; a non-zero one is another spelling.
        var text = Array(value.base64)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let position = try #require(alphabet.firstIndex(of: text[42]))
        text[42] = alphabet[position ^ 1]
        #expect(throws: LogError(.malformedHash, "")) { try MerkleHash(base64: String(text)) }
    }
}
