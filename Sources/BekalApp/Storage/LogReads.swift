import BekalCredentials
import BekalLog
import BekalDomain

/// The log's tree head with the leaf entries and inclusion proofs of some events in it, read together
/// (`LedgerStorage.logInclusion`).
public struct LogInclusion: Sendable, Hashable {
    /// The tree head the proofs lead to.
    public var head: TreeHead
    /// The events asked for, in the order asked, each with its leaf entry and inclusion proof.
    public var events: [LedgerLogEvidence.Event]

    /// - Parameters:
    ///   - head: the tree head.
    ///   - events: the events with their proofs in that tree.
    public init(head: TreeHead, events: [LedgerLogEvidence.Event]) {
        self.head = head
        self.events = events
    }
}

/// What checking the ledger against a checkpoint held outside the facility found (`LedgerStorage.audit`): the
/// storage's findings in the application layer's terms. Messages name event numbers, tables and evidence hash
/// prefixes, never a person.
public struct LedgerAuditReport: Sendable, Hashable {
    /// One thing found wrong.
    public struct Finding: Sendable, Hashable {
        /// The class of finding: `truncated`, `rewritten`, `written-outside-bekal`, `projection-edited`,
        /// `evidence-missing`, `evidence-not-regular-file`, `evidence-altered`, `unknown-actor` (docs/ledger.md).
        public var reason: String
        /// The events concerned, by their number in the checkpointed history, when the finding is about events.
        public var events: ClosedRange<Int64>?
        /// Starts with the name of the check that found it.
        public var message: String

        /// A finding.
        public init(reason: String, events: ClosedRange<Int64>?, message: String) {
            self.reason = reason
            self.events = events
            self.message = message
        }
    }

    /// An event stored after the checkpoint's last one, with who recorded it.
    public struct AppendedEvent: Sendable, Hashable {
        /// The stored sequence number.
        public var sequence: Int64
        /// The event type, e.g. `training.recorded`.
        public var type: String
        /// The account the app layer authenticated when the event was recorded (or whatever an insider wrote).
        public var actor: String
        /// Whether `actor` was an account of the facility when the event was recorded (or the event is from
        /// before the facility had accounts); false for a name no `account.created` event created before it,
        /// which is also an `unknown-actor` finding.
        public var actorIsKnown: Bool
        /// The stored `recorded_at` text.
        public var recordedAt: String

        /// An appended event.
        public init(sequence: Int64, type: String, actor: String, actorIsKnown: Bool = true, recordedAt: String) {
            self.sequence = sequence
            self.type = type
            self.actor = actor
            self.actorIsKnown = actorIsKnown
            self.recordedAt = recordedAt
        }
    }

    /// The checkpoint's tree head the ledger was checked against.
    public var checkpoint: TreeHead
    /// The number of events stored now.
    public var eventCount: Int64
    /// Everything found wrong; empty when the ledger matches.
    public var failures: [Finding]
    /// The events after the checkpoint: attributable to their actor, not provably false or true.
    public var appended: [AppendedEvent]

    /// Whether nothing was found wrong.
    public var isIntact: Bool { failures.isEmpty }

    /// A report.
    public init(checkpoint: TreeHead, eventCount: Int64, failures: [Finding], appended: [AppendedEvent]) {
        self.checkpoint = checkpoint
        self.eventCount = eventCount
        self.failures = failures
        self.appended = appended
    }
}

/// What checking the ledger on its own found (`LedgerStorage.verifyIntegrity`): the hash chain, and the checks
/// that need no checkpoint held outside (stored log tree, projections, evidence files, events' actors). Messages
/// name event numbers, tables and evidence hash prefixes, never a person.
public struct LedgerIntegrityReport: Sendable, Hashable {
    /// The hash chain recomputed from the stored bytes.
    public var chain: ChainVerification
    /// The number of events stored.
    public var eventCount: Int64
    /// Everything else found wrong (reasons as `LedgerAuditReport.Finding`'s); empty when the ledger is intact.
    public var failures: [LedgerAuditReport.Finding]

    /// Whether the chain is intact and nothing else was found wrong.
    public var isIntact: Bool { chain.isIntact && failures.isEmpty }

    /// A report.
    public init(chain: ChainVerification, eventCount: Int64, failures: [LedgerAuditReport.Finding]) {
        self.chain = chain
        self.eventCount = eventCount
        self.failures = failures
    }
}
