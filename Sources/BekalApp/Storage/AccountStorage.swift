import BekalDomain
import Foundation

/// What the use cases need to know about staff accounts: the accounts and caseloads the ledger's account events
/// leave (projections), and the password hashes kept beside the ledger. Every `LedgerStorage` provides it.
public protocol AccountStorage: Sendable {
    /// Every staff account, by name.
    func accounts() async throws -> [StaffAccount]
    /// One account, `nil` when there is none of that name.
    func account(named name: String) async throws -> StaffAccount?
    /// How many accounts exist (none in a ledger made before accounts).
    func accountCount() async throws -> Int
    /// An account's bcrypt hash, `nil` when no password is set.
    func passwordHash(of name: String) async throws -> String?
    /// Sets or replaces an account's password hash (outside the append-only ledger). - Throws: not found.
    func setPasswordHash(_ hash: String, of name: String, at time: Date) async throws
    /// The responsible counselor of every person who has one.
    func caseloadAssignments() async throws -> [UUID: String]
    /// The responsible counselor of one person, `nil` when none is assigned.
    func counselor(of personID: UUID) async throws -> String?
}
