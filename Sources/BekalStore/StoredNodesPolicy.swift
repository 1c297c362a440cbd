import BekalLog
import Foundation
import GRDB

/// Every interior node of the stored tree (level 1 up) is the hash the recomputed leaves give it, and each level
/// holds exactly its complete subtrees: no tile row missing, cut short, edited or extra. Run by
/// `Ledger.verifyIntegrity()` once `StoredTreePolicy` found every leaf in step (an edited leaf changes the nodes
/// above it anyway); a missing or edited node is what makes appends, checkpoints and proofs refuse to run.
struct StoredNodesPolicy: AuditPolicy {
    func check(_ context: AuditContext) throws -> [AuditFailure] {
        let size = context.eventCount
        let rows = try Row.fetchCursor(context.db, sql: """
            SELECT level, tile, hashes FROM ledger_tree_tile WHERE level > 0 ORDER BY level, tile
            """)
        // The next node index each level's rows must start at: a row that starts elsewhere leaves a gap.
        var next: [Int: UInt64] = [:]
        var first: MerkleNode?
        while first == nil, let row = try rows.next() {
            let level: Int = row["level"]
            let tile: Int64 = row["tile"]
            let hashes: Data = row["hashes"]
            let width = MerkleHash.byteCount
            // Rows no append writes (a level or tile index out of range, a length that is not whole hashes).
            guard (1..<64).contains(level), (0..<(1 << 48)).contains(tile), hashes.count % width == 0 else {
                first = MerkleNode(level: max(1, min(level, 63)), index: 0)
                break
            }
            let begin = UInt64(tile) * LogTreeWriter.tileWidth
            guard begin == next[level, default: 0] else {
                first = MerkleNode(level: level, index: next[level, default: 0])
                break
            }
            for position in 0..<(hashes.count / width) {
                let node = MerkleNode(level: level, index: begin + UInt64(position))
                let offset = hashes.startIndex + position * width
                let stored = MerkleHash(hashes[offset..<(offset + width)])
                if stored == nil || stored != context.recomputed.hash(of: node) {
                    first = node
                    break
                }
            }
            next[level] = begin + UInt64(hashes.count / width)
        }
        if first == nil {
            // A level that ends before its last complete subtree: its last row missing or cut short.
            for level in 1..<64 where next[level, default: 0] != size >> UInt64(level) {
                first = MerkleNode(level: level, index: min(next[level, default: 0], size >> UInt64(level)))
                break
            }
        }
        guard let first else { return [] }
        var message = "the stored tree's node at level \(first.level), index \(first.index) is missing or differs "
            + "from the hash of the events below it: the tree was written outside Bekal"
        var events: ClosedRange<Int64>?
        if first.firstLeaf < size {
            let range = AuditContext.events(first.firstLeaf, min(first.endLeaf, size) - 1)
            events = range
            message += " (above \(AuditContext.describe(range)))"
        }
        return [AuditFailure(reason: .writtenOutsideBekal, events: events, message: "StoredNodesPolicy: \(message)")]
    }
}
