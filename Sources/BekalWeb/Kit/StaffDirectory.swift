import BekalApp
import BekalDomain

/// Who may sign in: what the session and login pieces need from an application (the facility's `FacilityApp`;
/// a Bapas office's app later).
public protocol StaffDirectory: Sendable {
    /// The active account whose password this is. - Throws: `AppError.permission`, the same for every failure.
    func authenticate(account: String, password: String) async throws -> StaffAccount
    /// The account of that name, `nil` when there is none.
    func account(named name: String) async throws -> StaffAccount?
}

extension FacilityApp: StaffDirectory {}
