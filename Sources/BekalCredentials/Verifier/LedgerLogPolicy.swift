import BekalJSON
import BekalLog
import Foundation

/// The export's ledger log proof (`ledgerLog`, `LedgerLogEvidence`) holds: on the outer credential, its checkpoint
/// is signed by a key trusted for the export's issuer (the trust list's keys valid when the export was signed, or
/// the `--issuer` did:key) and names only credentials of the export; on every credential, the events it lists each
/// have an inclusion proof that leads to the checkpoint's root. A proof that does not verify makes the export
/// INVALID, and the failure names the credential (so a page can mark its row). When no key at all is trusted for
/// the issuer, the checkpoint cannot be judged: that failure is `checkpoint-issuer-untrusted`, which the summary
/// counts as an untrusted issuer (a checkpoint signed by another key than a trusted issuer's is
/// `checkpoint-not-signed`, altered or forged).
///
/// An export without the member (made before Bekal 0.3) is not failed: the check is skipped and says so. The
/// member sits under the export's own proof, so it cannot be removed or changed without breaking that proof.
public struct LedgerLogPolicy: VerificationPolicy {
    /// The check's name in records and output: `ledger-log`.
    public let name = "ledger-log"
    /// Creates the policy; it holds no state.
    public init() {}

    /// Checks the export's `ledgerLog` member: the signed checkpoint and the inclusion proofs of the credential's events.
    public func check(_ credential: CredentialUnderCheck, context: VerificationContext) -> [CheckRecord] {
        let outer = credential.container ?? credential.document
        guard let member = outer[LedgerLogEvidence.member] else {
            return credential.isEmbedded ? [] : [credential.record(
                name, .skipped, .noLogProof, "the export carries no ledger log proof (made before Bekal 0.3)")]
        }
        let evidence: LedgerLogEvidence
        let note: SignedNote
        let checkpoint: Checkpoint
        do {
            // The export's own check reads every record (a malformed one fails the export); an embedded
            // credential reads only its own events.
            evidence = try LedgerLogEvidence(
                json: member, onlyEventsOf: credential.isEmbedded ? credential.document["id"]?.stringValue ?? "" : nil)
            note = try SignedNote(parsing: evidence.checkpoint)
            checkpoint = try Checkpoint(parsing: note.text)
        } catch {
            // Reported once, on the export: the embedded credentials' own checks have nothing to stand on.
            return credential.isEmbedded ? [] : [credential.record(
                name, .failed, .logProofMalformed, "the ledger log proof cannot be read: \(Self.message(error))")]
        }
        var records: [CheckRecord] = []
        if !credential.isEmbedded {
            records.append(checkpointRecord(note, checkpoint, credential, context))
            let held = Set(([outer] + Self.embedded(outer)).compactMap { $0["id"]?.stringValue })
            if evidence.records.contains(where: { !held.contains($0.credentialID) }) {
                records.append(credential.record(
                    name, .failed, .logProofUnknownCredential,
                    "the ledger log proof lists events for a credential the export does not hold"))
            }
        }
        return records + inclusionRecords(evidence, checkpoint, credential)
    }

    /// The checkpoint's signature, checked with every key trusted for the issuer when the export was signed.
    private func checkpointRecord(
        _ note: SignedNote, _ checkpoint: Checkpoint, _ credential: CredentialUnderCheck, _ context: VerificationContext
    ) -> CheckRecord {
        let described = "the checkpoint of \(checkpoint.treeHead.size) events of log \(String(checkpoint.origin.prefix(80)))"
        let keys = Self.trustedKeys(credential, context)
        guard !keys.isEmpty else {
            // Not a finding about the checkpoint: the issuer is untrusted (`issuer-trust` fails too), so there is
            // no key to judge it by. A distinct code keeps the verdict's cause "untrusted issuer", not "altered".
            return credential.record(
                name, .failed, .checkpointIssuerUntrusted,
                "no key trusted for the issuer to check \(described) with: the issuer is not trusted")
        }
        let verifiers: [any NoteVerifier]
        do {
            verifiers = try keys.map { try $0.noteVerifier(name: checkpoint.origin) }
        } catch {
            return credential.record(
                name, .failed, .logProofMalformed, "the checkpoint's origin is not a valid key name")
        }
        switch CheckpointVerifier(origin: checkpoint.origin, logKeys: verifiers).verify(note) {
        case .verified:
            return credential.record(name, .passed, .checkpointSigned, "\(described) is signed by the issuer's key")
        case .rejected:
            return credential.record(
                name, .failed, .checkpointNotSigned, "\(described) is not signed by a key trusted for the issuer")
        }
    }

    /// Every event listed for this credential is in the checkpoint's tree.
    private func inclusionRecords(
        _ evidence: LedgerLogEvidence, _ checkpoint: Checkpoint, _ credential: CredentialUnderCheck
    ) -> [CheckRecord] {
        let events = credential.document["id"]?.stringValue.map(evidence.events(of:)) ?? []
        guard !events.isEmpty else {
            return [credential.record(
                name, .failed, .logProofMissing, "the ledger log proof lists no event for this credential")]
        }
        let head = checkpoint.treeHead
        var failures: [CheckRecord] = []
        for event in events {
            // `LedgerLogEvidence` reads sequences from 1; one beyond the tree is refused by `verifyInclusion`.
            let check = MerkleProof.verifyInclusion(
                leafHash: MerkleHashing.leafHash(entry: event.leafEntry), index: UInt64(event.sequence - 1),
                size: head.size, proof: event.inclusionProof, root: head.root)
            if case .invalid(let failure) = check {
                failures.append(credential.record(
                    name, .failed, .inclusionProofInvalid,
                    "the inclusion proof of event \(event.sequence) does not lead to the checkpoint's root "
                        + "(\(head.size) events; \(failure.reason.rawValue))"))
            }
        }
        if !failures.isEmpty { return failures }
        return [credential.record(
            name, .passed, .includedInLog,
            "\(events.count) event(s) (\(Self.sequences(events))) are in the checkpoint's tree of \(head.size)")]
    }

    /// The keys bound to the issuer and valid when one of the export's proofs was created, or the issuer's own
    /// did:key when it is trusted to sign for itself.
    static func trustedKeys(_ credential: CredentialUnderCheck, _ context: VerificationContext) -> [DIDKey] {
        guard let issuer = credential.issuerID else { return [] }
        var keys: [DIDKey] = []
        if context.trust.selfSigningIssuers.contains(issuer), let own = try? DIDKey(issuer) { keys.append(own) }
        let created = credential.proofs.proofs.compactMap(\.created)
        for window in context.trust.trustList?.keys(for: issuer) ?? []
        where created.contains(where: window.covers) && !keys.contains(window.didKey) {
            keys.append(window.didKey)
        }
        return keys
    }

    static func embedded(_ outer: JSONObject) -> [JSONObject] {
        (outer["credentialSubject"]?["verifiableCredential"]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    /// `17, 20, 31` or `17, 20, … (140 events)`.
    static func sequences(_ events: [LedgerLogEvidence.Event]) -> String {
        let shown = events.prefix(5).map { String($0.sequence) }.joined(separator: ", ")
        return events.count > 5 ? "\(shown), …" : shown
    }

    static func message(_ error: any Error) -> String {
        switch error {
        case let error as CredentialError: error.message
        case let error as LogError: error.message
        default: "unreadable"
        }
    }
}
