import BekalLog
import Foundation
import GRDB

/// Serves the stored node hashes to the proof algorithms of BekalLog: one tile row per level asked for.
///
/// The tiles read are kept for the reader's life, which is one read of the database (a reader is made inside a
/// `read` or a transaction and used before anything is written): an export proves a hundred events, whose proofs
/// share most of their upper nodes, and reading each tile again for every proof was most of a facility export.
struct LogTreeReader: MerkleHashReader {
    let db: Database
    private let cache = TileCache()

    init(db: Database) { self.db = db }

    /// Tiles by (level, tile index); a class so that the non-mutating `hashes(of:)` can fill it.
    private final class TileCache {
        var tiles: [MerkleNode: Data] = [:]
    }

    func hashes(of nodes: [MerkleNode]) throws -> [MerkleHash] {
        return try nodes.map { node in
            let key = MerkleNode(level: node.level, index: node.index / LogTreeWriter.tileWidth)
            let tile: Data
            if let cached = cache.tiles[key] {
                tile = cached
            } else {
                tile = try Data.fetchOne(
                    db, sql: "SELECT hashes FROM ledger_tree_tile WHERE level = ? AND tile = ?",
                    arguments: [key.level, Int64(key.index)]) ?? Data()
                // Bounded: an audit walks every tile of a large log once.
                if cache.tiles.count >= 4_096 { cache.tiles.removeAll(keepingCapacity: true) }
                cache.tiles[key] = tile
            }
            let offset = Int(node.index % LogTreeWriter.tileWidth) * MerkleHash.byteCount
            guard tile.count >= offset + MerkleHash.byteCount,
                let hash = MerkleHash(tile[(tile.startIndex + offset)..<(tile.startIndex + offset + MerkleHash.byteCount)])
            else {
                throw StoreError(.corrupted, "the log's tree lacks \(node); `bekal ledger verify` names it")
            }
            return hash
        }
    }

    /// The number of leaves in the stored tree: the level-0 tiles' total.
    static func leafCount(_ db: Database) throws -> UInt64 {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT tile, length(hashes) AS bytes FROM ledger_tree_tile WHERE level = 0 ORDER BY tile DESC LIMIT 1
            """)
        else { return 0 }
        let tile: Int64 = row["tile"]
        let bytes: Int64 = row["bytes"]
        return UInt64(tile) * LogTreeWriter.tileWidth + UInt64(bytes) / UInt64(MerkleHash.byteCount)
    }

    /// The stored tree as BekalLog's `MerkleTree`, of the given size.
    func tree(size: UInt64) -> MerkleTree { MerkleTree(reader: self, size: size) }
}
