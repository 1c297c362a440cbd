import Foundation

/// One public key of the facility with the window in which it may sign.
public struct KeyValidity: Sendable, Hashable {
    /// The facility's public key, as a `did:key`.
    public var didKey: DIDKey
    /// When the key started signing; proofs created earlier are not covered.
    public var validFrom: Date
    /// `nil` while the key is current.
    public var validUntil: Date?

    /// Creates a key window; a `nil` `validUntil` means the key is still current.
    public init(didKey: DIDKey, validFrom: Date, validUntil: Date?) {
        self.didKey = didKey
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Whether a proof created at `date` falls inside the window (`validFrom` ≤ date < `validUntil`).
    public func covers(_ date: Date) -> Bool {
        date >= validFrom && (validUntil.map { date < $0 } ?? true)
    }
}

/// The facility's current signing key and the public halves of its retired keys, stored in one 0600 file
/// `<home>/keys/issuer-keys.json`. Retired private keys are discarded on rotation: only their public keys and
/// windows are kept, so earlier exports keep verifying through the trust list.
public struct KeyRing: Sendable {
    /// The file name inside `<home>/keys/`.
    public static let fileName = "issuer-keys.json"

    /// The key that signs new proofs.
    public private(set) var current: IssuerKey
    /// When the current key started signing.
    public private(set) var currentValidFrom: Date
    /// The public keys and windows of the retired keys; their private keys were discarded on rotation.
    public private(set) var retired: [KeyValidity]

    /// Creates a key ring from the current key, the time it became current, and the retired keys' windows.
    public init(current: IssuerKey, currentValidFrom: Date, retired: [KeyValidity] = []) {
        self.current = current
        self.currentValidFrom = currentValidFrom
        self.retired = retired
    }

    /// Every key, retired first, with its window.
    public var keys: [KeyValidity] {
        retired + [KeyValidity(didKey: current.didKey, validFrom: currentValidFrom, validUntil: nil)]
    }

    /// Creates a key ring with a fresh key in `directory` (normally `<home>/keys/`). Called by `bekal init`.
    /// Refuses to overwrite an existing ring.
    @discardableResult
    public static func create(at directory: URL, now: Date) throws(CredentialError) -> KeyRing {
        let url = directory.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            throw CredentialError(.keyFileWrite, "a key ring already exists; use 'bekal keys rotate' to replace the key")
        }
        let ring = KeyRing(current: .generate(), currentValidFrom: Self.wholeSecond(now, roundingUp: false))
        try ring.save(at: directory)
        return ring
    }

    /// Loads the ring from `directory`, refusing a file that group or others may read.
    public static func load(from directory: URL) throws(CredentialError) -> KeyRing {
        let data = try KeyFile.readPrivate(directory.appendingPathComponent(fileName))
        return try KeyRingFile.decode(data)
    }

    /// Writes the ring atomically with mode 0600.
    public func save(at directory: URL) throws(CredentialError) {
        try KeyFile.writePrivate(try KeyRingFile.encode(self), to: directory.appendingPathComponent(Self.fileName))
    }

    /// Retires the current key at `now` (its public key stays, with `validUntil = now`) and makes a new current key.
    ///
    /// Proof `created` times and trust-list windows are whole seconds, so the old key's window ends at the next
    /// whole second and the new key's starts at the current one: both cover the second of the rotation, and an
    /// export signed in that second (by either key) still verifies.
    public mutating func rotate(now: Date, newKey: IssuerKey = .generate()) {
        retired.append(KeyValidity(
            didKey: current.didKey, validFrom: currentValidFrom, validUntil: Self.wholeSecond(now, roundingUp: true)))
        current = newKey
        currentValidFrom = Self.wholeSecond(now, roundingUp: false)
    }

    /// The whole second `date` falls in (down), or the start of the next one (up): a rotation exactly on a
    /// whole second still leaves the old key that second, in which it may have signed.
    static func wholeSecond(_ date: Date, roundingUp: Bool) -> Date {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return Date(timeIntervalSince1970: roundingUp ? seconds + 1 : seconds)
    }
}
