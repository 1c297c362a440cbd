/// The outcome of recomputing the hash chain from the stored bytes.
public enum ChainVerification: Sendable, Hashable {
    /// Every event links to its predecessor and hashes to its stored hash.
    case intact(count: Int, headHash: String)
    /// The first event where the chain breaks.
    case broken(ChainBreak)

    /// `true` when the whole chain verified, with no break found.
    public var isIntact: Bool {
        if case .intact = self { true } else { false }
    }
}

/// Where and how the chain is broken. Messages name the sequence number only, never the event's content.
public struct ChainBreak: Sendable, Hashable, CustomStringConvertible {
    /// The kind of tampering a break indicates: an edit, a deletion, or a broken link.
    public enum Reason: String, Sendable, Hashable {
        /// The stored columns do not hash to the stored hash: something was edited.
        case editedEvent = "edited-event"
        /// A sequence number is missing: an event was deleted.
        case missingEvent = "missing-event"
        /// `prev_hash` does not match the previous event's hash: events were deleted, inserted or reordered.
        case brokenLink = "broken-link"
    }

    /// The sequence number of the first event found wrong.
    public var sequence: Int64
    /// How the chain is broken at `sequence`.
    public var reason: Reason
    /// Starts with the name of the policy that failed.
    public var message: String

    /// The message, safe to log: it names the sequence number, never the event's content.
    public var description: String { message }

    /// - Parameters:
    ///   - sequence: the first event found wrong.
    ///   - reason: how it is wrong.
    ///   - message: starts with the failing policy's name; names no content.
    public init(sequence: Int64, reason: Reason, message: String) {
        self.sequence = sequence
        self.reason = reason
        self.message = message
    }
}
