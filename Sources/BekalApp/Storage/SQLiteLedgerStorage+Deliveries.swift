import BekalDomain
import BekalStore
import Foundation

extension SQLiteLedgerStorage: DeliveryStorage {
    public func enqueueDelivery(
        id: UUID, destination: String, facilityCode: String, body: Data, at: Date, kind: DeliveryKind, person: UUID?
    ) async throws {
        try await run {
            try ledger.enqueueDelivery(
                id: id, destination: destination, facilityCode: facilityCode, body: body, at: at, kind: kind,
                person: person)
        }
    }

    public func deliveries(destination: String?) async throws -> [QueuedReport] {
        try await run { try ledger.deliveries(destination: destination) }
    }

    public func recentDeliveries(limit: Int) async throws -> [DeliveryStatus] {
        try await run { try ledger.recentDeliveries(limit: limit) }
    }

    public func deliveryDestinations() async throws -> [String] {
        try await run { try ledger.deliveryDestinations() }
    }

    public func claimNextDelivery(destination: String, holder: String, until: Date, now: Date, reclaiming: Set<String>)
        async throws -> QueuedReport?
    {
        try await run {
            try ledger.claimNextDelivery(destination: destination, holder: holder, until: until, now: now, reclaiming: reclaiming)
        }
    }

    public func updateDelivery(_ id: UUID, state: QueuedReport.State, error: String?, at: Date) async throws {
        try await run { try ledger.updateDelivery(id, state: state, error: error, at: at) }
    }

    public func releaseDelivery(_ id: UUID, holder: String) async throws {
        try await run { try ledger.releaseDelivery(id, holder: holder) }
    }
}
