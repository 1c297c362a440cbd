import Foundation

/// Where a witness keeps the latest checkpoint it accepted for each log. Checking a new checkpoint against the
/// held one and storing it must be one atomic step (C2SP tlog-witness: otherwise two concurrent requests can
/// roll the witness back), hence `update`.
public protocol WitnessStateStore: Sendable {
    /// The latest checkpoint accepted for `origin` (its signed note), or `nil` if none yet.
    func latest(origin: String) throws -> SignedNote?

    /// Runs `body` with the held checkpoint of `origin`, and stores the note it returns (when not `nil`) before
    /// returning, with no other update of the store in between.
    func update<Result>(
        origin: String, _ body: (SignedNote?) throws -> (store: SignedNote?, result: Result)
    ) throws -> Result
}

/// A witness state in memory, for tests and for checking a set of checkpoints in one process.
public final class InMemoryWitnessState: WitnessStateStore, @unchecked Sendable {
    // @unchecked: every access to `notes` holds `lock`.
    private let lock = NSLock()
    private var notes: [String: SignedNote] = [:]

    /// An empty state.
    public init() {}

    /// The latest checkpoint accepted for `origin`, or `nil` if none yet.
    public func latest(origin: String) throws -> SignedNote? {
        lock.withLock { notes[origin] }
    }

    /// Runs `body` with the held checkpoint of `origin` under the lock, and stores the note it returns.
    public func update<Result>(
        origin: String, _ body: (SignedNote?) throws -> (store: SignedNote?, result: Result)
    ) throws -> Result {
        try lock.withLock {
            let outcome = try body(notes[origin])
            if let note = outcome.store { notes[origin] = note }
            return outcome.result
        }
    }
}
