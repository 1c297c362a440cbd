/// The size and root of a log's tree: what a checkpoint commits to, and what an outsider compares a log with.
public struct TreeHead: Sendable, Hashable, CustomStringConvertible {
    /// The number of leaves.
    public var size: UInt64
    /// MTH of the first `size` leaves.
    public var root: MerkleHash

    /// A tree head.
    public init(size: UInt64, root: MerkleHash) {
        self.size = size
        self.root = root
    }

    public var description: String { "size \(size), root \(root.base64)" }
}
