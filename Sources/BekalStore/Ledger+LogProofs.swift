import BekalDomain
import BekalLog
import Foundation
import GRDB

/// Log reads that must see one state of the ledger: an export's checkpoint with the inclusion proofs of its
/// events, and a report's tree head with the consistency proof from the previous report's.
extension Ledger {
    /// The tree head of the first `treeSize` events (the whole ledger when `nil`) and, for each of `sequences`,
    /// its leaf entry (recomputed from the stored columns, as `leafEntry(sequence:)`) and its inclusion proof in
    /// that tree, in one read transaction: what an export carries. The caller checks each proof against the head
    /// before using it: an event edited outside Bekal has an entry whose proof leads elsewhere.
    /// - Throws: `StoreError.corrupted` when the stored tree does not cover exactly the events;
    ///   `.invalidInput` for a tree size above the event count; `.notFound` for a sequence outside the tree.
    public func inclusionProofs(sequences: [Int64], treeSize: Int64? = nil) throws
        -> (head: TreeHead, events: [(sequence: Int64, entry: MerkleHash, proof: [MerkleHash])])
    {
        try read { db in
            let count = try Ledger.logSize(db)
            guard let size = treeSize.map(UInt64.init(clamping:)) ?? Optional(count), size <= count else {
                throw StoreError(.invalidInput, "the tree size is above the \(count) events recorded")
            }
            let tree = LogTreeReader(db: db).tree(size: count)
            let head = TreeHead(size: size, root: try tree.root(size: size))
            let statement = try db.cachedStatement(
                sql: "SELECT \(StoredEventReader.columns) FROM ledger_event WHERE sequence = ?")
            let events = try sequences.map { sequence in
                guard sequence >= 1, UInt64(sequence) <= size,
                    let row = try Row.fetchOne(statement, arguments: [sequence])
                else { throw StoreError(.notFound, "no event \(sequence) in the log") }
                return (sequence, LogLeaf.entry(StoredEventReader.event(row).columns),
                        try tree.inclusionProof(index: UInt64(sequence - 1), size: size))
            }
            return (head, events)
        }
    }

    /// The tree head and, when `earlier` is a size from 1 to it, the consistency proof from that size, in one
    /// read transaction: what a checkpoint bundle for a witness carries.
    /// - Throws: `StoreError.corrupted` when the stored tree does not cover exactly the events.
    public func logState(provingFrom earlier: Int64?) throws -> LogTreeState {
        try read { db in try Ledger.logState(from: earlier, db) }
    }

    /// The log inside a report's transaction: the tree head and, when `from` is a size between 1 and it, the
    /// consistency proof from that size (a larger `from` cannot be proven: the ledger holds fewer events than an
    /// earlier report signed, which the receiver sees as a rollback).
    static func logState(from earlier: Int64?, _ db: Database) throws -> LogTreeState {
        let size = try logSize(db)
        let tree = LogTreeReader(db: db).tree(size: size)
        var state = LogTreeState(size: Int64(size), root: try tree.root(size: size).bytes)
        if let earlier, earlier >= 1, UInt64(earlier) <= size {
            state.provenFrom = earlier
            state.consistencyProof = try tree.consistencyProof(from: UInt64(earlier), to: size).map(\.bytes)
        }
        return state
    }
}
