import BekalDomain
import Foundation
import GRDB
import Logging
import Testing
@testable import BekalStore

/// Migration v11 records what a queued delivery carries and for whom; deliveries queued before it get their kind
/// from their body and no person.
@Suite("The delivery kind and person migration")
struct DeliveryKindMigrationTests {
    @Test("deliveries queued at the v10 schema keep their rows and get their kind from the body's type")
    func backfillsKinds() throws {
        let queue = try DatabaseQueue(configuration: Ledger.configuration())
        try LedgerSchema.migrator.migrate(queue, upTo: "v10-natural-key-by-person")
        let bodies: [(UUID, String)] = [
            (UUID(), #"{"export":"e30=","type":"BekalPortfolioDelivery","version":1}"#),
            (UUID(), #"{"statusList":"e30=","type":"BekalStatusListDelivery","version":1}"#),
            // Not JSON: the migration must not stop on it, and it stays a portfolio.
            (UUID(), "not json"),
        ]
        try queue.write { db in
            for (offset, (id, body)) in bodies.enumerated() {
                try db.execute(sql: """
                    INSERT INTO portfolio_delivery (delivery_id, destination, facility_code, body, state, enqueued_at,
                        updated_at) VALUES (?, 'http://127.0.0.1:9/terima', 'LAPAS-UJI', ?, 'pending', ?, ?)
                    """, arguments: [Projection.key(id), Data(body.utf8), "2026-11-2\(offset)T00:00:00Z",
                                     "2026-11-2\(offset)T00:00:00Z"])
            }
        }
        let ledger = try Ledger(home: nil, writer: queue, logger: Logger(label: "test"))
        let recent = try ledger.recentDeliveries(limit: 10)
        #expect(recent.map(\.id) == bodies.reversed().map(\.0))
        #expect(recent.map(\.kind) == [.portfolio, .statusList, .portfolio])
        #expect(recent.allSatisfy { $0.person == nil })
        // The bodies are untouched.
        #expect(try ledger.deliveries().map { String(decoding: $0.body, as: UTF8.self) } == bodies.map(\.1))
    }
}
