import Foundation

/// The layout of a facility's data directory: the ledger, the issuer keys, the evidence files and the two
/// settings files. The directory is 0700; keys/ is 0700 and its key file 0600.
public struct DataDirectory: Sendable, Hashable {
    /// The directory itself.
    public let root: URL

    /// - Parameter root: the data directory (`--home`, `$BEKAL_HOME`, `~/.bekal`).
    public init(root: URL) {
        self.root = root
    }

    /// `keys/`: the issuer key ring (`issuer-keys.json`).
    public var keys: URL { root.appendingPathComponent("keys") }
    /// `evidence/`: evidence files by SHA-256.
    public var evidence: URL { root.appendingPathComponent("evidence") }
    /// `issuer.json`: the configured https issuer id and status list URL, when set by `bekal init`.
    public var issuerSettings: URL { root.appendingPathComponent("issuer.json") }
    /// `readiness.json`: the facility's readiness policy, when it has its own.
    public var readinessPolicy: URL { root.appendingPathComponent("readiness.json") }
}
