import BekalCredentials
import BekalDomain
import BekalLog

/// The facility's ledger as a verifiable log (docs/ledger.md): its origin and the keys that sign its checkpoints.
///
/// **The origin** is `bekal.id/ledger/<facility code>`, e.g. `bekal.id/ledger/LAPAS-PWT`: a schema-less URL as
/// C2SP tlog-checkpoint asks, unique per facility (codes are unique within the directorate), fixed for the life of
/// the ledger (the code is in its first event and cannot change), and independent of the issuer id, the status
/// list URL and the keys, which can change. It names no person.
///
/// **The keys** are the issuer key ring's: the current key signs checkpoints (and exports) under the key name =
/// the origin; retired keys still verify the checkpoints they signed, as they verify old exports.
public struct FacilityLog: Sendable {
    /// What every origin starts with.
    public static let originPrefix = "bekal.id/ledger/"

    /// The origin of a facility's log.
    public static func origin(of facility: Facility) -> String { originPrefix + facility.code }

    /// The log's origin (and the checkpoint key name).
    public let origin: String
    /// The facility's keys.
    let ring: KeyRing

    /// The log of `facility`, signed with `ring`.
    init(facility: Facility, ring: KeyRing) {
        origin = Self.origin(of: facility)
        self.ring = ring
    }

    /// A checkpoint key: a key of the ring, with its window and its verifier key string.
    public struct Key: Sendable, Hashable {
        /// The key and the window in which it signed.
        public var validity: KeyValidity
        /// The C2SP verifier key (`<origin>+<key id>+<base64>`) a witness is told to trust.
        public var verifier: Ed25519NoteVerifier
        /// Whether it is the current key.
        public var isCurrent: Bool
    }

    /// Every key of the ring, retired first, the current one last.
    public func keys() throws -> [Key] {
        try ring.keys.map { validity in
            Key(validity: validity, verifier: try validity.didKey.noteVerifier(name: origin),
                isCurrent: validity.validUntil == nil)
        }
    }

    /// The signed checkpoint of `head`, signed with the current key.
    func sign(_ head: TreeHead) throws -> SignedNote {
        try Checkpoint(origin: origin, treeHead: head).signed(by: try ring.current.noteSigner(name: origin))
    }
}

extension LogTreeState {
    /// The tree head as BekalLog's value.
    var treeHead: TreeHead {
        get throws {
            guard let root = MerkleHash(root), size >= 0 else {
                throw AppError(.storage, "the ledger's log tree could not be read", reason: .logTreeUnreadable)
            }
            return TreeHead(size: UInt64(size), root: root)
        }
    }

    /// The consistency proof as BekalLog's values.
    var proof: [MerkleHash] {
        get throws {
            try consistencyProof.map {
                guard let hash = MerkleHash($0) else { throw AppError(.storage, "the ledger's log tree could not be read", reason: .logTreeUnreadable) }
                return hash
            }
        }
    }
}
