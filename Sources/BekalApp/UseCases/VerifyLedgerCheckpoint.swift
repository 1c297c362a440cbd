import BekalCredentials
import BekalDomain
import BekalLog
import Foundation
import Logging

/// A witness's cosignature on a checkpoint, as `verifyLedger(checkpoint:…)` found it.
public struct CheckpointCosignature: Sendable, Hashable {
    /// How it was checked.
    public enum Status: String, Sendable, Hashable {
        /// Made by a witness key given to the check, and valid.
        case verified
        /// A cosignature line from a key that was not given: not checked, shown for information.
        case unverified
        /// A witness key was given but the checkpoint carries no cosignature of it.
        case missing
    }

    /// The witness's key name.
    public var name: String
    /// The cosignature's time (whole seconds), when it has a readable one.
    public var time: Date?
    /// How it was checked.
    public var status: Status
}

/// What checking the ledger against a checkpoint found.
public enum LedgerCheckpointVerification: Sendable {
    /// The checkpoint is not this facility's, or not signed by any of its keys (current or retired), or a given
    /// witness's cosignature is missing or does not verify: the ledger was not checked against it.
    case rejected(String)
    /// The checkpoint verified and the ledger was audited against it.
    case audited(CheckpointAudit)
}

/// A verified checkpoint and the audit of the ledger against it.
public struct CheckpointAudit: Sendable {
    /// The verified checkpoint.
    public var checkpoint: Checkpoint
    /// The facility key that signed it.
    public var signedBy: FacilityLog.Key
    /// The witnesses' cosignatures on it.
    public var cosignatures: [CheckpointCosignature]
    /// What the audit found.
    public var audit: LedgerAuditReport
}

extension FacilityApp {
    /// Checks the ledger against a checkpoint held outside the facility: a checkpoint file the facility gave out,
    /// a witness's cosigned checkpoint, the checkpoint in an export or a report. The signature is checked first,
    /// with every key of the facility (current and retired); then, for each `witnessKeys` (C2SP verifier keys of
    /// type 0x04), that its cosignature is there and valid; only then is the ledger audited (every leaf
    /// recomputed from the stored bytes; stored tree, projections and evidence files compared).
    /// - Parameter bytes: the signed note (at most 1 MiB).
    /// - Throws: invalid input for a file that is not a signed note or a witness key that cannot be read; storage
    ///   when the database cannot be read; permission unless the acting account is a known, active one.
    public func verifyLedger(checkpoint bytes: Data, witnessKeys: [String], context: ActionContext) async throws
        -> LedgerCheckpointVerification
    {
        try await authorize(.read, context: context)
        let note = try SignedNote(parsing: Array(bytes))
        let witnesses = try witnessKeys.map { text in
            do { return try CosignatureVerifier(verifierKey: text) } catch {
                throw AppError(.invalidInput, "--witness-key: not a C2SP cosignature verifier key (name+id+key)",
                               field: "witness-key")
            }
        }
        let log = try await loadFacilityLog()
        let keys = try log.keys()
        let checkpoint: Checkpoint
        switch CheckpointVerifier(origin: log.origin, logKeys: keys.map(\.verifier)).verify(note) {
        case .rejected(let rejection):
            return .rejected(rejection.reason == .wrongOrigin
                ? "the checkpoint is of another log, not of this facility's (\(log.origin))"
                : "the checkpoint is not signed by any key of this facility: \(rejection.message)")
        case .verified(let verified): checkpoint = verified.checkpoint
        }
        guard let signer = keys.last(where: { key in
            note.signatures.contains { $0.name == key.verifier.name && $0.keyID == key.verifier.keyID }
        }) else { return .rejected("the checkpoint is not signed by any key of this facility") }
        var cosignatures: [CheckpointCosignature] = []
        for witness in witnesses {
            guard note.signatures.contains(where: { $0.name == witness.name && $0.keyID == witness.keyID }) else {
                cosignatures.append(CheckpointCosignature(name: witness.name, time: nil, status: .missing))
                continue
            }
            guard note.verify(with: [witness]).verifiedNote != nil else {
                return .rejected("the cosignature of witness \(witness.name) does not verify")
            }
            let line = note.signatures.first { $0.name == witness.name && $0.keyID == witness.keyID }
            cosignatures.append(CheckpointCosignature(
                name: witness.name, time: line.flatMap(Self.cosignatureTime), status: .verified))
        }
        for line in note.signatures where !keys.contains(where: { $0.verifier.keyID == line.keyID && $0.verifier.name == line.name })
            && !witnesses.contains(where: { $0.keyID == line.keyID && $0.name == line.name }) {
            cosignatures.append(CheckpointCosignature(name: line.name, time: Self.cosignatureTime(line), status: .unverified))
        }
        if let missing = cosignatures.first(where: { $0.status == .missing }) {
            return .rejected("the checkpoint carries no cosignature of witness \(missing.name)")
        }
        let audit = try await storage.audit(against: checkpoint.treeHead)
        logger.info("ledger audited against a checkpoint", metadata: [
            "checkpoint.size": "\(checkpoint.treeHead.size)", "audit.failures": "\(audit.failures.count)",
            "events.appended": "\(audit.appended.count)",
        ])
        return .audited(CheckpointAudit(checkpoint: checkpoint, signedBy: signer, cosignatures: cosignatures, audit: audit))
    }

    /// The time of a cosignature/v1 line (8-byte timestamp before the signature), `nil` for other lines.
    static func cosignatureTime(_ line: NoteSignature) -> Date? {
        CosignatureVerifier.timestamp(of: line.signature).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
