import BekalCredentials
import BekalDomain
import Foundation

/// A facility the Bapas trusts now, as `bekal bapas trust list` shows it: what the registry holds for it after
/// every import (a key's window is the narrowest any list gave it), and the last import that named it.
public struct TrustedFacility: Sendable, Hashable {
    /// One key the facility signs with, for one of its issuers.
    public struct Key: Sendable, Hashable {
        /// The issuer it signs for (a `did:key` is its own issuer when the facility publishes no issuer URL).
        public var issuerID: String
        /// The key and its window (`validUntil` `nil`: open, the key is current).
        public var validity: KeyValidity
    }

    /// The facility's name, as its lists give it.
    public var name: String?
    /// The facility's code, when a list gives one.
    public var code: String?
    /// Every key of every issuer of the facility, in the order the lists gave them.
    public var keys: [Key]
    /// The last import whose list named one of the facility's issuers (`nil` never happens for a registry built
    /// from imports; kept optional rather than trapping).
    public var lastImport: TrustListImport?
}

extension BapasApp {
    /// The registry as it stands: every trusted facility, in the order first imported, with its keys and the
    /// last import that named it. Read-only, like `trustHistory()`; empty before any import.
    public func trustedFacilities() async throws -> [TrustedFacility] {
        // The last import that named each issuer id (issuer ids belong to one facility: the registry refuses a
        // list that gives another facility's issuer).
        var lastImport: [String: TrustListImport] = [:]
        let registry = try await replayedRegistry { entry, list in
            for issuer in list.issuers { lastImport[issuer.id] = entry }
        }
        return registry.facilities.map { facility in
            TrustedFacility(
                name: facility.name, code: facility.code,
                keys: facility.issuers.flatMap { issuer in
                    issuer.keys.map { TrustedFacility.Key(issuerID: issuer.id, validity: $0) }
                },
                lastImport: facility.issuers.compactMap { lastImport[$0.id] }.max { $0.sequence < $1.sequence })
        }
    }
}
