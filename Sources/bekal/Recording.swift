import BekalDomain
import BekalStore
import Foundation

/// Appends one payload for a write command and prints the new event's id.
enum Recording {
    @discardableResult
    static func append(_ payload: LedgerPayload, ledger: Ledger, global: GlobalOptions) throws -> LedgerEvent {
        let event = try ledger.append(payload, actor: global.resolvedActor, facilityCode: try ledger.facility().code,
                                      recordedAt: Date())
        print("Recorded \(event.type) as event \(event.sequence) (\(event.id.uuidString.lowercased()))")
        return event
    }
}
