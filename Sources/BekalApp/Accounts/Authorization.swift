import BekalDomain
import Foundation
import Logging

extension FacilityApp {
    /// The acting account, checked: it must exist and be active. A ledger made before accounts existed (none
    /// recorded yet) has no one to check against; it returns `nil` then and every action is allowed, as before.
    /// - Throws: `AppError.permission` for an unknown or disabled account.
    public func actingAccount(_ context: ActionContext) async throws -> StaffAccount? {
        if let account = try await storage.account(named: context.actor.account) {
            guard account.isActive else {
                throw AppError(.permission, "the acting account is disabled", field: "actor", reason: .accountDisabled)
            }
            return account
        }
        guard try await storage.accountCount() == 0 else {
            throw AppError(
                .permission,
                "the acting account does not exist in this facility; act as your account (--actor or $BEKAL_ACCOUNT; "
                    + "`bekal user list` shows them)", field: "actor")
        }
        return nil
    }

    /// Refuses unless the acting account may act with `permission`.
    /// - Throws: `AppError.permission`, naming the rule broken (never the person).
    public func authorize(_ permission: Permission, context: ActionContext) async throws {
        guard let account = try await actingAccount(context) else { return }
        try await authorize(permission, account: account)
    }

    /// Whether the acting account may act with `permission` (for showing buttons; the action checks again).
    public func allows(_ permission: Permission, account: StaffAccount) async throws -> Bool {
        guard account.isActive else { return false }
        let counselor = try await permission.personID.asyncMap { try await storage.counselor(of: $0) } ?? nil
        return AccessPolicy.allows(account, permission, counselor: counselor)
    }

    private func authorize(_ permission: Permission, account: StaffAccount) async throws {
        guard try await allows(permission, account: account) else {
            logger.notice("action refused", metadata: ["account.role": "\(account.role.rawValue)",
                                                       "permission": "\(Self.name(of: permission))"])
            throw Self.refusal(permission, role: account.role)
        }
    }

    /// Checks a batch of records before it is written: people added in the same batch are covered by the right
    /// to add them (their verification code, their assignment to the counselor adding them).
    func authorize(records payloads: [LedgerPayload], account: StaffAccount?) async throws {
        guard let account else { return }
        var added = Set<UUID>()
        for payload in payloads {
            if case .personAdded(let person) = payload {
                try await authorize(.addPerson, account: account)
                added.insert(person.id)
                continue
            }
            if let person = payload.personID, added.contains(person) {
                if case .account(let event) = payload, event.account != account.name {
                    try await authorize(.administer, account: account)
                }
                continue
            }
            try await authorize(Permission.toRecord(payload), account: account)
        }
    }

    private static func name(of permission: Permission) -> String {
        switch permission {
        case .read: "read"
        case .addPerson: "add-person"
        case .recordFor: "record"
        case .assess: "assess"
        case .export: "export"
        case .administer: "administer"
        }
    }

    private static func refusal(_ permission: Permission, role: StaffRole) -> AppError {
        switch (permission, role) {
        case (.recordFor, .counselor), (.assess, .counselor), (.export, .counselor):
            AppError(.permission, "this person is not in your caseload; ask an admin to assign them to you",
                     reason: .notInCaseload)
        case (.administer, _):
            AppError(.permission, "only an admin may do this", reason: .adminOnly)
        default:
            AppError(.permission, "your role (\(role.rawValue)) may not do this", reason: .roleMayNot)
        }
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
