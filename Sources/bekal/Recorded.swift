import BekalCredentials
import Foundation
import BekalDomain

/// The line every recording command prints: the event's kind, place and id (the id `correct` and `history` use).
enum Recorded {
    static func print(_ event: LedgerEvent) {
        Swift.print("Recorded \(event.type) as event \(event.sequence) (\(event.id.uuidString.lowercased()))")
    }
}
