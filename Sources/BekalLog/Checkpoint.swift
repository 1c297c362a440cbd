/// The body of a C2SP tlog-checkpoint: the log's origin, its tree size and root, and optional extension lines.
/// It is signed as a C2SP signed note; `CheckpointVerifier` turns a signed note into a `VerifiedCheckpoint`.
///
/// ```
/// bekal.lapas-purwokerto.example/ledger
/// 5122
/// CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
/// ```
public struct Checkpoint: Sendable, Hashable {
    /// The log's identity; Bekal uses one per facility and signs with a key of the same name.
    public let origin: String
    /// The tree size and root.
    public let treeHead: TreeHead
    /// Opaque extension lines (Bekal writes none).
    public let extensions: [String]

    /// A checkpoint from its parts.
    /// - Throws: `LogError.malformedCheckpoint` for an empty origin or extension line, a newline in one, or a size
    ///   above 2^63 − 1.
    public init(origin: String, treeHead: TreeHead, extensions: [String] = []) throws {
        try Checkpoint.check(line: origin, number: 1, what: "origin")
        for (offset, line) in extensions.enumerated() {
            try Checkpoint.check(line: line, number: 4 + offset, what: "extension line")
        }
        guard treeHead.size <= UInt64(Int64.max) else {
            throw LogError(.malformedCheckpoint, "line 2: the tree size is larger than 2^63 - 1")
        }
        self.origin = origin
        self.treeHead = treeHead
        self.extensions = extensions
    }

    /// Parses a checkpoint body strictly: at least three non-empty lines, each ending in a newline; the size in
    /// decimal without leading zeros (unless 0); the root as canonical base64 of exactly 32 bytes.
    /// - Throws: `LogError.malformedCheckpoint` naming the line at fault.
    public init(parsing text: String) throws {
        guard text.hasSuffix("\n") else { throw LogError(.malformedCheckpoint, "the checkpoint does not end in a newline") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else {
            throw LogError(.malformedCheckpoint, "a checkpoint has at least 3 lines (origin, size, root), not \(lines.count)")
        }
        let size = try Checkpoint.parseSize(lines[1])
        try Checkpoint.check(line: lines[2], number: 3, what: "root")
        let root: MerkleHash
        do {
            root = try MerkleHash(base64: lines[2])
        } catch {
            throw LogError(.malformedCheckpoint, "line 3: the root is not canonical base64 of 32 bytes")
        }
        try self.init(origin: lines[0], treeHead: TreeHead(size: size, root: root), extensions: Array(lines[3...]))
    }

    /// The note text: origin, size, base64 root and extension lines, each followed by a newline.
    public var text: String {
        ([origin, String(treeHead.size), treeHead.root.base64] + extensions).map { $0 + "\n" }.joined()
    }

    /// The signed note of this checkpoint with the log's signature.
    /// - Throws: `LogError` when the signer's name is not the origin (a checkpoint's signature names its log).
    public func signed(by signer: Ed25519NoteSigner) throws -> SignedNote {
        guard signer.name == origin else {
            throw LogError(.malformedKey, "the signing key's name is not the checkpoint's origin")
        }
        return try signer.signedNote(text: text)
    }

    private static func parseSize(_ line: String) throws -> UInt64 {
        guard !line.isEmpty else { throw LogError(.malformedCheckpoint, "line 2: the tree size is empty") }
        guard line.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw LogError(.malformedCheckpoint, "line 2: the tree size is not a decimal number")
        }
        guard line == "0" || !line.hasPrefix("0") else {
            throw LogError(.malformedCheckpoint, "line 2: the tree size has a leading zero")
        }
        guard let size = UInt64(line), size <= UInt64(Int64.max) else {
            throw LogError(.malformedCheckpoint, "line 2: the tree size is larger than 2^63 - 1")
        }
        return size
    }

    private static func check(line: String, number: Int, what: String) throws {
        guard !line.isEmpty else { throw LogError(.malformedCheckpoint, "line \(number): the \(what) is empty") }
        guard !line.utf8.contains(where: { $0 < 0x20 }) else {
            throw LogError(.malformedCheckpoint, "line \(number): the \(what) contains a control character")
        }
    }
}
