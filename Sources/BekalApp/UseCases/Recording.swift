import BekalDomain
import Foundation
import Logging

extension FacilityApp {
    /// Appends one record, with the evidence files it names, all or nothing: the files are stored first (the
    /// record names them by hash), and if the ledger then refuses the record, the files this call added are
    /// removed again, so a refused command leaves nothing behind.
    /// - Parameter build: makes the payload from the stored evidence (in the order of `uploads`).
    func record(
        storing uploads: [EvidenceUpload] = [], context: ActionContext,
        _ build: ([Evidence]) async throws -> LedgerPayload
    ) async throws -> LedgerEvent {
        try await recordAll(storing: uploads, context: context) { [try await build($0)] }[0]
    }

    /// Appends several payloads in one transaction (all or none), with the evidence files they name.
    func recordAll(
        storing uploads: [EvidenceUpload] = [], context: ActionContext,
        _ build: ([Evidence]) async throws -> [LedgerPayload]
    ) async throws -> [LedgerEvent] {
        // Who acts is checked before any file is stored; what they may record once the records are built.
        let account = try await actingAccount(context)
        if let account, account.role == .viewer { try await authorize(.addPerson, context: context) }
        var stored: [(evidence: Evidence, isNew: Bool)] = []
        do {
            for upload in uploads {
                stored.append(try await evidence.store(upload.bytes, mediaType: upload.mediaType,
                                                       description: upload.description))
            }
            let payloads = try await build(stored.map(\.evidence))
            try await authorize(records: payloads, account: account)
            let result = try await storage.append(payloads.map { LedgerEntry($0) }, actor: context.actor,
                                                  recordedAt: context.now)
            guard result.appended.count == payloads.count else {
                throw AppError(.storage, "the events were not appended", reason: .eventsNotAppended)
            }
            for event in result.appended {
                logger.info("record appended", metadata: ["event.type": "\(event.type)", "event.sequence": "\(event.sequence)"])
            }
            return result.appended
        } catch {
            for item in stored where item.isNew { await evidence.discard(item.evidence) }
            throw error
        }
    }
}
