/// The outcome of checking an inclusion or consistency proof.
public enum ProofVerification: Sendable, Hashable {
    /// The proof shows what it claims.
    case valid
    /// The proof does not hold; the failure says why.
    case invalid(ProofFailure)

    /// Whether the proof holds.
    public var isValid: Bool { self == .valid }
}

/// Why a proof does not hold.
public struct ProofFailure: Sendable, Hashable, CustomStringConvertible {
    /// The class of failure.
    public enum Reason: String, Sendable, Hashable {
        /// A leaf index outside the tree, sizes in the wrong order, or the empty tree as the older tree.
        case impossibleSizes = "impossible-sizes"
        /// More or fewer hashes than a proof between these sizes has.
        case wrongLength = "wrong-length"
        /// The hashes do not lead to the given root(s).
        case rootMismatch = "root-mismatch"
    }

    /// The class of failure.
    public var reason: Reason
    /// What failed, naming sizes and indices only.
    public var message: String

    public var description: String { message }
}
