import Foundation

/// The state directory of `bekal witness` (`--state DIR`), kept by a party outside any facility: its own key,
/// the facility logs it follows, the checkpoints it holds and the evidence it found. The directory is 0700; the
/// key, the list of logs and the held checkpoints are 0600 and refused when group or others can access them
/// (someone who could write them could make the witness cosign a rewritten history).
public struct WitnessDirectory: Sendable, Hashable {
    /// The directory itself.
    public let root: URL

    /// - Parameter root: the state directory.
    public init(root: URL) {
        self.root = root
    }

    /// `witness.key`: the cosigning key, one line `PRIVATE+KEY+<name>+<key id>+<base64(0x04 ‖ seed)>`.
    public var key: URL { root.appendingPathComponent("witness.key") }
    /// `logs.json`: origin → the checkpoint verifier keys trusted for it.
    public var logs: URL { root.appendingPathComponent("logs.json") }
    /// `checkpoints.json`: origin → the latest checkpoint accepted (BekalLog's `FileWitnessState`).
    public var checkpoints: URL { root.appendingPathComponent("checkpoints.json") }
    /// `evidence/`: one JSON file per rollback or fork found.
    public var evidence: URL { root.appendingPathComponent("evidence") }
}
