/// Bounds the parser enforces before it trusts a document.
///
/// Signed documents reach Bekal from outside (a portfolio handed to a parole officer, a status list file), so
/// every dimension an attacker controls is capped and each cap has its own error.
public struct JSONLimits: Sendable, Hashable {
    /// Largest accepted document, in bytes. Checked before any byte is read.
    public var maxBytes: Int
    /// Deepest accepted nesting of arrays and objects; a top-level `[]` has depth 1.
    public var maxDepth: Int
    /// Longest accepted string (member names included), counted in bytes as written between the quotes, escapes
    /// included.
    public var maxStringBytes: Int
    /// Whether integers beyond ±2^53 are read as the nearest double instead of refused. Off for every document
    /// Bekal signs or verifies (such a number means different things to different readers); on for a general
    /// JCS tool, which must canonicalize every finite double.
    public var acceptsInexactIntegers: Bool

    /// Creates limits; inexact integers are refused unless `acceptsInexactIntegers` is set.
    public init(maxBytes: Int, maxDepth: Int, maxStringBytes: Int, acceptsInexactIntegers: Bool = false) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.acceptsInexactIntegers = acceptsInexactIntegers
    }

    /// 8 MiB, depth 64, strings up to 1 MiB.
    ///
    /// A CLR export of one portfolio (~25 individually signed achievement credentials, evidence carried as hashes,
    /// not file contents) is a few hundred KiB, and a status list credential is a few KiB, so 8 MiB leaves an order
    /// of magnitude of headroom while keeping a hostile file's memory cost bounded. The deepest Bekal document
    /// (CLR → verifiableCredential → credentialSubject → achievement → alignment → …) nests about 10 levels;
    /// 64 is generous for any VC 2.0 document yet keeps stack and work small. The longest legitimate string is a
    /// `proofValue` or an `encodedList` (a few KiB); 1 MiB still admits embedded data URLs of small images.
    public static let `default` = JSONLimits(maxBytes: 8 << 20, maxDepth: 64, maxStringBytes: 1 << 20)
}
