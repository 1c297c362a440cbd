import BekalLog

/// The events a checkpoint covers are exactly the ones it committed to: the root of the first n leaves,
/// recomputed from the stored event bytes, is the checkpoint's root, and there are at least n events.
///
/// When they are not, it names the events. The checkpoint is one hash, so naming needs a reference: the tree
/// Bekal stored as it appended. That tree is trusted only if its own root of size n IS the checkpoint's root
/// (then, walking down, every stored node is checked against its parent), and the walk finds the first and the
/// last leaf that differ. An insider who rewrote the stored tree too is still detected, but only the whole
/// covered range can be named then (an older checkpoint narrows it).
struct CoveredHistoryPolicy: AuditPolicy {
    func check(_ context: AuditContext) throws -> [AuditFailure] {
        let size = context.checkpoint.size
        let count = context.eventCount
        guard size > 0 else {
            guard context.checkpoint.root == MerkleHashing.emptyRoot else {
                return [failure(.rewritten, nil, "a checkpoint of size 0 must carry the empty tree's root")]
            }
            return []
        }
        if count >= size, try context.recomputed.tree.root(size: size) == context.checkpoint.root { return [] }

        var failures: [AuditFailure] = []
        if count < size {
            let missing = AuditContext.events(count, size - 1)
            failures.append(failure(.truncated, missing,
                "the ledger holds \(AuditContext.counted(count)) but the checkpoint covers \(size): "
                    + AuditContext.describe(missing, "is missing", "are missing")
                    + " (cut off, deleted, or the file was replaced by an older copy)"))
        }
        let stored = try context.storedTree()
        guard stored.size >= size, try stored.root(size: size) == context.checkpoint.root else {
            // No reference to walk down. When events are missing, the ones left cannot be checked against this
            // checkpoint at all (an older copy looks exactly like this): the truncation says enough.
            if count >= size {
                let range = AuditContext.events(0, size - 1)
                failures.append(failure(.rewritten, range,
                    AuditContext.describe(range, "does not match", "do not match")
                        + " the checkpoint and the stored tree was rewritten as well, so the first changed event "
                        + "cannot be named from this checkpoint alone"))
            }
            return failures
        }
        let walk = Walk(recomputed: context.recomputed.tree, stored: stored, present: count)
        switch try walk.search(0, size, context.checkpoint.root, fromRight: false) {
        case .none:
            break  // only the missing tail differs
        case .unauthenticated(let start, let end):
            let range = AuditContext.events(start, min(end, count) - 1)
            failures.append(failure(.rewritten, range,
                AuditContext.describe(range, "does not match", "do not match")
                    + " the checkpoint (the stored tree was partly rewritten)"))
        case .leaf(let first):
            var last = first
            if case .leaf(let found) = try walk.search(0, size, context.checkpoint.root, fromRight: true) { last = found }
            let range = AuditContext.events(first, last)
            failures.append(failure(.rewritten, range, AuditContext.describe(range, "differs", "differ")
                + " from the history the checkpoint covers: edited, deleted, reordered or inserted"))
        }
        return failures
    }

    private func failure(_ reason: AuditFailure.Reason, _ events: ClosedRange<Int64>?, _ message: String) -> AuditFailure {
        AuditFailure(reason: reason, events: events, message: "CoveredHistoryPolicy: \(message)")
    }

    /// Walks the stored tree down from an authenticated hash to the first (or last) leaf whose recomputed hash
    /// differs. Leaves at or beyond `present` are absent (a truncation, reported separately) and skipped.
    struct Walk {
        enum Found: Equatable {
            case none
            case leaf(UInt64)
            /// A stored node does not hash to its authenticated parent: the walk cannot go below this range.
            case unauthenticated(UInt64, UInt64)
        }

        let recomputed: MerkleTree
        let stored: MerkleTree
        let present: UInt64

        func search(_ start: UInt64, _ end: UInt64, _ authenticated: MerkleHash, fromRight: Bool) throws -> Found {
            if start >= present { return .none }
            if end <= present, try recomputed.subtreeHash(from: start, to: end) == authenticated { return .none }
            if end - start == 1 { return .leaf(start) }
            let split = start + MerkleHashing.split(end - start)
            let left = try stored.subtreeHash(from: start, to: split)
            let right = try stored.subtreeHash(from: split, to: end)
            guard MerkleHashing.nodeHash(left, right) == authenticated else { return .unauthenticated(start, end) }
            let halves = [(start, split, left), (split, end, right)]
            for (from, to, hash) in fromRight ? halves.reversed() : halves {
                let found = try search(from, to, hash, fromRight: fromRight)
                if found != .none { return found }
            }
            return .none
        }
    }
}
