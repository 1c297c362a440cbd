import BekalDomain
import Foundation

/// What an action needs the acting account to be allowed. The web interface asks the same questions before
/// showing a form or a button (`AccessPolicy.allows`); the use cases ask them again before writing.
public enum Permission: Sendable, Hashable {
    /// Read pages and lists.
    case read
    /// Add a person to the programme.
    case addPerson
    /// Record about one person: training, production, certificates, corrections, remisi, release, transfer.
    case recordFor(UUID)
    /// Record an assessment of one person, or attach evidence to one.
    case assess(UUID)
    /// Export one person's portfolio (it leaves the facility).
    case export(UUID)
    /// Accounts, caseloads, keys (and what they sign for the whole facility: trust list, status list, checkpoints),
    /// statistics and sending reports, imports, frameworks, revocation, exports of everyone, rebuilds.
    case administer

    /// The permission a record needs, from what it records.
    public static func toRecord(_ payload: LedgerPayload) -> Permission {
        switch payload {
        case .personAdded: .addPerson
        case .assessmentRecorded(let a): .assess(a.personID)
        case .evidenceAttached(let e): .assess(e.personID)
        case .facilityInitialized, .frameworkImported, .credentialRevoked, .privacyBudgetSpent, .account: .administer
        default: payload.personID.map(Permission.recordFor) ?? .administer
        }
    }

    /// The person the permission concerns, when it concerns one.
    var personID: UUID? {
        switch self {
        case .recordFor(let id), .assess(let id), .export(let id): id
        case .read, .addPerson, .administer: nil
        }
    }
}

/// Which role may do what. Admin: everything. Counselor: read, add people, and record, correct and export for the
/// people of their own caseload (a person with no counselor assigned is the admin's to assign first). Assessor:
/// read, and assess anyone (assessors work across the workshop). Viewer: read. PK: nothing here.
public enum AccessPolicy {
    /// Whether `account` may act with `permission`.
    /// - Parameter counselor: the responsible counselor of the person the permission concerns, if any.
    public static func allows(_ account: StaffAccount, _ permission: Permission, counselor: String?) -> Bool {
        guard account.isActive else { return false }
        switch (account.role, permission) {
        // A PK reads what a Bapas received (`BapasApp`), never a facility's ledger.
        case (.pk, _): return false
        case (.admin, _), (_, .read): return true
        case (.counselor, .addPerson): return true
        case (.counselor, .recordFor), (.counselor, .assess), (.counselor, .export):
            return counselor == account.name
        case (.assessor, .assess): return true
        default: return false
        }
    }

    /// Whether the account may ever act with a permission of this kind for some person (to show a button or a
    /// menu before a person is chosen).
    public static func mayEver(_ account: StaffAccount, _ permission: Permission) -> Bool {
        allows(account, permission, counselor: account.name)
    }
}
