import BekalDomain
import Foundation
import GRDB
import Logging
extension Ledger {
    /// Recomputes the hash chain from the stored bytes.
    /// - Returns: `.intact` with the event count and head hash, or `.broken` with the first failing event.
    /// SQLite's own page check runs first; a damaged file is marked so that no later command writes to it.
    public func verifyChain() throws -> ChainVerification {
        let verification: ChainVerification
        do {
            try read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
                if problems != ["ok"] { throw StoreError(.corrupted, "SQLite's page check found the file damaged") }
            }
            verification = try read { db in try ChainVerifier().verify(db) }
        } catch let error as StoreError where error.code == .corrupted {
            markDamaged()
            throw error
        }
        switch verification {
        case .intact(let count, _):
            logger.info("ledger chain intact", metadata: ["events.count": "\(count)"])
        case .broken(let failure):
            logger.warning("ledger chain broken", metadata: [
                "event.sequence": "\(failure.sequence)", "chain.reason": "\(failure.reason.rawValue)",
            ])
        }
        return verification
    }
}

/// What `Ledger.verifyIntegrity()` found: the hash chain, and the checks that need no checkpoint held outside.
public struct LedgerIntegrity: Sendable, Hashable {
    /// The hash chain recomputed from the stored bytes.
    public var chain: ChainVerification
    /// The number of events stored.
    public var eventCount: Int64
    /// Everything else found wrong, in the order the checks ran: events with no leaf in the stored tree (or
    /// differing from it), stored tree nodes missing or edited, projection rows that differ from a replay,
    /// evidence files missing, swapped or replaced by a link, events naming an actor that was no account at that
    /// point. Messages never name a person.
    public var failures: [AuditFailure]

    /// Whether the chain is intact and nothing else was found wrong.
    public var isIntact: Bool { chain.isIntact && failures.isEmpty }
}

extension Ledger {
    /// The checks that need no checkpoint held outside: the hash chain (`verifyChain()`); every event against the
    /// stored log tree Bekal writes with every append (an event INSERTed with SQL has no leaf, an edited one
    /// differs from its leaf), and every interior node of that tree; the projection tables against a replay of
    /// the events; every evidence file an event names present, a regular file and hashing to its name; every
    /// event's actor an account created before it (once the facility has accounts). What makes Bekal refuse to
    /// append, sign a checkpoint or export is found here too.
    ///
    /// A local check: an insider who recomputes the chain and rewrites the stored tree passes it; only an
    /// outside checkpoint (`audit(against:)`) catches that.
    /// - Parameter checks: `.storedTree`, `.projections`, `.evidence` and `.actors` by default (`.coveredHistory`
    ///   needs a checkpoint and is ignored).
    /// - Throws: `StoreError` when the database cannot be read, or is damaged (as `verifyChain()`).
    public func verifyIntegrity(checks: Set<AuditCheck> = [.storedTree, .projections, .evidence, .actors]) throws
        -> LedgerIntegrity
    {
        let chain = try verifyChain()
        let evidenceRoot = home?.appendingPathComponent("evidence")
        let found = try read { db in
            try LedgerAuditor.selfCheck(db, checks: checks, evidenceRoot: evidenceRoot)
        }
        let integrity = LedgerIntegrity(chain: chain, eventCount: found.eventCount, failures: found.failures)
        if !found.failures.isEmpty {
            logger.warning("ledger integrity check failed", metadata: [
                "events.count": "\(found.eventCount)", "audit.failures": "\(found.failures.count)",
            ])
        }
        return integrity
    }
}
