import BekalCredentials
import BekalDomain
import BekalLog
import Foundation

extension FacilityApp {
    /// The ledger log proof of one export (`LedgerLogEvidence`): a signed checkpoint and, for each credential of
    /// `plan`, the inclusion proofs of the events it was built from (`exportSources`), all in the tree of the
    /// checkpoint. Every proof is checked before it is used: an event whose stored bytes no longer match the log
    /// tree (edited outside Bekal) stops the export, as the PK's verifier would call the file INVALID.
    /// - Parameters:
    ///   - checkpoint: a signed checkpoint to reuse (a facility export signs one per chunk), whose tree must hold
    ///     every event; `nil` signs the current one.
    func ledgerLogEvidence(
        _ portfolio: Portfolio, plan: ExportPlan, log: FacilityLog, checkpoint: (note: SignedNote, head: TreeHead)? = nil
    ) async throws -> LedgerLogEvidence {
        let sources = Self.exportSources(portfolio, plan: plan, events: try await storage.events(about: portfolio.person.id))
        // Events appended after a reused checkpoint (a correction racing the export) are not in the portfolio
        // that was read before it, and not in its tree.
        let limit = checkpoint.map { Int64(clamping: $0.head.size) } ?? .max
        let sequences = Array(Set(sources.flatMap(\.sequences))).filter { $0 <= limit }.sorted()
        let inclusion = try await storage.logInclusion(
            sequences: sequences, treeSize: checkpoint.map { Int64(clamping: $0.head.size) })
        for event in inclusion.events where !MerkleProof.verifyInclusion(
            leafHash: MerkleHashing.leafHash(entry: event.leafEntry), index: UInt64(event.sequence - 1),
            size: inclusion.head.size, proof: event.inclusionProof, root: inclusion.head.root
        ).isValid {
            throw AppError(
                .storage,
                "event \(event.sequence) no longer matches the ledger's log tree (it was changed outside Bekal); "
                    + "nothing was exported; `bekal ledger verify` names it, `--checkpoint` with a witnessed checkpoint "
                    + "shows what else changed")
        }
        let bySequence = Dictionary(inclusion.events.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        let note = try checkpoint?.note ?? log.sign(inclusion.head)
        return LedgerLogEvidence(checkpoint: note.serialized, records: sources.map { source in
            LedgerLogEvidence.Record(credentialID: source.credentialID, events: source.sequences.compactMap { bySequence[$0] })
        })
    }

    /// Which events each credential of an export is built from, by sequence, in ledger order:
    /// - a competency: its assessment's event and the corrections of it;
    /// - a certificate: its event and the corrections of it;
    /// - the training and production record: every training and production entry it counts and the latest
    ///   assessment of each unit (its standing), with their corrections;
    /// - the export itself: the person's registration, transfers and release, with their corrections (the
    ///   subject's identity and standing).
    /// A credential whose events cannot be found gets none, which the verifier reports.
    static func exportSources(_ portfolio: Portfolio, plan: ExportPlan, events: [LedgerEvent])
        -> [(credentialID: String, sequences: [Int64])]
    {
        var recordOfEvent: [UUID: UUID] = [:]
        var sequencesOfRecord: [UUID: [Int64]] = [:]
        let person = portfolio.person.id
        func note(_ record: UUID, _ event: LedgerEvent) {
            recordOfEvent[event.id] = record
            sequencesOfRecord[record, default: []].append(event.sequence)
        }
        for event in events.sorted(by: { $0.sequence < $1.sequence }) {
            switch event.payload {
            case .personAdded, .transferred, .released: note(person, event)
            case .assessmentRecorded(let record): note(record.id, event)
            case .certificateRecorded(let record): note(record.id, event)
            case .trainingRecorded(let record): note(record.id, event)
            case .productionRecorded(let record): note(record.id, event)
            case .corrected(let correction):
                if let record = recordOfEvent[correction.correctedEventID] { note(record, event) }
            default: break
            }
        }
        func sequences(_ records: [UUID]) -> [Int64] {
            Array(Set(records.flatMap { sequencesOfRecord[$0] ?? [] })).sorted()
        }
        let latest = portfolio.latestAssessmentByUnit.values
        let competencies = latest.filter { $0.outcome == .kompeten }
        var ids: [String: [UUID]] = [:]
        for assessment in competencies { ids["urn:uuid:" + assessment.id.uuidString.lowercased()] = [assessment.id] }
        for certificate in portfolio.certificates { ids["urn:uuid:" + certificate.id.uuidString.lowercased()] = [certificate.id] }
        ids[plan.exportID] = [person]
        let recordSources = portfolio.training.map(\.id) + portfolio.production.map(\.id) + latest.map(\.id)
        return plan.credentialIDs.map { id in (id, sequences(ids[id] ?? recordSources)) }
    }
}
