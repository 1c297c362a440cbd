import BekalDomain
import BekalLog
import Foundation
import Logging

/// The ledger's current checkpoint, signed, and what a witness needs with it.
public struct LedgerCheckpoint: Sendable {
    /// The log's origin (`FacilityLog`).
    public var origin: String
    /// The tree size and root the checkpoint commits to.
    public var treeHead: TreeHead
    /// The checkpoint as a C2SP signed note, signed with the facility's current key.
    public var note: SignedNote
    /// With a witness's size: the C2SP tlog-witness `add-checkpoint` body (`old <size>`, the consistency proof
    /// from that size, a blank line, the checkpoint): the bundle `bekal witness add --bundle` reads.
    public var request: WitnessRequest?
}

extension FacilityApp {
    /// The facility's log: its origin and checkpoint keys. Any active account may read them (the verifier keys
    /// are public; a witness is told to trust them).
    /// - Throws: not found when the data directory has no issuer key; permission for an unknown or disabled
    ///   account or a PK.
    public func facilityLog(context: ActionContext) async throws -> FacilityLog {
        try await authorize(.read, context: context)
        return try await loadFacilityLog()
    }

    /// The facility's log, for use cases that have checked their own permission.
    func loadFacilityLog() async throws -> FacilityLog {
        let facility = try await storage.facility()
        return FacilityLog(facility: facility, ring: try IssuerSetup.load(directory, facility: facility).ring)
    }

    /// Signs the ledger's current checkpoint with the facility's current key. With `since` (the size of the
    /// checkpoint a witness holds; 0 for a witness that holds none), the consistency proof from it comes along,
    /// read in the same transaction as the tree head.
    /// - Throws: conflict when the ledger holds fewer events than `since` (it was cut off or replaced by an older
    ///   copy: no proof exists; `bekal ledger verify --checkpoint` names what is missing); storage when the
    ///   stored tree is out of step with the events (written outside Bekal); not found without an issuer key;
    ///   permission unless the acting account is an admin (it signs with the facility's key).
    public func checkpoint(since: Int64? = nil, context: ActionContext) async throws -> LedgerCheckpoint {
        try await authorize(.administer, context: context)
        if let since, since < 0 { throw AppError(.usage, "--since: a tree size is 0 or more", field: "since") }
        let log = try await loadFacilityLog()
        let state = try await storage.logState(provingFrom: since)
        let head = try state.treeHead
        let note = try log.sign(head)
        var request: WitnessRequest?
        if let since {
            guard since <= state.size else {
                throw AppError(
                    .conflict,
                    "the ledger holds \(state.size) events, fewer than the \(since) of the witness's checkpoint: no "
                        + "consistency proof exists (the ledger was cut off or replaced by an older copy); run "
                        + "`bekal ledger verify --checkpoint` with the witness's checkpoint")
            }
            request = WitnessRequest(oldSize: UInt64(since), proof: since == 0 ? [] : try state.proof, checkpoint: note)
        }
        logger.info("checkpoint signed", metadata: [
            "checkpoint.size": "\(head.size)", "checkpoint.since": "\(since.map(String.init) ?? "-")",
        ])
        return LedgerCheckpoint(origin: log.origin, treeHead: head, note: note, request: request)
    }
}
