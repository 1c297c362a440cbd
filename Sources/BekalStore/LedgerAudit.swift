import BekalLog

/// What `Ledger.audit(against:)` found when checking the ledger against a checkpoint held outside the facility.
public struct LedgerAudit: Sendable, Hashable {
    /// The checkpoint's tree head the ledger was checked against.
    public var checkpoint: TreeHead
    /// The number of events stored now.
    public var eventCount: Int64
    /// Everything found wrong, in the order the checks ran; empty when the ledger is intact.
    public var failures: [AuditFailure]
    /// The events stored after the checkpoint's last one, with who recorded them. Mathematics cannot tell a
    /// forged append from a real one; these are attributable to their actor and become permanent once a
    /// checkpoint covering them is witnessed.
    public var appendedAfterCheckpoint: [AppendedEvent]

    /// Whether nothing was found wrong.
    public var isIntact: Bool { failures.isEmpty }
}

/// One thing found wrong. Messages name event numbers, tables and evidence hash prefixes, never a person.
public struct AuditFailure: Sendable, Hashable, CustomStringConvertible {
    /// The class of finding.
    public enum Reason: String, Sendable, Hashable {
        /// Fewer events than the checkpoint covers: cut off, all deleted, or an older copy of the file.
        case truncated
        /// The events the checkpoint covers are not the ones it committed to: edited, deleted, reordered or
        /// inserted (with or without the chain recomputed), or the file replaced.
        case rewritten
        /// After the checkpoint: events with no leaf in the tree Bekal writes with every append, or events that
        /// differ from their leaf, or leaves whose events are gone: the ledger was written outside Bekal.
        case writtenOutsideBekal = "written-outside-bekal"
        /// A projection table differs from a replay of the ledger's events.
        case projectionEdited = "projection-edited"
        /// An evidence file named by an event is missing.
        case evidenceMissing = "evidence-missing"
        /// An evidence file is a symbolic link, or not a regular file, or reached through a link.
        case evidenceNotRegularFile = "evidence-not-regular-file"
        /// An evidence file's bytes do not hash to the name the event gives it (swapped or edited).
        case evidenceAltered = "evidence-altered"
        /// An event names an actor that was no account of the facility when it was recorded (no `account.created`
        /// event before it created that name), in a ledger that had accounts by then: Bekal records only for an
        /// existing account, so the event was written outside Bekal. Events from before the first account are not
        /// judged.
        case unknownActor = "unknown-actor"
    }

    /// The class of finding.
    public var reason: Reason
    /// The events concerned, by their number in the checkpointed history (event n is the n-th event; for an
    /// untouched ledger, its sequence), when the finding is about events.
    public var events: ClosedRange<Int64>?
    /// Starts with the name of the policy that found it.
    public var message: String

    /// A finding.
    public init(reason: Reason, events: ClosedRange<Int64>?, message: String) {
        self.reason = reason
        self.events = events
        self.message = message
    }

    public var description: String { message }
}

/// An event stored after the checkpoint, as stored.
public struct AppendedEvent: Sendable, Hashable {
    /// The stored sequence number.
    public var sequence: Int64
    /// The event type, e.g. `training.recorded`.
    public var type: String
    /// The authenticated staff member (or system identity) that recorded it.
    public var actor: String
    /// Whether `actor` was an account of the facility when the event was recorded (created by an earlier
    /// `account.created` event), or the event is from before the facility had accounts. False for a name Bekal
    /// never authenticated: such an event is also a finding (`unknown-actor`).
    public var actorIsKnown: Bool
    /// The facility code stamped on it.
    public var facilityCode: String
    /// The stored `recorded_at` text.
    public var recordedAt: String
}

/// The checks `Ledger.audit(against:checks:)` can run.
public enum AuditCheck: String, Sendable, Hashable, CaseIterable {
    /// Recompute every leaf from the stored event bytes and compare the root with the checkpoint's; name the
    /// first and last event that differ, or the missing range.
    case coveredHistory = "covered-history"
    /// After the checkpoint: compare the events with the tree Bekal stored as it appended them.
    case storedTree = "stored-tree"
    /// Replay every event into an empty in-memory database and compare every projection table (the heaviest
    /// check: it holds a copy of the projections in memory).
    case projections
    /// Every evidence file named by an event is a regular file in `evidence/` with the SHA-256 it is named by.
    case evidence
    /// Every event names an actor that was an account of the facility when it was recorded (once the facility
    /// has accounts): an event naming a name that no `account.created` event created was written outside Bekal.
    case actors
}
