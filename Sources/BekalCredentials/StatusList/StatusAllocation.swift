/// Which index of a status list belongs to which credential. The store keeps this mapping; the exporter takes
/// it in and hands back the new entries it allocated.
public struct StatusAllocation: Sendable, Hashable {
    /// The URL of the `BitstringStatusListCredential` the indices refer to.
    public var listURL: String
    /// Credential id → its index on the list, including the indices this value allocated.
    public private(set) var indices: [String: Int]
    /// How many indices the list has room for; allocation fails once they are all taken.
    public var capacity: Int
    private var nextIndex: Int

    /// Creates an allocation for the list at `listURL`; new indices continue after the highest one already taken.
    public init(listURL: String, indices: [String: Int] = [:], capacity: Int = StatusList.minimumBitCount) {
        self.listURL = listURL
        self.indices = indices
        self.capacity = capacity
        nextIndex = (indices.values.max() ?? -1) + 1
    }

    /// The credential's index, allocating the next free one the first time. Only the exporter's one-shot path
    /// (and tests) allocate here; the application allocates in the store (`allocateStatusIndices`) before signing.
    mutating func index(for credentialID: String) throws(CredentialError) -> Int {
        if let existing = indices[credentialID] { return existing }
        guard nextIndex < capacity else {
            throw CredentialError(.exportFailed, "the status list is full; start a new list")
        }
        indices[credentialID] = nextIndex
        nextIndex += 1
        return nextIndex - 1
    }

    /// The list with the bits of `revoked` credential ids set; ids never allocated are ignored.
    public func statusList(revoked: some Sequence<String>) throws(CredentialError) -> StatusList {
        var list = StatusList(bitCount: capacity)
        for id in revoked {
            if let index = indices[id] { try list.setBit(at: index) }
        }
        return list
    }
}
