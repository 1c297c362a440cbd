import BekalLog
import Crypto
import Foundation
import GRDB
import Logging

/// The ledger as a verifiable log (RFC 9162 §2.1): every event is a leaf, in sequence order (event 1 is leaf 0),
/// and its leaf entry is defined by `LogLeaf`. Roots and proofs come from the stored tree in O(log n) reads;
/// outsiders check them with BekalLog (`MerkleProof`, `CheckpointVerifier`, `Witness`).
extension Ledger {
    /// The tree head of the whole ledger: its event count and the root over all events.
    /// - Throws: `StoreError.corrupted` when the stored tree does not cover exactly the ledger's events.
    public func treeHead() throws -> TreeHead {
        try read { db in
            let size = try Ledger.logSize(db)
            return TreeHead(size: size, root: try LogTreeReader(db: db).tree(size: size).root(size: size))
        }
    }

    /// The tree head of the first `size` events: what a checkpoint of that size committed to.
    /// - Throws: `StoreError.invalidInput` when `size` is negative or above the event count.
    public func treeHead(size: Int64) throws -> TreeHead {
        try read { db in
            let size = try Ledger.checkedSize(size, db)
            return TreeHead(size: size, root: try Ledger.storedTree(db).root(size: size))
        }
    }

    /// The inclusion proof of event `sequence` in the tree of the first `treeSize` events (RFC 9162 §2.1.3).
    /// Verify it with `MerkleProof.verifyInclusion(leafHash:index: sequence - 1, size:proof:root:)`.
    /// - Throws: `StoreError.invalidInput` unless 1 ≤ sequence ≤ treeSize ≤ the event count.
    public func inclusionProof(sequence: Int64, treeSize: Int64) throws -> [MerkleHash] {
        try read { db in
            let size = try Ledger.checkedSize(treeSize, db)
            guard sequence >= 1, UInt64(sequence) <= size else {
                throw StoreError(.invalidInput, "event \(sequence) is not inside a tree of \(size) events")
            }
            return try Ledger.storedTree(db).inclusionProof(index: UInt64(sequence - 1), size: size)
        }
    }

    /// The consistency proof from the tree of the first `oldSize` events to that of the first `newSize`
    /// (RFC 9162 §2.1.4): what a witness needs to accept the newer checkpoint. Empty when the sizes are equal.
    /// - Throws: `StoreError.invalidInput` unless 1 ≤ oldSize ≤ newSize ≤ the event count.
    public func consistencyProof(from oldSize: Int64, to newSize: Int64) throws -> [MerkleHash] {
        try read { db in
            let new = try Ledger.checkedSize(newSize, db)
            guard oldSize >= 1, oldSize <= newSize else {
                throw StoreError(.invalidInput, "a consistency proof needs 1 ≤ old size ≤ new size")
            }
            return try Ledger.storedTree(db).consistencyProof(from: UInt64(oldSize), to: new)
        }
    }

    /// The leaf entry of event `sequence` (see `LogLeaf`), recomputed from its stored columns. Its leaf hash is
    /// `MerkleHashing.leafHash(entry:)`.
    /// - Throws: `StoreError.notFound` for an unknown sequence.
    public func leafEntry(sequence: Int64) throws -> MerkleHash {
        try read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT \(StoredEventReader.columns) FROM ledger_event WHERE sequence = ?", arguments: [sequence])
            else { throw StoreError(.notFound, "no event \(sequence)") }
            return LogLeaf.entry(StoredEventReader.event(row).columns)
        }
    }

    /// The current checkpoint (C2SP tlog-checkpoint) signed with `key` under the key name `origin`, which is
    /// also the checkpoint's origin line: e.g. `bekal.example/lapas-purwokerto`. The caller holds the key (the
    /// facility's key ring); nothing is read from or written to disk.
    /// - Throws: `LogError.malformedKey` for an origin that is not a valid key name; `StoreError` as `treeHead()`.
    public func signedCheckpoint(origin: String, key: Curve25519.Signing.PrivateKey) throws -> SignedNote {
        let signer = try Ed25519NoteSigner(name: origin, key: key)
        return try Checkpoint(origin: origin, treeHead: try treeHead()).signed(by: signer)
    }

    /// Drops the stored tree and builds it again from the stored events, in one transaction: after the tree was
    /// found out of step (`StoreError.corrupted` from an append). Verify against an outside checkpoint FIRST:
    /// rebuilding makes the tree agree with whatever the events are now, tampered or not.
    /// - Returns: the number of leaves.
    @discardableResult
    public func rebuildLogTree() throws -> Int64 {
        let leaves = try Ledger.mapErrors { try writer.write { db in try LogTreeWriter.build(db) } }
        logger.warning("log tree rebuilt", metadata: ["events.count": "\(leaves)"])
        return Int64(leaves)
    }

    /// The number of events, which must be the stored tree's leaf count.
    static func logSize(_ db: Database) throws -> UInt64 {
        let events = try headSequence(db)
        let leaves = try LogTreeReader.leafCount(db)
        guard leaves == events else {
            throw StoreError(.corrupted, "the log's tree covers \(leaves) events but the ledger holds \(events): "
                + "the ledger was changed outside Bekal; `bekal ledger verify` names the events")
        }
        return events
    }

    /// The sequence of the last event: the event count as appends keep it (read in O(log n), where `count(*)`
    /// would read the whole table). A gap left by a deleted event is the checkpoint audit's to find.
    static func headSequence(_ db: Database) throws -> UInt64 {
        UInt64(max(0, try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM ledger_event") ?? 0))
    }

    private static func checkedSize(_ size: Int64, _ db: Database) throws -> UInt64 {
        let count = try logSize(db)
        guard size >= 0, UInt64(size) <= count else {
            throw StoreError(.invalidInput, "the tree size \(size) is not between 0 and the \(count) events recorded")
        }
        return UInt64(size)
    }

    private static func storedTree(_ db: Database) throws -> MerkleTree {
        LogTreeReader(db: db).tree(size: try LogTreeReader.leafCount(db))
    }
}
