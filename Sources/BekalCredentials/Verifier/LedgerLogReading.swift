import BekalJSON
import BekalLog

/// An export's ledger log proof (`ledgerLog`) read once per verification and shared by the checks of the outer
/// credential and of every embedded one: each needs the same checkpoint and events, and reading the member again
/// for every credential cost more than all of the export's signatures together.
struct LedgerLogReading: Sendable {
    /// What the member holds, read and parsed.
    struct Contents: Sendable {
        var evidence: LedgerLogEvidence
        var note: SignedNote
        var checkpoint: Checkpoint
    }

    /// Why the member cannot be read, in words that name no document content.
    struct Unreadable: Error {
        var message: String
    }

    /// `nil` when the export has no `ledgerLog` member; else its contents or why they cannot be read.
    let contents: Result<Contents, Unreadable>?

    /// Reads the `ledgerLog` member of `export` (the outer credential).
    init(export: JSONObject) {
        guard let member = export[LedgerLogEvidence.member] else {
            contents = nil
            return
        }
        do {
            let evidence = try LedgerLogEvidence(json: member)
            let note = try SignedNote(parsing: evidence.checkpoint)
            contents = .success(Contents(evidence: evidence, note: note, checkpoint: try Checkpoint(parsing: note.text)))
        } catch {
            contents = .failure(Unreadable(message: LedgerLogPolicy.message(error)))
        }
    }
}
