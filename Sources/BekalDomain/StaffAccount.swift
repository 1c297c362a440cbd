import Foundation

/// What a staff account may do. The rights of each role are the application layer's (`Permission`); the role
/// itself is recorded in the ledger.
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The head of the programme (Kasi/Kasubsi Kegiatan Kerja): accounts, caseloads, keys, statistics, imports;
    /// and everything a counselor may do, for every person.
    case admin
    /// A wali: records and corrections for the people of their caseload; exports them.
    case counselor
    /// An asesor: records assessments (and attaches their evidence) for anyone.
    case assessor
    /// Reads everything, writes nothing.
    case viewer
    /// A parole officer (Pembimbing Kemasyarakatan) at a Bapas: reads the portfolios the Bapas received, and
    /// checks files; never a facility's records.
    case pk
}

extension StaffRole: GlossaryTerm {
    /// The role in Indonesian and English, e.g. Wali / Counselor.
    public var label: LocalizedText {
        switch self {
        case .admin: LocalizedText(id: "Admin", en: "Administrator")
        case .counselor: LocalizedText(id: "Wali", en: "Counselor")
        case .assessor: LocalizedText(id: "Asesor", en: "Assessor")
        case .viewer: LocalizedText(id: "Peninjau", en: "Viewer")
        case .pk: LocalizedText(id: "PK", en: "Parole officer")
        }
    }

    /// Other words accepted for the role, e.g. `kasi` for an admin or `pembina` for a counselor.
    public var aliases: [String] {
        switch self {
        case .admin: ["administrator", "kasi", "kepala"]
        case .counselor: ["pembina", "konselor", "wali pemasyarakatan"]
        case .assessor: ["penilai"]
        case .viewer: ["baca", "pembaca", "read-only"]
        case .pk: ["pembimbing kemasyarakatan", "parole officer", "pembimbing"]
        }
    }
}

/// A staff account's name as stamped on every event it records (`wali.sari`): 1 to 64 ASCII letters, digits,
/// `.`, `_`, `@` or `-`, starting with a letter or digit. Names are compared exactly. An account name is
/// not a person's name: staff choose it, and it may appear in logs of account changes.
public enum AccountName {
    /// Whether `text` is a valid account name.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64 else { return false }
        func allowed(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || ".-_@".unicodeScalars.contains(s)
        }
        return text.unicodeScalars.allSatisfy(allowed) && allowed(first) && !".-_@".unicodeScalars.contains(first)
    }
}

/// A change to the facility's staff accounts or caseloads (`account.*`, `caseload.assigned`). Password hashes
/// are never part of it: they live outside the append-only ledger.
public struct AccountEvent: Sendable, Hashable, Codable {
    /// What changed.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// A new account with `role`.
        case created
        /// The account's role became `role`.
        case roleChanged = "role-changed"
        /// The account may no longer sign in or record.
        case disabled
        /// A disabled account may sign in and record again.
        case enabled
        /// `account` (a counselor) became responsible for the person `personID` (their wali).
        case caseloadAssigned = "caseload-assigned"
    }

    /// What changed: creation, role change, disabling, enabling, or a caseload assignment.
    public var action: Action
    /// The account concerned (for a caseload assignment: the counselor).
    public var account: String
    /// The role, for `created` and `roleChanged`.
    public var role: StaffRole?
    /// The name shown for the account (e.g. "Sari W."), for `created`; never exported.
    public var displayName: String?
    /// The person, for `caseloadAssigned`.
    public var personID: UUID?

    /// - Parameters: see the properties.
    public init(action: Action, account: String, role: StaffRole? = nil, displayName: String? = nil, personID: UUID? = nil) {
        self.action = action
        self.account = account
        self.role = role
        self.displayName = displayName
        self.personID = personID
    }

    /// The event kind stored in the ledger's `type` column.
    public var kind: String {
        action == .caseloadAssigned ? "caseload.assigned" : "account.\(action.rawValue)"
    }
}

/// A staff account as the ledger's account events leave it.
public struct StaffAccount: Sendable, Hashable, Codable {
    /// The account name stamped on events.
    public var name: String
    /// What the account may do now (admin, counselor, assessor or viewer).
    public var role: StaffRole
    /// The name shown in the interface, when given.
    public var displayName: String?
    /// Whether the account may sign in and record.
    public var isActive: Bool
    /// Whether a password is set (an account without one can act only from the CLI).
    public var hasPassword: Bool

    /// - Parameters: see the properties.
    public init(name: String, role: StaffRole, displayName: String?, isActive: Bool, hasPassword: Bool) {
        self.name = name
        self.role = role
        self.displayName = displayName
        self.isActive = isActive
        self.hasPassword = hasPassword
    }
}

extension RecordValidation {
    /// The rules of an account event (the store checks it against the accounts that exist).
    static func checkAccount(_ event: AccountEvent, into v: inout RuleViolations) {
        if !AccountName.isValid(event.account) {
            v.add(.invalidIdentifier, "account", "An account name is 1 to 64 letters, digits, '.', '_', '@' or '-'.")
        }
        switch event.action {
        case .created, .roleChanged:
            if event.role == nil { v.add(.missingField, "role", "The role is required.") }
        case .caseloadAssigned:
            if event.personID == nil { v.add(.missingField, "personID", "The person is required.") }
        case .disabled, .enabled:
            break
        }
        v.allow(event.displayName, "displayName", maxLength: 100)
    }
}
