import BekalLog
import Foundation
import GRDB

/// Appends leaves to the stored Merkle tree inside the caller's write transaction: each leaf, and every complete
/// subtree it closes, goes into the tile of its level. Tiles are kept in memory while they fill and written when
/// full or at `finish()`, so a bulk import writes about one row per 32 events and a single append two or three.
///
/// It refuses to start when the stored tree does not cover exactly the ledger's events: then something wrote
/// events (or tiles) without Bekal, and appending on top would hide it.
struct LogTreeWriter {
    /// Nodes per tile row.
    static let tileWidth: UInt64 = 64
    private static let hashSize = MerkleHash.byteCount

    private let db: Database
    /// Leaves in the tree so far.
    private(set) var size: UInt64
    /// The tile being filled at each level (index = level). Mutated in place: a copy per append would copy
    /// up to 2 KiB per level per event.
    private var tiles: [Tile?] = Array(repeating: nil, count: 64)

    private struct Tile {
        var index: UInt64
        var hashes: [UInt8]
        var dirty = false
    }

    /// A writer positioned after the tree's last leaf, which must be event number `eventCount`.
    /// - Throws: `StoreError.corrupted` when the stored tree has another number of leaves.
    init(_ db: Database, eventCount: Int64) throws {
        self.db = db
        size = try LogTreeReader.leafCount(db)
        guard size == UInt64(max(0, eventCount)) else {
            throw StoreError(.corrupted, "the log's tree covers \(size) events but the ledger holds \(eventCount): "
                + "the ledger was changed outside Bekal; `bekal ledger verify` names the events")
        }
    }

    /// Appends one leaf by its leaf hash.
    mutating func append(leafHash: MerkleHash) throws {
        var hash = leafHash
        var level = 0
        var index = size
        while true {
            try position(level: level, index: index)
            hash.withUnsafeBytes { tiles[level]!.hashes.append(contentsOf: $0) }
            tiles[level]!.dirty = true
            var parent: MerkleHash?
            if index & 1 == 1 {
                // A right child's left sibling is always in the same tile (tiles start at even indices).
                let offset = Int(index % Self.tileWidth - 1) * Self.hashSize
                let left = MerkleHash(tiles[level]!.hashes[offset..<(offset + Self.hashSize)])!
                parent = MerkleHashing.nodeHash(left, hash)
            }
            if UInt64(tiles[level]!.hashes.count / Self.hashSize) == Self.tileWidth {
                try write(level: level)
                tiles[level] = nil
            }
            guard let parent else { break }
            hash = parent
            level += 1
            index >>= 1
        }
        size += 1
    }

    /// Writes the tiles still in memory; call before the transaction commits.
    mutating func finish() throws {
        for level in tiles.indices where tiles[level]?.dirty == true { try write(level: level) }
        tiles = Array(repeating: nil, count: tiles.count)
    }

    /// Makes `tiles[level]` the tile holding node `index` of `level`, ending right before it.
    private mutating func position(level: Int, index: UInt64) throws {
        let tileIndex = index / Self.tileWidth
        if tiles[level]?.index == tileIndex { return }
        if tiles[level]?.dirty == true { try write(level: level) }
        var hashes: [UInt8] = []
        hashes.reserveCapacity(Int(Self.tileWidth) * Self.hashSize)
        if index % Self.tileWidth != 0 {
            let stored = try Data.fetchOne(
                db, sql: "SELECT hashes FROM ledger_tree_tile WHERE level = ? AND tile = ?",
                arguments: [level, Int64(tileIndex)]) ?? Data()
            guard stored.count == Int(index % Self.tileWidth) * Self.hashSize else {
                throw StoreError(.corrupted, "the log's tree is missing nodes at level \(level); `bekal ledger verify` names them")
            }
            hashes.append(contentsOf: stored)
        }
        tiles[level] = Tile(index: tileIndex, hashes: hashes)
    }

    private func write(level: Int) throws {
        guard let tile = tiles[level] else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO ledger_tree_tile (level, tile, hashes) VALUES (?, ?, ?)")
        try statement.execute(arguments: [level, Int64(tile.index), Data(tile.hashes)])
    }

    /// Builds the whole tree from the stored events (the migration of existing ledgers, and `rebuildLogTree`).
    /// - Returns: the number of leaves.
    @discardableResult
    static func build(_ db: Database) throws -> UInt64 {
        try db.execute(sql: "DELETE FROM ledger_tree_tile")
        var writer = try LogTreeWriter(db, eventCount: 0)
        try StoredEventReader.forEach(db) { event in
            try writer.append(leafHash: LogLeaf.leafHash(event.columns))
        }
        try writer.finish()
        return writer.size
    }
}
