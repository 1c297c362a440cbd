/// What a witness did with a checkpoint.
public enum WitnessOutcome: Sendable {
    /// The checkpoint is consistent with everything the witness has seen of this log; it is now the witness's
    /// latest, and `CosignedCheckpoint` carries the witness's cosignature.
    case cosigned(CosignedCheckpoint)
    /// The request was not acceptable, and it says nothing against the log (unknown log, bad signature, a proof
    /// from another size than the witness holds): nothing was stored or signed.
    case refused(WitnessRefusal)
    /// The log presented a SMALLER tree than one it signed before: the ledger was rolled back or truncated.
    case rollback(WitnessEvidence)
    /// The log signed two views that cannot both be true: the same size with another root, or a larger tree
    /// without a valid consistency proof from the held one. History the witness had seen was rewritten.
    case fork(WitnessEvidence)
}

/// A checkpoint with the witness's cosignature added.
public struct CosignedCheckpoint: Sendable, Hashable {
    /// The checkpoint the witness now holds.
    public var checkpoint: Checkpoint
    /// The witness's signature line (C2SP tlog-witness's response body).
    public var cosignature: NoteSignature
    /// The log's signed note with the cosignature appended.
    public var note: SignedNote
}

/// Why a witness refused a request.
public struct WitnessRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The class of refusal, with the HTTP status C2SP tlog-witness gives it.
    public enum Reason: String, Sendable, Hashable {
        /// The witness does not know the checkpoint's origin (404).
        case unknownLog = "unknown-log"
        /// No trusted log key signed the checkpoint, or its body is not a checkpoint (403).
        case notSignedByLog = "not-signed-by-log"
        /// The old size is above the checkpoint's size (400).
        case badRequest = "bad-request"
        /// The old size is not the size the witness holds (409); `heldSize` says which it is.
        case conflict
    }

    /// The class of refusal.
    public var reason: Reason
    /// For `.conflict`: the size of the checkpoint the witness holds.
    public var heldSize: UInt64?
    /// What failed.
    public var message: String

    public var description: String { message }
}

/// The evidence of a rollback or fork: the checkpoint the witness held and the one presented, BOTH signed by the
/// log's key, and the proof that came with the second. Anyone who trusts the log's key can check it offline.
public struct WitnessEvidence: Sendable, Hashable, CustomStringConvertible {
    /// The log's origin.
    public var origin: String
    /// The checkpoint the witness held (and still holds).
    public var held: VerifiedCheckpoint
    /// The checkpoint the log presented.
    public var presented: VerifiedCheckpoint
    /// The consistency proof presented with it (possibly empty).
    public var proof: [MerkleHash]
    /// What is wrong, naming sizes only.
    public var message: String

    public var description: String { message }
}
