import BekalLog

/// After the checkpoint, where no outside party vouches for anything yet: every event has the leaf Bekal stored
/// in the same transaction as its append, and every stored leaf still has its event. An event INSERTed with
/// SQL (its chain hash computed and all) has no leaf; an event edited or deleted after the checkpoint no longer
/// matches its leaf.
///
/// This is a local check: an insider who also writes `ledger_tree_tile` passes it. What does not depend on
/// the insider is that these events are listed with their actor, and that once a witness holds a checkpoint
/// covering them they can no longer be changed without `CoveredHistoryPolicy` seeing it.
struct StoredTreePolicy: AuditPolicy {
    func check(_ context: AuditContext) throws -> [AuditFailure] {
        let start = context.checkpoint.size
        let count = context.eventCount
        let stored = try context.storedTree()
        var failures: [AuditFailure] = []
        // Leaf by leaf from the checkpoint on: one tile row read per 64 events.
        let common = min(count, stored.size)
        if start < common {
            var first: UInt64?
            var last: UInt64 = 0
            var position = start
            while position < common {
                let end = min(common, (position / LogTreeWriter.tileWidth + 1) * LogTreeWriter.tileWidth)
                let nodes = (position..<end).map { MerkleNode(level: 0, index: $0) }
                let storedLeaves = try stored.reader.hashes(of: nodes)
                for (node, leaf) in zip(nodes, storedLeaves) where context.recomputed.hash(of: node) != leaf {
                    if first == nil { first = node.index }
                    last = node.index
                }
                position = end
            }
            if let first {
                let range = AuditContext.events(first, last)
                failures.append(failure(range, AuditContext.describe(
                    range, "differs from what Bekal stored when it was appended",
                    "differ from what Bekal stored when they were appended") + ": changed outside Bekal"))
            }
        }
        let from = max(start, stored.size)
        if count > from {
            let range = AuditContext.events(from, count - 1)
            failures.append(failure(range, AuditContext.describe(
                range, "has no leaf in the tree Bekal writes with every append: it was written outside Bekal",
                "have no leaf in the tree Bekal writes with every append: they were written outside Bekal")))
        }
        let gone = max(start, count)
        if stored.size > gone {
            let range = AuditContext.events(gone, stored.size - 1)
            failures.append(failure(range, AuditContext.describe(
                range, "was appended by Bekal but is no longer in the ledger",
                "were appended by Bekal but are no longer in the ledger")))
        }
        return failures
    }

    private func failure(_ events: ClosedRange<Int64>, _ message: String) -> AuditFailure {
        AuditFailure(reason: .writtenOutsideBekal, events: events, message: "StoredTreePolicy: \(message)")
    }
}
