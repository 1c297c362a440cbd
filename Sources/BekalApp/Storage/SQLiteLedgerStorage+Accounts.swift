import BekalDomain
import BekalStore
import Foundation

/// The account reads and password writes of the SQLite ledger (`BekalStore.Ledger+Accounts`).
extension SQLiteLedgerStorage {
    public func accounts() async throws -> [StaffAccount] { try await run { try ledger.accounts() } }

    public func account(named name: String) async throws -> StaffAccount? {
        try await run { try ledger.account(named: name) }
    }

    public func accountCount() async throws -> Int { try await run { try ledger.accountCount() } }

    public func passwordHash(of name: String) async throws -> String? {
        try await run { try ledger.passwordHash(of: name) }
    }

    public func setPasswordHash(_ hash: String, of name: String, at time: Date) async throws {
        try await run { try ledger.setPasswordHash(hash, of: name, at: time) }
    }

    public func caseloadAssignments() async throws -> [UUID: String] {
        try await run { try ledger.caseloadAssignments() }
    }

    public func counselor(of personID: UUID) async throws -> String? {
        try await run { try ledger.counselor(of: personID) }
    }
}
