import BekalCredentials
import BekalDomain
import BekalJSON
import Foundation

/// A signed status list, ready to be published.
public struct SignedStatusList: Sendable {
    /// Where it is to be published (the exports' `statusListCredential`).
    public var url: String
    /// How many credentials it marks revoked.
    public var revoked: Int
    /// How many credentials it covers (every index allocated on the list).
    public var credentials: Int
    /// The file's bytes.
    public var bytes: [UInt8]
}

extension FacilityApp {
    /// Revokes an exported credential (`credential.revoked`); the next status list sets its bit, and the new list
    /// is queued for every Bapas this facility has delivered portfolios to (`deliveryDestinations(context:)`; sent by
    /// `deliverPending`).
    /// - Parameter credentialID: the `urn:uuid:` id of an export or of an embedded credential (`history` and
    ///   `bekal verify` show them), with or without the `urn:uuid:` prefix, or the id of the assessment or
    ///   certificate event it was made from (also in `history`).
    /// - Throws: invalid input (not a credential id), not found (no export carried it), conflict (already revoked).
    public func revoke(credentialID: String, reason: String, context: ActionContext) async throws -> LedgerEvent {
        var id = try Self.credentialID(credentialID)
        let reason = try TypedInput.text(reason, field: "reason", maxLength: 500, multiline: true)
        if try await !storage.hasStatusIndex(credentialID: id), let eventID = UUID(uuidString: String(id.dropFirst(9))),
            let event = try? await storage.event(id: eventID), let record = HistoryText.recordID(event.payload)
        {
            id = "urn:uuid:" + record.uuidString.lowercased()
        }
        guard try await storage.hasStatusIndex(credentialID: id) else {
            throw AppError(.notFound, "no exported credential has this id", field: "credential", reason: .notExported)
        }
        let event = try await record(context: context) { _ in
            .credentialRevoked(CredentialRevocation(credentialID: id, reason: reason))
        }
        // A Bapas that received a portfolio must learn of the withdrawal without waiting for another portfolio.
        try await queueStatusListDeliveries(context: context)
        return event
    }

    /// A credential id as typed: `urn:uuid:…` or the bare UUID, in the lowercase form exports use.
    static func credentialID(_ typed: String) throws(AppError) -> String {
        var text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if !text.hasPrefix("urn:uuid:") { text = "urn:uuid:" + text }
        guard UUID(uuidString: String(text.dropFirst(9))) != nil else {
            throw AppError(.invalidInput, "CREDENTIAL-ID: expected a urn:uuid: id", field: "credential")
        }
        return text
    }

    /// The facility's signed `BitstringStatusListCredential`, with every revoked credential's bit set. Admin only
    /// (it is signed with the facility's key); an export carries the list through `signedStatusList(now:)`.
    public func statusList(context: ActionContext) async throws -> SignedStatusList {
        try await authorize(.administer, context: context)
        return try await signedStatusList(now: context.now)
    }

    /// The signed status list, for a use case that has already authorized its own action (an export that
    /// carries the list or verifies against it).
    func signedStatusList(now: Date) async throws -> SignedStatusList {
        let setup = try await issuerSetup()
        let indices = try await storage.statusIndices(listURL: setup.statusListURL)
        let revoked = try await storage.revokedCredentials().keys.filter { indices[$0] != nil }
        let allocation = StatusAllocation(listURL: setup.statusListURL, indices: indices)
        let document = try StatusListCredential.make(
            id: setup.statusListURL, issuer: setup.issuerID, list: try allocation.statusList(revoked: revoked),
            key: setup.key, now: now)
        return SignedStatusList(url: setup.statusListURL, revoked: revoked.count, credentials: indices.count,
                                bytes: JSONWriter.serialize(.object(document), pretty: true))
    }
}
