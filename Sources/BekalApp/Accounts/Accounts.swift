import BekalDomain
import Foundation
import Logging

/// A staff account to create, as typed.
public struct NewAccount: Sendable {
    /// The account name stamped on events (`wali.sari`).
    public var name: String
    /// What the account may do (admin, counselor, assessor, viewer or pk).
    public var role: StaffRole
    /// The name shown in the interface, if any.
    public var displayName: String?
    /// The first password; an account without one can act only from the CLI until one is set.
    public var password: Password?

    /// - Parameters: the account as the admin typed it.
    public init(name: String, role: StaffRole, displayName: String? = nil, password: Password? = nil) {
        self.name = name
        self.role = role
        self.displayName = displayName
        self.password = password
    }
}

extension FacilityApp {
    /// Every staff account, by name.
    public func accounts(context: ActionContext) async throws -> [StaffAccount] {
        try await authorize(.read, context: context)
        return try await storage.accounts()
    }

    /// How many active accounts have a password (the web server warns at start when none can sign in).
    public func accountsAbleToSignIn() async throws -> Int {
        try await storage.accounts().count { $0.isActive && $0.hasPassword }
    }

    /// One account, `nil` when there is none of that name (for the web interface's session check).
    public func account(named name: String) async throws -> StaffAccount? { try await storage.account(named: name) }

    /// Creates a staff account (`account.created`) and sets its password if given. Only an admin may, except in a
    /// data directory that has no account yet: there the first account must be an admin, and it is recorded as
    /// created by itself, so that no event ever names an account that does not exist.
    /// - Throws: invalid input (name, display name), conflict (the name is taken), permission.
    public func createAccount(_ input: NewAccount, context: ActionContext) async throws -> LedgerEvent {
        let name = try Self.accountName(input.name)
        let displayName = try TypedInput.optionalText(input.displayName, field: "display name", maxLength: 100)
        let created = LedgerPayload.account(AccountEvent(action: .created, account: name, role: input.role,
                                                         displayName: displayName))
        let event: LedgerEvent
        if try await storage.accountCount() == 0 {
            guard input.role == .admin else {
                throw AppError(.usage, "the first account of a facility must be an admin (--role admin)", field: "role",
                               reason: .firstAccountAdmin)
            }
            let first = ActionContext(actor: try Actor(account: name), now: context.now)
            event = try await record(context: first) { _ in created }
        } else {
            event = try await record(context: context) { _ in created }
        }
        if let password = input.password { try await storePassword(password, of: name, at: context.now) }
        logger.notice("account created", metadata: ["account.role": "\(input.role.rawValue)"])
        return event
    }

    /// Gives an account another role (`account.role-changed`). Admin only.
    public func changeRole(of name: String, to role: StaffRole, context: ActionContext) async throws -> LedgerEvent {
        let name = try await existingAccount(name).name
        return try await record(context: context) { _ in
            .account(AccountEvent(action: .roleChanged, account: name, role: role))
        }
    }

    /// Disables an account (`account.disabled`): it can no longer sign in or record; its sessions end at their
    /// next request. Admin only; an admin cannot disable their own account (someone must stay able to undo it).
    public func disableAccount(_ name: String, context: ActionContext) async throws -> LedgerEvent {
        let name = try await existingAccount(name).name
        guard name != context.actor.account else {
            throw AppError(.conflict, "you cannot disable your own account", field: "account", reason: .cannotDisableSelf)
        }
        return try await record(context: context) { _ in .account(AccountEvent(action: .disabled, account: name)) }
    }

    /// Enables a disabled account again (`account.enabled`). Admin only.
    public func enableAccount(_ name: String, context: ActionContext) async throws -> LedgerEvent {
        let name = try await existingAccount(name).name
        return try await record(context: context) { _ in .account(AccountEvent(action: .enabled, account: name)) }
    }

    /// Sets an account's password (its bcrypt hash, kept outside the ledger). An admin may set anyone's; any
    /// account its own.
    public func setPassword(_ password: Password, of name: String, context: ActionContext) async throws {
        let target = try await existingAccount(name).name
        if target != context.actor.account { try await authorize(.administer, context: context) } else {
            _ = try await actingAccount(context)
        }
        try await storePassword(password, of: target, at: context.now)
        logger.notice("account password changed")
    }

    /// Changes the acting account's own password, given the current one (the web interface's form: a session
    /// left open on a shared PC must not be enough to take the account over).
    public func changeOwnPassword(current: String, new password: Password, context: ActionContext) async throws {
        _ = try await authenticate(account: context.actor.account, password: current)
        try await storePassword(password, of: context.actor.account, at: context.now)
        logger.notice("account password changed")
    }

    /// Checks an account's password. The answer is the same for an unknown account, a wrong password, an account
    /// without a password and a disabled account, and takes as long, so it tells nothing about which accounts exist.
    /// - Returns: the active account.
    /// - Throws: `AppError.permission` ("wrong account name or password").
    public func authenticate(account name: String, password: String) async throws -> StaffAccount {
        let account = AccountName.isValid(name) ? try await storage.account(named: name) : nil
        let hash = try await account.asyncMap { try await storage.passwordHash(of: $0.name) } ?? nil
        let matches = await PasswordHashing.verify(password, hash: hash)
        guard matches, let account, account.isActive else {
            logger.notice("sign-in refused")
            throw AppError(.permission, "wrong account name or password", field: "password", reason: .wrongPassword)
        }
        return account
    }

    /// Makes `counselor` responsible for a person (`caseload.assigned`); a transfer to another counselor is the
    /// same event. Admin only; the counselor must be an active counselor account.
    public func assignCaseload(_ person: PersonReference, to counselor: String, context: ActionContext) async throws
        -> LedgerEvent
    {
        let account = try await existingAccount(counselor)
        guard account.role == .counselor, account.isActive else {
            throw AppError(.conflict, "a caseload is assigned to an active counselor account", field: "counselor",
                           reason: .counselorRequired)
        }
        let person = try await storage.person(person)
        return try await record(context: context) { _ in
            .account(AccountEvent(action: .caseloadAssigned, account: account.name, personID: person.id))
        }
    }

    /// The responsible counselor of every person who has one. Any active account may read them.
    /// - Throws: permission for an unknown or disabled account or a PK.
    public func caseloadAssignments(context: ActionContext) async throws -> [UUID: String] {
        try await authorize(.read, context: context)
        return try await storage.caseloadAssignments()
    }

    /// The responsible counselor of one person, if any. Any active account may read it.
    /// - Throws: permission for an unknown or disabled account or a PK.
    public func counselor(of personID: UUID, context: ActionContext) async throws -> String? {
        try await authorize(.read, context: context)
        return try await storage.counselor(of: personID)
    }

    private func existingAccount(_ name: String) async throws -> StaffAccount {
        let name = try Self.accountName(name)
        guard let account = try await storage.account(named: name) else {
            throw AppError(.notFound, "unknown account", field: "account", reason: .unknownAccount)
        }
        return account
    }

    private func storePassword(_ password: Password, of name: String, at time: Date) async throws {
        try await storage.setPasswordHash(await PasswordHashing.hash(password), of: name, at: time)
    }

    /// An account name as typed.
    static func accountName(_ text: String) throws(AppError) -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard AccountName.isValid(name) else {
            throw AppError(.invalidInput, "account: use 1 to 64 letters, digits, '.', '_', '@' or '-'", field: "account",
                           reason: .accountName)
        }
        return name
    }
}
