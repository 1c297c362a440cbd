/// A checkpoint whose note verified against the log's trusted key; only `CheckpointVerifier` makes one.
public struct VerifiedCheckpoint: Sendable, Hashable {
    /// The parsed body.
    public let checkpoint: Checkpoint
    /// The note as received, with every signature line (the log's and any cosignatures).
    public let note: SignedNote

    fileprivate init(checkpoint: Checkpoint, note: SignedNote) {
        self.checkpoint = checkpoint
        self.note = note
    }
}

/// The outcome of verifying a signed checkpoint.
public enum CheckpointVerification: Sendable {
    /// The log's key signed it and the body is a well-formed checkpoint of the expected origin.
    case verified(VerifiedCheckpoint)
    /// It must not be used; the message says why.
    case rejected(CheckpointRejection)
}

/// Why a checkpoint was rejected.
public struct CheckpointRejection: Sendable, Hashable, CustomStringConvertible {
    /// The class of rejection.
    public enum Reason: String, Sendable, Hashable {
        /// The note is not signed by the log's key (or a signature from it fails).
        case signature
        /// The signed text is not a checkpoint.
        case malformed
        /// The checkpoint names another log.
        case wrongOrigin = "wrong-origin"
    }

    /// The class of rejection.
    public var reason: Reason
    /// What failed.
    public var message: String

    public var description: String { message }
}

/// Verifies a signed checkpoint against the key trusted for its log: the signature first (the text of an
/// unverified note is never read), then the body, then the origin.
public struct CheckpointVerifier: Sendable {
    /// The log's origin.
    public let origin: String
    /// The keys trusted to sign this log's checkpoints (usually one; two during a key rotation).
    public let logKeys: [any NoteVerifier]

    /// A verifier for one log.
    public init(origin: String, logKeys: [any NoteVerifier]) {
        self.origin = origin
        self.logKeys = logKeys
    }

    /// Verifies `note`; signature lines of other keys (cosignatures) are ignored here.
    public func verify(_ note: SignedNote) -> CheckpointVerification {
        let verified: VerifiedNote
        switch note.verify(with: logKeys) {
        case .verified(let note): verified = note
        case .rejected(let rejection):
            return .rejected(CheckpointRejection(reason: .signature, message: "CheckpointVerifier: \(rejection.message)"))
        }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(parsing: verified.text)
        } catch let error as LogError {
            return .rejected(CheckpointRejection(reason: .malformed, message: "CheckpointVerifier: \(error.message)"))
        } catch {
            return .rejected(CheckpointRejection(reason: .malformed, message: "CheckpointVerifier: not a checkpoint"))
        }
        guard checkpoint.origin == origin else {
            return .rejected(CheckpointRejection(
                reason: .wrongOrigin, message: "CheckpointVerifier: the checkpoint is of another log"))
        }
        return .verified(VerifiedCheckpoint(checkpoint: checkpoint, note: note))
    }
}
