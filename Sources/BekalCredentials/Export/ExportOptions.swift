import BekalJSON
import Foundation

/// How a portfolio is exported.
public struct ExportOptions: Sendable {
    /// Whether the person's name goes into the export. Default OFF: an export is a file that gets forwarded
    /// (PK, employers, e-mail), and UU 27/2022 asks for the least personal data. The PK already knows whom the
    /// hearing is about and confirms the match with the register number, which is hashed; the person can ask
    /// for a named export for an employer.
    public var includeName: Bool
    /// The issuer id: the signing key's `did:key` when `nil`; otherwise e.g. an https URL that the facility's
    /// trust list binds to its keys.
    public var issuerID: String?
    /// Where the status list is published and which indices are already taken.
    public var statusAllocation: StatusAllocation

    public init(includeName: Bool = false, issuerID: String? = nil, statusAllocation: StatusAllocation) {
        self.includeName = includeName
        self.issuerID = issuerID
        self.statusAllocation = statusAllocation
    }
}

/// A signed export and the status-list indices it used (the store records new ones).
public struct ExportResult: Sendable {
    public var credential: JSONValue
    public var statusAllocation: StatusAllocation
    /// The ids of the embedded AchievementCredentials, in order.
    public var embeddedCredentialIDs: [String]
}
