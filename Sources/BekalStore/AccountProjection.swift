import BekalDomain
import Foundation
import GRDB

/// The `account` and `caseload` tables kept in step with the ledger's account events: `check` refuses an event
/// that contradicts the accounts recorded so far, `apply` updates the tables (in the append's transaction and
/// during a rebuild).
enum AccountProjection {
    static func check(_ event: AccountEvent, _ db: Database) throws {
        let existing = try Row.fetchOne(db, sql: "SELECT role, active FROM account WHERE name = ?",
                                        arguments: [event.account])
        switch event.action {
        case .created:
            if existing != nil { throw StoreError(.conflict, "an account with this name already exists") }
        case .roleChanged, .disabled, .enabled:
            guard existing != nil else { throw StoreError(.notFound, "unknown account") }
        case .caseloadAssigned:
            guard let existing else { throw StoreError(.notFound, "unknown account") }
            guard (existing["role"] as String) == StaffRole.counselor.rawValue, (existing["active"] as Int) == 1 else {
                throw StoreError(.conflict, "a caseload is assigned to an active counselor account")
            }
            guard let personID = event.personID,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [Projection.key(personID)]) == true
            else { throw StoreError(.notFound, "unknown person") }
        }
    }

    static func apply(_ event: AccountEvent, eventID: UUID, _ db: Database) throws {
        let id = Projection.key(eventID)
        switch event.action {
        case .created:
            try db.execute(sql: """
                INSERT INTO account (name, role, display_name, active, event_id) VALUES (?, ?, ?, 1, ?)
                """, arguments: [event.account, event.role?.rawValue, event.displayName, id])
        case .roleChanged:
            try db.execute(sql: "UPDATE account SET role = ? WHERE name = ?",
                           arguments: [event.role?.rawValue, event.account])
        case .disabled, .enabled:
            try db.execute(sql: "UPDATE account SET active = ? WHERE name = ?",
                           arguments: [event.action == .enabled ? 1 : 0, event.account])
        case .caseloadAssigned:
            guard let personID = event.personID else { return }
            try db.execute(sql: "INSERT OR REPLACE INTO caseload (person_id, counselor, event_id) VALUES (?, ?, ?)",
                           arguments: [Projection.key(personID), event.account, id])
        }
    }
}
