/// The ledger's Merkle log as a store read it inside one transaction (docs/ledger.md): its size and root, and the
/// consistency proof from an earlier size the caller asked for. Hashes are raw 32-byte values; the application
/// layer turns them into BekalLog's types, signs the checkpoint and checks the proof.
public struct LogTreeState: Sendable, Hashable {
    /// The number of events (leaves).
    public var size: Int64
    /// The RFC 9162 root of those events (32 bytes).
    public var root: [UInt8]
    /// The earlier size the consistency proof starts from, when one was asked for and could be made.
    public var provenFrom: Int64?
    /// The RFC 9162 consistency proof from `provenFrom` to `size` (empty when the sizes are equal).
    public var consistencyProof: [[UInt8]]

    /// - Parameters:
    ///   - size: the number of events.
    ///   - root: their root.
    ///   - provenFrom: the earlier size of the proof, if any.
    ///   - consistencyProof: the proof's hashes.
    public init(size: Int64, root: [UInt8], provenFrom: Int64? = nil, consistencyProof: [[UInt8]] = []) {
        self.size = size
        self.root = root
        self.provenFrom = provenFrom
        self.consistencyProof = consistencyProof
    }
}
