import BekalDomain
import Foundation

extension FacilityApp {
    /// How many events the ledger holds.
    public func eventCount(context: ActionContext) async throws -> Int {
        try await authorize(.read, context: context)
        return try await storage.eventCount()
    }
}
