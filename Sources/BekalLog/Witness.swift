import Foundation

/// The logic of a party outside the facility (Kanwil, Bapas, the ministry) that watches facility ledgers: it
/// holds the latest checkpoint it accepted from each log, accepts a newer one only with a valid consistency proof
/// from the one it holds, cosigns what it accepts, and reports a rollback or fork with both checkpoints as
/// evidence. It follows C2SP tlog-witness `add-checkpoint`, without the HTTP.
public struct Witness: Sendable {
    /// The witness's cosigning key.
    public let cosigner: Cosigner
    /// The logs it witnesses: origin → the keys trusted to sign that log's checkpoints.
    public let logs: [String: [any NoteVerifier]]
    /// Where the latest accepted checkpoint of each log is kept.
    public let state: any WitnessStateStore

    /// A witness with its key, the logs it was told to trust, and its state.
    public init(cosigner: Cosigner, logs: [String: [any NoteVerifier]], state: any WitnessStateStore) {
        self.cosigner = cosigner
        self.logs = logs
        self.state = state
    }

    /// Checks a request and, if the checkpoint is consistent with the held one, stores it and cosigns it at `now`.
    ///
    /// - Returns: `.cosigned`, `.refused` (nothing said against the log), `.rollback` or `.fork` (evidence against
    ///   the log, with both signed checkpoints). Nothing is stored unless the outcome is `.cosigned`.
    /// - Throws: `LogError` only when the state cannot be read or written (`.stateFile`, `.permission`), or the
    ///   held checkpoint no longer verifies with the configured keys.
    public func add(_ request: WitnessRequest, now: Date) throws -> WitnessOutcome {
        let origin = String(request.checkpoint.text.prefix { $0 != "\n" })
        guard let keys = logs[origin] else {
            return refusal(.unknownLog, "Witness: the checkpoint's log is not one this witness follows")
        }
        let verifier = CheckpointVerifier(origin: origin, logKeys: keys)
        let presented: VerifiedCheckpoint
        switch verifier.verify(request.checkpoint) {
        case .verified(let checkpoint): presented = checkpoint
        case .rejected(let rejection): return refusal(.notSignedByLog, "Witness: \(rejection.message)")
        }
        let newHead = presented.checkpoint.treeHead
        return try state.update(origin: origin) { heldNote -> (store: SignedNote?, result: WitnessOutcome) in
            let held = try heldNote.map { try reverify($0, with: verifier) }
            let heldSize = held?.checkpoint.treeHead.size ?? 0
            func evidence(_ held: VerifiedCheckpoint, _ message: String) -> WitnessEvidence {
                WitnessEvidence(origin: origin, held: held, presented: presented, proof: request.proof,
                                message: "Witness: \(message)")
            }
            if let held, newHead.size < heldSize {
                return (nil, .rollback(evidence(held,
                    "the log presented a tree of \(newHead.size) entries after signing one of \(heldSize)")))
            }
            if let held, newHead.size == heldSize {
                guard held.checkpoint.treeHead.root == newHead.root else {
                    return (nil, .fork(evidence(held, "the log signed two different trees of size \(heldSize)")))
                }
                return (nil, .cosigned(try cosign(presented, now: now)))
            }
            // Evidence against the log (above) comes first, whatever old size the request claims.
            guard request.oldSize <= newHead.size else {
                return (nil, .refused(WitnessRefusal(
                    reason: .badRequest, heldSize: nil,
                    message: "Witness: the old size \(request.oldSize) exceeds the checkpoint's \(newHead.size)")))
            }
            guard request.oldSize == heldSize else {
                return (nil, .refused(WitnessRefusal(
                    reason: .conflict, heldSize: heldSize,
                    message: "Witness: the proof starts at size \(request.oldSize) but the witness holds \(heldSize)")))
            }
            if let held, heldSize > 0 {
                let check = MerkleProof.verifyConsistency(
                    oldSize: heldSize, newSize: newHead.size, oldRoot: held.checkpoint.treeHead.root,
                    newRoot: newHead.root, proof: request.proof)
                if case .invalid(let failure) = check {
                    return (nil, .fork(evidence(held,
                        "the tree of \(newHead.size) entries is not an extension of the held tree of \(heldSize) "
                            + "(\(failure.reason.rawValue))")))
                }
            } else if !request.proof.isEmpty {
                return (nil, .refused(WitnessRefusal(
                    reason: .badRequest, heldSize: nil,
                    message: "Witness: a proof from size 0 must be empty")))
            }
            let cosigned = try cosign(presented, now: now)
            return (cosigned.note, .cosigned(cosigned))
        }
    }

    /// The held checkpoint, verified again with the log's keys (the state file is not trusted blindly).
    private func reverify(_ note: SignedNote, with verifier: CheckpointVerifier) throws -> VerifiedCheckpoint {
        guard case .verified(let checkpoint) = verifier.verify(note) else {
            throw LogError(.stateFile, "the held checkpoint does not verify with the log's configured keys")
        }
        return checkpoint
    }

    private func cosign(_ checkpoint: VerifiedCheckpoint, now: Date) throws -> CosignedCheckpoint {
        // Keep only the log's own signatures and earlier cosignatures by others; a cosignature of ours replaces
        // any older one on the same note.
        let kept = checkpoint.note.signatures.filter { $0.name != cosigner.name || $0.keyID != cosigner.verifier.keyID }
        let signature = try cosigner.cosign(text: checkpoint.note.text, now: now)
        let note = try SignedNote(text: checkpoint.note.text, signatures: kept + [signature])
        return CosignedCheckpoint(checkpoint: checkpoint.checkpoint, cosignature: signature, note: note)
    }

    private func refusal(_ reason: WitnessRefusal.Reason, _ message: String) -> WitnessOutcome {
        .refused(WitnessRefusal(reason: reason, heldSize: nil, message: message))
    }
}
