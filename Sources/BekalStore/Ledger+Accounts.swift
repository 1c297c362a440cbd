import BekalDomain
import Foundation
import GRDB
import Logging

extension Ledger {
    /// Every staff account, by name.
    public func accounts() throws -> [StaffAccount] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name, a.role, a.display_name, a.active, p.name IS NOT NULL AS has_password
                FROM account a LEFT JOIN account_password p ON p.name = a.name ORDER BY a.name
                """).map(Ledger.account(from:))
        }
    }

    /// One staff account, `nil` when there is none of that name.
    public func account(named name: String) throws -> StaffAccount? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT a.name, a.role, a.display_name, a.active, p.name IS NOT NULL AS has_password
                FROM account a LEFT JOIN account_password p ON p.name = a.name WHERE a.name = ?
                """, arguments: [name]).map(Ledger.account(from:))
        }
    }

    /// How many accounts exist (none in a ledger made before accounts).
    public func accountCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM account") ?? 0 }
    }

    /// The stored password hash (bcrypt, modular crypt format) of an account, `nil` when none is set.
    public func passwordHash(of name: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT hash FROM account_password WHERE name = ?", arguments: [name]) }
    }

    /// Sets or replaces an account's password hash, in one transaction that also checks the account exists.
    /// The hash is outside the append-only ledger: it is replaced, never kept.
    /// - Throws: `StoreError.notFound` for an unknown account.
    public func setPasswordHash(_ hash: String, of name: String, at time: Date) throws {
        try Ledger.mapErrors {
            try writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) == true else {
                    throw StoreError(.notFound, "unknown account")
                }
                try db.execute(sql: """
                    INSERT INTO account_password (name, hash, changed_at) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, changed_at = excluded.changed_at
                    """, arguments: [name, hash, PayloadCoding.timestamp(time)])
            }
        }
        logger.info("account password set")
    }

    /// The counselor responsible for each person who has one, by person id.
    public func caseloadAssignments() throws -> [UUID: String] {
        try read { db in
            var result: [UUID: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT person_id, counselor FROM caseload") {
                if let id = UUID(uuidString: row["person_id"]) { result[id] = row["counselor"] }
            }
            return result
        }
    }

    /// The counselor responsible for one person, `nil` when none is assigned.
    public func counselor(of personID: UUID) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT counselor FROM caseload WHERE person_id = ?",
                                arguments: [Projection.key(personID)])
        }
    }

    /// The ids of the people a counselor is responsible for.
    public func caseload(of counselor: String) throws -> Set<UUID> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT person_id FROM caseload WHERE counselor = ?", arguments: [counselor])
                .compactMap(UUID.init(uuidString:)))
        }
    }

    static func account(from row: Row) throws -> StaffAccount {
        guard let role = StaffRole(rawValue: row["role"]) else {
            throw StoreError(.corrupted, "an account row has an unknown role")
        }
        return StaffAccount(name: row["name"], role: role, displayName: row["display_name"],
                            isActive: (row["active"] as Int) == 1, hasPassword: (row["has_password"] as Int) == 1)
    }
}
