import BekalLog
import Foundation
import GRDB

/// One check of the ledger against a checkpoint. A small policy type per rule, combined by `LedgerAuditor`
/// (the model is `ChainPolicy` / `ChainVerifier`).
protocol AuditPolicy: Sendable {
    func check(_ context: AuditContext) throws -> [AuditFailure]
}

/// What the policies share: the read transaction, the checkpoint, and the tree recomputed from the stored
/// event bytes (never from stored hashes).
struct AuditContext {
    let db: Database
    let checkpoint: TreeHead
    /// Every stored event's leaf, recomputed from its columns, in sequence order.
    let recomputed: InMemoryMerkleTree
    /// The data directory's `evidence/`, `nil` for an in-memory ledger.
    let evidenceRoot: URL?

    /// The leaf positions (event n is position n - 1), in order, of the events whose actor was no account of the
    /// facility when they were recorded (`KnownActors`).
    let unknownActors: [UInt64]

    /// The number of stored events.
    var eventCount: UInt64 { recomputed.size }

    /// The tree Bekal stored as it appended, as far as it goes.
    func storedTree() throws -> MerkleTree {
        LogTreeReader(db: db).tree(size: try LogTreeReader.leafCount(db))
    }

    /// A range of leaf positions as event numbers (position 0 is event 1).
    static func events(_ first: UInt64, _ last: UInt64) -> ClosedRange<Int64> { Int64(first + 1)...Int64(last + 1) }

    /// "event 7" or "events 7 to 12".
    static func describe(_ events: ClosedRange<Int64>) -> String {
        events.count == 1 ? "event \(events.lowerBound)" : "events \(events.lowerBound) to \(events.upperBound)"
    }

    /// The range followed by what is said of it, agreeing in number: `one` for a single event ("event 7 was
    /// appended"), `many` for several ("events 7 to 9 were appended").
    static func describe(_ events: ClosedRange<Int64>, _ one: String, _ many: String) -> String {
        "\(describe(events)) \(events.count == 1 ? one : many)"
    }

    /// "1 event" or "12 events".
    static func counted(_ count: UInt64) -> String { count == 1 ? "1 event" : "\(count) events" }
}
